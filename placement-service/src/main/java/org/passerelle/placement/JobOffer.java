package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A job offered to the school's learners, relayed by a site. */
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

  @Enumerated(EnumType.STRING)
  @Column(name = "contract_type")
  public ContractType contractType;

  @Column(name = "site_code")
  public String siteCode;

  public String country;
  public String city;
  public int openings;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  @Version public long version;
}
