package org.passerelle.enrollment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.ConsentPurpose;

/** A consent the person gives (or refuses) for one purpose, with the text they were shown. */
public record ConsentGiven(
    @NotNull ConsentPurpose purpose,
    @NotNull Boolean granted,
    @Schema(
            description =
                "Version of the information text shown; the country's current one if absent")
        @Size(max = 40)
        @Pattern(regexp = "[A-Za-z0-9._-]+")
        String textVersion) {}
