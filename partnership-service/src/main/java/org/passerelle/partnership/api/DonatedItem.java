package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One computer of a donation, as it arrived. */
public record DonatedItem(
    @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")
        String serialNumber,
    @NotBlank @Size(max = 200) String model,
    @Size(max = 500) String specification) {}
