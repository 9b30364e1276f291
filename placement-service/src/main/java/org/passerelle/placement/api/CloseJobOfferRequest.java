package org.passerelle.placement.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.JobOfferStatus;

/** How a published offer ends before its closing date: CLOSED, or FILLED when it was filled. */
public record CloseJobOfferRequest(
    @NotNull @Schema(enumeration = {"CLOSED", "FILLED"}) JobOfferStatus outcome) {}
