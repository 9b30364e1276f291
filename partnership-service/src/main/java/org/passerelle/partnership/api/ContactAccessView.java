package org.passerelle.partnership.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.api.Actor;
import org.passerelle.partnership.PartnerContactAccess;

/** One read or change of a partner's contacts: who, when, what for; never the person's details. */
public record ContactAccessView(
    UUID id,
    OffsetDateTime at,
    @Schema(
            deprecated = true,
            description =
                "Token subject of the caller. Deprecated, removed after 2027-06-30; use actedBy")
        String actor,
    List<String> actorRoles,
    PartnerContactAccess.Action action,
    UUID partnerId,
    @Schema(description = "Absent for a list of the partner's contacts") UUID contactId,
    String country,
    @Schema(description = "The operation that needed them, e.g. getPartnerContact") String purpose,
    @Schema(
            description =
                "The caller's account (PERSON; displayName null: names are not kept here), or a"
                    + " system (SYSTEM)")
        Actor actedBy,
    @Schema(description = "When it happened, as at") OffsetDateTime createdAt,
    @Schema(description = "As createdAt: an access is never changed") OffsetDateTime updatedAt) {

  public static ContactAccessView of(PartnerContactAccess access) {
    return new ContactAccessView(
        access.id,
        access.at,
        access.actor,
        access.actorRoles.isBlank() ? List.of() : Arrays.asList(access.actorRoles.split(",")),
        access.action,
        access.partnerId,
        access.contactId,
        access.country,
        access.purpose,
        Actor.of(access.actor),
        access.at,
        access.at);
  }
}
