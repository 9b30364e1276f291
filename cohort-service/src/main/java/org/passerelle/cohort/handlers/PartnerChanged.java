package org.passerelle.cohort.handlers;

import java.util.UUID;
import org.passerelle.cohort.PartnerStatus;

/**
 * What cohort-service reads of partnership-service's {@code partner-changed.v1}: the partner's name
 * and status after the change, with the version it produced so that the newest wins.
 */
public record PartnerChanged(
    UUID partnerId, String name, String country, PartnerStatus status, long version) {}
