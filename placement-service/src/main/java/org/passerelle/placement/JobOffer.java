package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A job offered to the school's learners, relayed by a site: drafted, published (after staff
 * moderation when a partner posted it), then closed, filled or expired on its closing date.
 */
@Entity
@Table(name = "job_offer")
public class JobOffer {
  @Id public UUID id;

  /** The partner organisation offering it, when it is one. */
  @Column(name = "partner_id")
  public UUID partnerId;

  @Column(name = "employer_name")
  public String employerName;

  public String title;
  public String description;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> skills = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "contract_type")
  public ContractType contractType;

  /** For fixed-term contracts, temporary work and internships. */
  @Column(name = "duration_months")
  public Integer durationMonths;

  @Enumerated(EnumType.STRING)
  @Column(name = "remote_mode")
  public RemoteMode remoteMode = RemoteMode.ON_SITE;

  /** The site relaying it: its staff handle it. */
  @Column(name = "site_code")
  public String siteCode;

  public String country;
  public String city;

  /** Other sites of its country whose learners it targets, besides the relaying site. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "target_sites")
  public List<String> targetSites = new ArrayList<>();

  /** Programme codes whose learners it targets; none means every programme. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> programmes = new ArrayList<>();

  @Column(name = "salary_min")
  public BigDecimal salaryMin;

  @Column(name = "salary_max")
  public BigDecimal salaryMax;

  @Column(name = "salary_currency")
  public String salaryCurrency;

  @Enumerated(EnumType.STRING)
  @Column(name = "salary_period")
  public SalaryPeriod salaryPeriod;

  public int openings;

  /** The last day learners may apply; the day after, the expiry job expires it. */
  @Column(name = "closing_date")
  public LocalDate closingDate;

  @Enumerated(EnumType.STRING)
  public JobOfferStatus status;

  /** Set on offers a partner posted: staff approve or reject them before learners see them. */
  @Enumerated(EnumType.STRING)
  public Moderation moderation;

  /** Why staff rejected it, for the partner. */
  @Column(name = "moderation_note")
  public String moderationNote;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "changed_at")
  public OffsetDateTime changedAt;

  @Column(name = "closed_at")
  public OffsetDateTime closedAt;

  @Version public long version;

  /** Where the work is done. */
  public enum RemoteMode {
    ON_SITE,
    HYBRID,
    REMOTE
  }

  /** What a salary amount is paid for. */
  public enum SalaryPeriod {
    HOUR,
    MONTH,
    YEAR
  }

  /** Where a partner's offer is in staff's moderation. */
  public enum Moderation {
    PENDING,
    APPROVED,
    REJECTED
  }
}
