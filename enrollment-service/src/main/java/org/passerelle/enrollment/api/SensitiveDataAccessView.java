package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.api.Actor;
import org.passerelle.enrollment.SensitiveDataAccess;

/** One read or change of sensitive fields: who, when, what for, and which fields; never values. */
public record SensitiveDataAccessView(
    UUID id,
    OffsetDateTime at,
    @Schema(
            deprecated = true,
            description =
                "Token subject of the caller, or system:... for the service itself. Deprecated,"
                    + " removed after 2027-06-30; use actedBy")
        String actor,
    List<String> actorRoles,
    SensitiveDataAccess.Action action,
    @Schema(description = "Absent for a search across applicants") UUID applicantId,
    String country,
    @Schema(description = "Names of the sensitive fields involved, never their values")
        List<String> fields,
    @Schema(description = "The operation that needed them, e.g. getApplication") String purpose,
    @Schema(
            description =
                "Who read or changed them: the caller's account (PERSON; erased-account once the"
                    + " person who acted was erased) or a system (SYSTEM, e.g. retention)")
        Actor actedBy,
    @Schema(description = "When it happened, as at") OffsetDateTime createdAt,
    @Schema(description = "As createdAt: an access is never changed") OffsetDateTime updatedAt) {

  public static SensitiveDataAccessView of(SensitiveDataAccess access) {
    return new SensitiveDataAccessView(
        access.id,
        access.at,
        access.actor,
        split(access.actorRoles),
        access.action,
        access.applicantId,
        access.country,
        split(access.fields),
        access.purpose,
        Actor.of(access.actor),
        access.at,
        access.at);
  }

  private static List<String> split(String names) {
    return names == null || names.isBlank() ? List.of() : Arrays.asList(names.split(","));
  }
}
