package org.passerelle.placement;

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
import java.util.UUID;
import org.passerelle.commons.time.Now;

/**
 * A learner's situation at a date after the training: a job and its contract, an apprenticeship,
 * further training, a business of their own, or still looking. Whether it is durable employment is
 * decided when it is recorded, by the rule of the learner's country.
 */
@Entity
@Table(name = "placement")
public class Placement {
  @Id public UUID id;

  @Column(name = "learner_id")
  public UUID learnerId;

  public String country;

  /** The site where the learner trained. */
  @Column(name = "site_code")
  public String siteCode;

  @Enumerated(EnumType.STRING)
  public PlacementStatus status;

  @Enumerated(EnumType.STRING)
  public Situation situation;

  /** The date at which this was the learner's situation. */
  @Column(name = "situation_on")
  public LocalDate situationOn;

  /** When the situation started (the contract's first day). */
  @Column(name = "start_date")
  public LocalDate startDate;

  @Column(name = "employer_partner_id")
  public UUID employerPartnerId;

  @Column(name = "employer_name")
  public String employerName;

  @Enumerated(EnumType.STRING)
  @Column(name = "contract_type")
  public ContractType contractType;

  @Column(name = "duration_months")
  public Integer durationMonths;

  @Enumerated(EnumType.STRING)
  @Column(name = "working_time")
  public WorkingTime workingTime;

  @Enumerated(EnumType.STRING)
  @Column(name = "salary_band")
  public SalaryBand salaryBand;

  /** Whether the job uses what the training taught. */
  @Column(name = "matches_training")
  public Boolean matchesTraining;

  @Column(name = "durable_employment")
  public boolean durableEmployment;

  @Enumerated(EnumType.STRING)
  public PlacementSource source;

  @Enumerated(EnumType.STRING)
  @Column(name = "evidence_kind")
  public EvidenceKind evidenceKind;

  /** Free text about the evidence; blanked when the person is erased. */
  @Column(name = "evidence_note")
  public String evidenceNote;

  /** The hired candidacy it came from (source CANDIDACY): one placement per hire. */
  @Column(name = "candidacy_id")
  public UUID candidacyId;

  /** The follow-up that recorded it (source FOLLOW_UP, or the learner's answer). */
  @Column(name = "follow_up_id")
  public UUID followUpId;

  @Column(name = "recorded_by")
  public String recordedBy;

  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;

  /** Why staff dismissed it (status DISMISSED only). */
  @Enumerated(EnumType.STRING)
  @Column(name = "dismissal_reason")
  public DismissalReason dismissalReason;

  /** Free text about the dismissal; blanked when the person is erased. */
  @Column(name = "dismissal_note")
  public String dismissalNote;

  @Column(name = "dismissed_by")
  public String dismissedBy;

  @Column(name = "dismissed_at")
  public OffsetDateTime dismissedAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** Its last change, stamped on every write for the view's updatedAt (ADR 0043). */
  @PrePersist
  @PreUpdate
  void stampUpdatedAt() {
    updatedAt = updatedAt == null && recordedAt != null ? recordedAt : Now.stamp();
  }
}
