package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person's consent to one purpose, or its withdrawal: rows are only ever added, so the history
 * shows what was agreed, under which regime and text, and when. The newest row per purpose holds.
 */
@Entity
@Table(name = "consent")
public class Consent {
  @Id public UUID id;

  @Column(name = "applicant_id")
  public UUID applicantId;

  @Enumerated(EnumType.STRING)
  public ConsentPurpose purpose;

  public boolean granted;

  /** GDPR in France, law 09-08 in Morocco: from the country's rules. */
  public String regime;

  /** Version of the information text the person was shown. */
  @Column(name = "text_version")
  public String textVersion;

  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;

  /** Token subject of whoever recorded it (the person, or staff on their behalf). */
  @Column(name = "recorded_by")
  public String recordedBy;
}
