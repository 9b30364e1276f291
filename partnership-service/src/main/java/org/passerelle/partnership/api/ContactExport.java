package org.passerelle.partnership.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.api.Actor;

/**
 * Everything partnership-service holds about a contact (right of access): the person's details, the
 * organisation they are a contact of, who recorded them and when, and who read or changed them
 * since. Events never carry them.
 */
public record ContactExport(
    ContactView contact,
    UUID partnerId,
    String partnerName,
    String partnerCountry,
    @Schema(
            deprecated = true,
            description =
                "Token subject of the account that recorded the contact. Deprecated, removed after"
                    + " 2027-06-30; use recordedByActor")
        String recordedBy,
    @Schema(
            description =
                "Reads and changes of the contact (and lists of the partner's contacts while they"
                    + " were on it), newest first; this export included")
        List<ContactAccessView> accesses,
    @Schema(
            description =
                "The account that recorded the contact (PERSON; displayName null: names are not"
                    + " kept here)")
        Actor recordedByActor) {}
