package org.passerelle.cohort.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new site of the network. */
public record CreateSiteRequest(
    @Schema(
            description =
                "Country, hyphen, then upper-case letters, digits and hyphens, e.g. FR-SEVRAN;"
                    + " starts with the site's country; never changes",
            maxLength = 64)
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = CODE)
        String code,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 100) String city,
    @NotBlank @Size(max = 100) String region,
    @Schema(enumeration = {"FR", "MA"}) @NotNull @Pattern(regexp = "FR|MA") String country,
    @Schema(description = "IANA time zone (region id), e.g. Europe/Paris", maxLength = 64)
        @NotBlank
        @Size(max = 64)
        String timeZone) {

  /** A site code: the country, a hyphen, then upper-case words joined by hyphens. */
  static final String CODE = "[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*";
}
