package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.passerelle.commons.time.Now;

/**
 * A prize a partner awarded at a site, to one learner or a group, or to educators: what, when and
 * why, and the convention (and its prizes commitment) it honours.
 */
@Entity
@Table(name = "prize")
public class Prize {
  @Id public UUID id;

  @Column(name = "partner_id")
  public UUID partnerId;

  @Column(name = "convention_id")
  public UUID conventionId;

  @Column(name = "commitment_id")
  public UUID commitmentId;

  public String country;

  public String site;

  public String title;

  public String reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind")
  public PrizeRecipientKind recipientKind;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "learner_ids")
  public List<UUID> learnerIds = new ArrayList<>();

  /** Educators' names: staff's names, never sent in events. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> educators = new ArrayList<>();

  @Column(name = "awarded_on")
  public LocalDate awardedOn;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** Its last change, stamped on every write for the view's updatedAt (ADR 0043). */
  @PrePersist
  @PreUpdate
  void stampUpdatedAt() {
    updatedAt = updatedAt == null && createdAt != null ? createdAt : Now.stamp();
  }
}
