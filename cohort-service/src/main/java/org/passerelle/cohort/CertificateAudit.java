package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One thing done to a certificate (issued, revoked), by whom and when. */
@Entity
@Table(name = "certificate_audit")
public class CertificateAudit {

  public enum Action {
    ISSUED,
    REVOKED
  }

  @Id public UUID id;

  /** Insertion order, given by the database. */
  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(name = "certificate_id")
  public UUID certificateId;

  @Enumerated(EnumType.STRING)
  public Action action;

  /** The token subject of the account that acted. */
  public String actor;

  @Column(name = "acted_at")
  public OffsetDateTime actedAt;

  /** Staff's words (a revocation's reason): personal, erased with the learner. */
  public String note;
}
