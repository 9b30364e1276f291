package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An applicant's application to a cohort's intake. */
@Entity
@Table(name = "application")
public class Application {
  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "applicant_id")
  public Applicant applicant;

  @Column(name = "cohort_id")
  public UUID cohortId;

  @Column(name = "site_code")
  public String siteCode;

  public String country;

  @Enumerated(EnumType.STRING)
  public ApplicationStatus status;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  /** Token subject of whoever submitted it (staff, integration or the learner). */
  @Column(name = "submitted_by")
  public String submittedBy;

  @Version public long version;
}
