package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The facts of a closed period as frozen once: revision 1 when it was closed, each correction the
 * next. {@code learners} and {@code applications} are JSON arrays of the indicators' facts
 * (pseudonymous ids and categories only), read back exactly as written.
 */
@Entity
@Table(name = "indicator_closure_revision")
@IdClass(IndicatorClosureRevision.Key.class)
public class IndicatorClosureRevision {

  /** The primary key: a closure and one of its revisions. */
  public record Key(UUID closureId, int revision) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "closure_id")
  public UUID closureId;

  @Id public int revision;

  /** Why a correction was recorded; null for the closure itself. */
  public String reason;

  @Column(name = "recorded_by")
  public String recordedBy;

  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;

  @Column(name = "learner_count")
  public int learnerCount;

  @Column(name = "application_count")
  public int applicationCount;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String learners;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String applications;
}
