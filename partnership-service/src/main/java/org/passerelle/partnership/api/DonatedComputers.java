package org.passerelle.partnership.api;

import java.time.LocalDate;
import java.util.UUID;

/** Evidence of computers a donor gave: one donation, its day, site and number of computers. */
public record DonatedComputers(UUID donationId, LocalDate donatedOn, String site, int units) {}
