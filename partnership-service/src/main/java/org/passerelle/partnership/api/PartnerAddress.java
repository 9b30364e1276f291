package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.partnership.Partner;

/**
 * A partner's postal address (an organisation's, not a person's). France and Morocco both have
 * five-digit postal codes.
 */
public record PartnerAddress(
    @NotNull @Size(max = 200) @Pattern(regexp = PartnerAddress.NOT_BLANK) String street,
    @Schema(examples = "95000") @NotNull @Size(max = 5) @Pattern(regexp = "[0-9]{5}")
        String postalCode,
    @NotNull @Size(max = 100) @Pattern(regexp = PartnerAddress.NOT_BLANK) String city) {

  /**
   * Not blank, written without inline flags: the OpenAPI document carries it and JSON Schema reads
   * ECMA-262 expressions.
   */
  public static final String NOT_BLANK = "\\s*\\S[\\s\\S]*";

  /** The partner's address, or null when it has none. */
  public static PartnerAddress of(Partner partner) {
    return partner.street == null
        ? null
        : new PartnerAddress(partner.street, partner.postalCode, partner.city);
  }

  public PartnerAddress stripped() {
    return new PartnerAddress(street.strip(), postalCode.strip(), city.strip());
  }
}
