package org.passerelle.partnership.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.partnership.Device;
import org.passerelle.partnership.DeviceStatus;
import org.passerelle.partnership.RetirementReason;

/** A computer as staff see it, with its open loan if it is lent; its version is the ETag. */
public record DeviceView(
    UUID id,
    UUID donationId,
    String country,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode") String site,
    String serialNumber,
    String model,
    String specification,
    DeviceStatus status,
    String wipeCertificate,
    String wipedBy,
    OffsetDateTime wipedAt,
    RetirementReason retirementReason,
    LoanView loan,
    OffsetDateTime updatedAt,
    long version,
    @Schema(description = "The site's code, e.g. FR-SEVRAN") String siteCode,
    @Schema(description = "When it was created") OffsetDateTime createdAt) {

  public static DeviceView of(Device device, LoanView loan) {
    return new DeviceView(
        device.id,
        device.donationId,
        device.country,
        device.site,
        device.serialNumber,
        device.model,
        device.specification,
        device.status,
        device.wipeCertificate,
        device.wipedBy,
        device.wipedAt,
        device.retirementReason,
        loan,
        device.updatedAt,
        device.version,
        device.site,
        device.createdAt);
  }
}
