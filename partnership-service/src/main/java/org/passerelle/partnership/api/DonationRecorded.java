package org.passerelle.partnership.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A donation was just recorded: fired as a CDI event inside the intake's transaction, so that the
 * service's other rules (a computers commitment's progress) may follow it in the same commit. Not a
 * domain event: nothing leaves the service.
 */
public record DonationRecorded(
    UUID donationId, UUID donorId, String country, String site, LocalDate donatedOn, int units) {}
