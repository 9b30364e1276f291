package org.passerelle.partnership.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.partnership.PartnerKind;
import org.passerelle.partnership.PartnerRole;

/**
 * What registering a partner takes, by POST or under a chosen id by PUT. The fields after the
 * country are optional (they came after the first version): roles default to the kind's.
 */
public record RegisterPartnerRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull PartnerKind kind,
    @NotNull @Pattern(regexp = "FR|MA") String country,
    @Schema(
            description =
                "The legal identifier of the country: SIRET in France (14 digits, its check digit"
                    + " right), ICE in Morocco (15 digits); spaces are ignored. Unique in its"
                    + " country (409)")
        @Size(max = 40)
        @Pattern(regexp = "[0-9A-Z ]{1,40}")
        String registrationNumber,
    @Schema(description = "Everything it does for the network; the kind's role when left out")
        @Size(min = 1, max = 11)
        Set<@NotNull PartnerRole> roles,
    @Size(max = 100) @Pattern(regexp = PartnerAddress.NOT_BLANK) String sector,
    @Valid PartnerAddress address,
    @Schema(description = "Codes of the sites it works with, all in its country") @Size(max = 100)
        Set<@NotNull @Pattern(regexp = PartnerView.SITE_CODE) @Size(max = 64) String> sites) {}
