package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a convention ends before its end date; kept for staff and the partner, never published. */
public record TerminateConventionRequest(@NotBlank @Size(max = 500) String reason) {}
