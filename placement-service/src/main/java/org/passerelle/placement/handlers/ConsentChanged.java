package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** What placement-service reads of enrollment-service's {@code consent-changed.v1}. */
public record ConsentChanged(
    UUID learnerId, String country, Set<String> consentedPurposes, OffsetDateTime occurredAt) {}
