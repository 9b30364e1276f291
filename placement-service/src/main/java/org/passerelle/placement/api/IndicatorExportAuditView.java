package org.passerelle.placement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.api.Actor;

/** One audited export: who took which report of which scope and period, when, how many rows. */
public record IndicatorExportAuditView(
    UUID id,
    @Schema(
            deprecated = true,
            description =
                "Token subject of the account that exported. Deprecated, removed after 2027-06-30; use exportedByActor")
        String exportedBy,
    List<String> roles,
    OffsetDateTime exportedAt,
    String report,
    String format,
    String country,
    UUID funderPartnerId,
    String scope,
    LocalDate from,
    LocalDate to,
    Integer closureRevision,
    int rows,
    @Schema(
            description =
                "The account that exported (PERSON; displayName null: names are not kept here)")
        Actor exportedByActor,
    @Schema(description = "When it happened, as exportedAt") OffsetDateTime createdAt,
    @Schema(description = "As createdAt: an export's record is never changed")
        OffsetDateTime updatedAt) {}
