package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;

/**
 * A person the school deals with at a partner: the only personal data of this service. Erasure
 * blanks the person's fields and keeps the row (so that the erasure itself is on record).
 */
@Entity
@Table(name = "partner_contact")
public class PartnerContact {
  @Id public UUID id;

  @Column(name = "partner_id")
  public UUID partnerId;

  public String name;

  /** Their role at the partner (e.g. HR manager), in their own words. */
  @Column(name = "job_title")
  public String jobTitle;

  public String email;

  public String phone;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "erased_at")
  public OffsetDateTime erasedAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** Its last change, stamped on every write for the view's updatedAt (ADR 0043). */
  @PrePersist
  @PreUpdate
  void stampUpdatedAt() {
    updatedAt = updatedAt == null && createdAt != null ? createdAt : Now.stamp();
  }

  public boolean erased() {
    return erasedAt != null;
  }
}
