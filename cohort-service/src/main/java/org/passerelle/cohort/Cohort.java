package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

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

  @Enumerated(EnumType.STRING)
  public CohortStatus status;

  /** Applications submitted to this cohort, counted from enrollment-service's events. */
  @Column(name = "applications_received")
  public int applicationsReceived;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public long version;
}
