package org.passerelle.enrollment.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's consents: the one in force per purpose, and the whole history. */
public record ConsentsView(
    UUID applicantId,
    @Schema(
            description =
                "The newest record per purpose, the one in force; a purpose absent here was never"
                    + " asked, which is not consent")
        List<ConsentView> current,
    @Schema(description = "Every record, newest first; records are only ever added")
        List<ConsentView> history) {}
