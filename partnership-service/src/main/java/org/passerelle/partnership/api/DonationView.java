package org.passerelle.partnership.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.partnership.Donation;

/** A donation as the API shows it, to staff and to its donor; its version is the ETag. */
public record DonationView(
    UUID id,
    UUID donorId,
    String country,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode") String site,
    LocalDate donatedOn,
    DeclaredValue declaredValue,
    int units,
    List<DonatedDevice> devices,
    OffsetDateTime createdAt,
    long version,
    @Schema(description = "The site's code, e.g. FR-SEVRAN") String siteCode,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static DonationView of(Donation donation, List<DonatedDevice> devices) {
    return new DonationView(
        donation.id,
        donation.donorId,
        donation.country,
        donation.site,
        donation.donatedOn,
        new DeclaredValue(donation.declaredAmount, donation.declaredCurrency),
        donation.units,
        devices,
        donation.createdAt,
        donation.version,
        donation.site,
        donation.updatedAt);
  }
}
