package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

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

  @Version public long version;
}
