package org.passerelle.cohort;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A certificate issued for a full or partial certification. It keeps a copy of what it certifies
 * (programme, certification, blocks, date), so later changes to the programme never change it, and
 * employers find it by its {@link #publicId}, which cannot be guessed from another one.
 */
@Entity
@Table(name = "certificate")
public class Certificate {
  @Id public UUID id;

  /** The verification id printed on the certificate; random, unrelated to {@link #id}. */
  @Column(name = "public_id")
  public String publicId;

  @Column(name = "result_id")
  public UUID resultId;

  @Column(name = "cohort_id")
  public UUID cohortId;

  @Column(name = "learner_id")
  public UUID learnerId;

  @Enumerated(EnumType.STRING)
  public CertificationOutcome outcome;

  @Column(name = "programme_code")
  public String programmeCode;

  @Column(name = "programme_title_fr")
  public String programmeTitleFr;

  @Column(name = "programme_title_en")
  public String programmeTitleEn;

  @Column(name = "programme_title_ar")
  public String programmeTitleAr;

  @Column(name = "certification_framework")
  public String certificationFramework;

  @Column(name = "certification_code")
  public String certificationCode;

  @Column(name = "certification_level")
  public int certificationLevel;

  @Column(name = "certified_on")
  public LocalDate certifiedOn;

  @Column(name = "issued_at")
  public OffsetDateTime issuedAt;

  @Enumerated(EnumType.STRING)
  public CertificateStatus status;

  @Column(name = "revoked_at")
  public OffsetDateTime revokedAt;

  /** The day of the revocation at the cohort's site. */
  @Column(name = "revoked_on")
  public LocalDate revokedOn;

  /** The blocks certified, in the programme's order: all of them for a full certification. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "certificate_block", joinColumns = @JoinColumn(name = "certificate_id"))
  @OrderColumn(name = "position")
  public List<CertifiedBlock> blocks = new ArrayList<>();

  @Version public long version;
}
