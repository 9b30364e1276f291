package org.passerelle.placement;

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

/**
 * A learner's candidacy to a job offer. It keeps the offer's employer, country and site and the
 * learner's site, so that scope is decided on the row: staff of either site, the employer (only
 * while the learner consents to CV sharing), the learner.
 */
@Entity
@Table(name = "candidacy")
public class Candidacy {
  @Id public UUID id;

  @Column(name = "job_offer_id")
  public UUID jobOfferId;

  @Column(name = "learner_id")
  public UUID learnerId;

  @Column(name = "employer_partner_id")
  public UUID employerPartnerId;

  public String country;

  /** The learner's site when the candidacy started (null when not known yet). */
  @Column(name = "site_code")
  public String siteCode;

  @Column(name = "offer_site_code")
  public String offerSiteCode;

  /** How it started: PROPOSED by staff or APPLIED by the learner. */
  @Enumerated(EnumType.STRING)
  public CandidacyStatus origin;

  @Enumerated(EnumType.STRING)
  public CandidacyStatus status;

  /** The job's first day, once hired. */
  @Column(name = "start_date")
  public LocalDate startDate;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "changed_at")
  public OffsetDateTime changedAt;

  @Version public long version;
}
