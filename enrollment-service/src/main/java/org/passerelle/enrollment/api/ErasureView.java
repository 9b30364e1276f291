package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an erasure did. */
public record ErasureView(
    UUID applicantId,
    @Schema(description = "The pseudonym applicant-erased names; other services drop what it links")
        UUID learnerId,
    OffsetDateTime erasedAt,
    @Schema(description = "Open applications withdrawn first (application-withdrawn emitted)")
        List<UUID> withdrawnApplications) {}
