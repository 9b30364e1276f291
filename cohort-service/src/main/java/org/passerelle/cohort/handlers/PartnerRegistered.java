package org.passerelle.cohort.handlers;

import java.util.UUID;

/** What cohort-service reads of partnership-service's {@code partner-registered.v1}. */
public record PartnerRegistered(UUID partnerId, String name, String country) {}
