package org.passerelle.enrollment.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON form of an import, as documented. The rows are read one by one, so that a row that is
 * not a valid application fails alone.
 */
@Schema(name = "ApplicationImportRequest")
public record ImportApplicationsRequest(
    @Schema(
            description =
                "The applications; each needs its externalRef. More rows than the import limit"
                    + " (10,000 by default) or more than 8 MiB: 413",
            maxItems = 10_000)
        List<SubmitApplicationRequest> rows) {}
