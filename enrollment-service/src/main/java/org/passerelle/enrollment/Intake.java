package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;

/**
 * A cohort as recruitment sees it: a copy of cohort-service's cohort, kept from its events only.
 * Its id is the cohort's id.
 */
@Entity
@Table(name = "intake")
public class Intake {
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

  /** First day applications are taken; null for intakes learned before cohorts carried it. */
  @Column(name = "recruitment_opens_on")
  public LocalDate recruitmentOpensOn;

  /** Last day applications are taken. */
  @Column(name = "recruitment_closes_on")
  public LocalDate recruitmentClosesOn;

  /** Age an applicant must have reached on the start date. */
  @Column(name = "minimum_age")
  public Integer minimumAge;

  /** cohort-service's status, kept as text: a status it adds later must not break the copy. */
  @Column(name = "cohort_status")
  public String cohortStatus;

  /** The cohort's version this copy was made from; only a newer one replaces it. */
  @Column(name = "cohort_version")
  public long cohortVersion;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  /** Whether cohort-service still takes people for this cohort. */
  public boolean recruiting() {
    return "PLANNED".equals(cohortStatus) || "RECRUITING".equals(cohortStatus);
  }

  /** Whether a person may apply on this day, by the cohort's status and recruitment window. */
  public boolean openOn(LocalDate day) {
    LocalDate closes = recruitmentClosesOn == null ? startDate.minusDays(1) : recruitmentClosesOn;
    return recruiting()
        && (recruitmentOpensOn == null || !day.isBefore(recruitmentOpensOn))
        && !day.isAfter(closes);
  }

  /** Its creation, stamped for the view's createdAt (ADR 0043): when it was first written. */
  @PrePersist
  void stampCreatedAt() {
    if (createdAt == null) {
      createdAt = updatedAt != null ? updatedAt : Now.stamp();
    }
  }
}
