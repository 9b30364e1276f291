package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A cohort as cohort-service announced it: where and when it runs, its programme, its status and
 * the partners funding it; what the impact indicators attribute learners by.
 */
@Entity
@Table(name = "known_cohort")
public class KnownCohort {
  @Id
  @Column(name = "cohort_id")
  public UUID cohortId;

  public String country;

  @Column(name = "site_code")
  public String siteCode;

  @Column(name = "programme_code")
  public String programmeCode;

  /** Null only for a cohort learned from its cancellation. */
  @Column(name = "start_date")
  public LocalDate startDate;

  @Column(name = "end_date")
  public LocalDate endDate;

  /** cohort-service's status (PLANNED, RECRUITING, RUNNING, COMPLETED, CANCELLED). */
  public String status;

  /** The funders as partnership-service's partner ids, in staff's order. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "funder_partner_ids")
  public List<UUID> funderPartnerIds = new ArrayList<>();

  /**
   * cohort-service's version of the cohort this copy holds (0: as scheduled), not this row's: only
   * a newer one replaces it.
   */
  public long version;

  @Column(name = "learned_at")
  public OffsetDateTime learnedAt;
}
