package org.passerelle.cohort;

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

/** One run of a programme at a site, with its seats. */
@Entity
@Table(name = "cohort")
public class Cohort {
  @Id public UUID id;

  @Column(name = "programme_code")
  public String programmeCode;

  @Column(name = "site_code")
  public String siteCode;

  public String country;

  @Column(name = "start_date")
  public LocalDate startDate;

  @Column(name = "end_date")
  public LocalDate endDate;

  public int capacity;

  /** First day applications are taken. */
  @Column(name = "recruitment_opens_on")
  public LocalDate recruitmentOpensOn;

  /** Last day applications are taken; before the start date. */
  @Column(name = "recruitment_closes_on")
  public LocalDate recruitmentClosesOn;

  /** The age an applicant must have reached on the start date. */
  @Column(name = "minimum_age")
  public int minimumAge;

  @Enumerated(EnumType.STRING)
  public CohortStatus status;

  /** The trainers' names: staff's names, shown to staff, never sent in events. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> trainers = new ArrayList<>();

  /** The funders' names (organisations paying for the cohort), in the order staff gave them. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> funders = new ArrayList<>();

  /**
   * The funders as partners (ids partnership-service gave them, known here in the cohort's
   * country), in staff's order: what indicators and conventions join on.
   */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "funder_partner_ids")
  public List<UUID> funderPartnerIds = new ArrayList<>();

  /**
   * Seats held by learners enrolled or active. The database keeps it as learners' rows change, in
   * their transaction (V2026.12.08.01, ADR 0034), so it is never written here; under the cohort's
   * lock, a decision about seats still counts them.
   */
  @Column(name = "seats_taken", insertable = false, updatable = false)
  public int seatsTaken;

  /** Applications submitted to this cohort, counted from enrollment-service's events. */
  @Column(name = "applications_received")
  public int applicationsReceived;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  /** When staff started the cohort; null before, and for cohorts that ran before it was kept. */
  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "completed_at")
  public OffsetDateTime completedAt;

  @Column(name = "cancelled_at")
  public OffsetDateTime cancelledAt;

  /** Staff's note on why; kept here, never sent in events. */
  @Column(name = "cancellation_reason")
  public String cancellationReason;

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
