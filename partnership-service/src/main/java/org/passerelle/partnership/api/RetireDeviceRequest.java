package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotNull;
import org.passerelle.partnership.RetirementReason;

/** Taking a computer out of the stock for good, with the coded reason. */
public record RetireDeviceRequest(@NotNull RetirementReason reason) {}
