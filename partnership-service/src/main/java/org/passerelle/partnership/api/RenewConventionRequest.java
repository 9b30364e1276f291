package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The successor's period (it starts the day after its predecessor ends unless told) and its
 * document; partner, country, sites and programmes are the predecessor's.
 */
public record RenewConventionRequest(
    LocalDate startsOn,
    @NotNull LocalDate endsOn,
    @Size(max = 100) @Pattern(regexp = CreateConventionRequest.DOCUMENT)
        String documentReference) {}
