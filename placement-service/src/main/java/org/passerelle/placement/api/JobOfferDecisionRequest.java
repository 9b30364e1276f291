package org.passerelle.placement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff rejected a partner's offer in moderation, for the partner to correct it. */
public record JobOfferDecisionRequest(@NotBlank @Size(max = 500) String reason) {}
