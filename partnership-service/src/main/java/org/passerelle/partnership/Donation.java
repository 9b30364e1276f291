package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;

/** Computers a donor partner gave, received at one site on one day, with their declared value. */
@Entity
@Table(name = "donation")
public class Donation {
  @Id public UUID id;

  @Column(name = "donor_id")
  public UUID donorId;

  public String country;
  public String site;

  @Column(name = "donated_on")
  public LocalDate donatedOn;

  @Column(name = "declared_amount")
  public BigDecimal declaredAmount;

  @Column(name = "declared_currency")
  public String declaredCurrency;

  public int units;

  /** The staff account that recorded the intake. */
  @Column(name = "recorded_by")
  public String recordedBy;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** Its last change, stamped on every write for the view's updatedAt (ADR 0043). */
  @PrePersist
  @PreUpdate
  void stampUpdatedAt() {
    updatedAt = updatedAt == null && createdAt != null ? createdAt : Now.stamp();
  }
}
