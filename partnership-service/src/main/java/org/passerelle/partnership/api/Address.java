package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.passerelle.partnership.Partner;

/** A partner's postal address (an organisation's, not a person's). */
public record Address(
    @NotNull @Size(max = 200) @Pattern(regexp = Address.NOT_BLANK) String street,
    @NotNull @Size(max = 20) @Pattern(regexp = "[0-9A-Z][0-9A-Z -]{0,19}") String postalCode,
    @NotNull @Size(max = 100) @Pattern(regexp = Address.NOT_BLANK) String city) {

  /**
   * Not blank, written without inline flags: the OpenAPI document carries it and JSON Schema reads
   * ECMA-262 expressions.
   */
  public static final String NOT_BLANK = "\\s*\\S[\\s\\S]*";

  /** The partner's address, or null when it has none. */
  public static Address of(Partner partner) {
    return partner.street == null
        ? null
        : new Address(partner.street, partner.postalCode, partner.city);
  }

  public Address stripped() {
    return new Address(street.strip(), postalCode.strip(), city.strip());
  }
}
