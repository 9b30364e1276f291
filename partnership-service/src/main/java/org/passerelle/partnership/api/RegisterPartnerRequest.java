package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.passerelle.partnership.PartnerKind;

/** What registering a partner takes, by POST or under a chosen id by PUT. */
public record RegisterPartnerRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull PartnerKind kind,
    @NotNull @Pattern(regexp = "FR|MA") String country,
    @Size(max = 40) @Pattern(regexp = "[0-9A-Z ]{1,40}") String registrationNumber) {}
