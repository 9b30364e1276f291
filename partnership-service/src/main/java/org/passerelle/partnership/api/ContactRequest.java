package org.passerelle.partnership.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person to deal with at a partner: at least an email or a phone to reach them by. */
public record ContactRequest(
    @NotNull @Size(max = 200) @Pattern(regexp = PartnerAddress.NOT_BLANK) String name,
    @Size(max = 100) @Pattern(regexp = PartnerAddress.NOT_BLANK) String jobTitle,
    @Size(max = 254) @Email String email,
    @Size(max = 30) @Pattern(regexp = PHONE) String phone) {

  public static final String PHONE = "\\+?[0-9][0-9 .()-]{5,29}";
}
