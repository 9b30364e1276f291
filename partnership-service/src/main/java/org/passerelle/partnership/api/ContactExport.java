package org.passerelle.partnership.api;

import java.util.UUID;

/**
 * Everything partnership-service holds about a contact (right of access): the person's details, the
 * organisation they are a contact of, who recorded them and when. Events never carry them.
 */
public record ContactExport(
    ContactView contact,
    UUID partnerId,
    String partnerName,
    String partnerCountry,
    String recordedBy) {}
