package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;

/** One donated computer, kept by a site, and where it is in its life ({@link DeviceStatus}). */
@Entity
@Table(name = "device")
public class Device {
  @Id public UUID id;

  @Column(name = "donation_id")
  public UUID donationId;

  public String country;
  public String site;

  @Column(name = "serial_number")
  public String serialNumber;

  public String model;
  public String specification;

  @Enumerated(EnumType.STRING)
  public DeviceStatus status;

  /** The reference of the wipe certificate, and who wiped it (a technician or a company). */
  @Column(name = "wipe_certificate")
  public String wipeCertificate;

  @Column(name = "wiped_by")
  public String wipedBy;

  @Column(name = "wiped_at")
  public OffsetDateTime wipedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "retirement_reason")
  public RetirementReason retirementReason;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public long version;

  /** Its creation, stamped for the view's createdAt (ADR 0043): when it was first written. */
  @PrePersist
  void stampCreatedAt() {
    if (createdAt == null) {
      createdAt = updatedAt != null ? updatedAt : Now.stamp();
    }
  }
}
