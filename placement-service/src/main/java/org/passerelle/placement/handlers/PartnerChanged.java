package org.passerelle.placement.handlers;

import java.util.UUID;
import org.passerelle.placement.PartnerStatus;

/**
 * What placement-service reads of partnership-service's {@code partner-changed.v1}: the partner's
 * status after the change, with the version it produced so that the newest wins.
 */
public record PartnerChanged(UUID partnerId, String country, PartnerStatus status, long version) {}
