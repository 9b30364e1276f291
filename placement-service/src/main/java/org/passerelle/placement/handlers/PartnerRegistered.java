package org.passerelle.placement.handlers;

import java.util.UUID;

/** What placement-service reads of partnership-service's {@code partner-registered.v1}. */
public record PartnerRegistered(UUID partnerId, String country) {}
