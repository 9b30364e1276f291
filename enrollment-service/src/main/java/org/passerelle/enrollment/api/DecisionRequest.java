package org.passerelle.enrollment.api;

import jakarta.validation.constraints.Size;

/** Why: required to reject, optional otherwise. */
public record DecisionRequest(@Size(max = 1000) String reason) {}
