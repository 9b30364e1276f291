package org.passerelle.partnership.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;

/**
 * What a donor gave in one calendar year, for its social-responsibility report: units and declared
 * value (a total per currency), and each donation.
 */
public record DonorSummary(
    UUID donorId,
    String donorName,
    int year,
    int donations,
    int units,
    List<DeclaredValue> declaredValue,
    List<Line> lines) {

  /** One donation of the year. */
  public record Line(
      UUID donationId,
      LocalDate donatedOn,
      @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode") String site,
      int units,
      DeclaredValue declaredValue,
      @Schema(description = "The site's code, e.g. FR-SEVRAN") String siteCode) {}
}
