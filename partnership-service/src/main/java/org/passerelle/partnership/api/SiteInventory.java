package org.passerelle.partnership.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;

/**
 * A site's computers by where they are: waiting to be wiped, wiped, ready to lend, on loan (of
 * which overdue, and to recall), back and waiting for a new wipe.
 */
public record SiteInventory(
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode") String site,
    String country,
    long received,
    long wiped,
    long ready,
    long onLoan,
    long overdue,
    long toRecall,
    long returned,
    @Schema(description = "The site's code, e.g. FR-SEVRAN") String siteCode) {}
