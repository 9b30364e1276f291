package org.passerelle.partnership.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.partnership.PartnerContact;

/** A partner's contact; once erased, only the fact that there was one and when it was erased. */
public record ContactView(
    UUID id,
    UUID partnerId,
    String name,
    String jobTitle,
    String email,
    String phone,
    OffsetDateTime createdAt,
    OffsetDateTime erasedAt,
    long version,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static ContactView of(PartnerContact contact) {
    return new ContactView(
        contact.id,
        contact.partnerId,
        contact.name,
        contact.jobTitle,
        contact.email,
        contact.phone,
        contact.createdAt,
        contact.erasedAt,
        contact.version,
        contact.updatedAt);
  }
}
