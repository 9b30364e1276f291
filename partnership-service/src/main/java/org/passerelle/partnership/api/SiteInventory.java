package org.passerelle.partnership.api;

/**
 * A site's computers by where they are: waiting to be wiped, wiped, ready to lend, on loan (of
 * which overdue, and to recall), back and waiting for a new wipe.
 */
public record SiteInventory(
    String site,
    String country,
    long received,
    long wiped,
    long ready,
    long onLoan,
    long overdue,
    long toRecall,
    long returned) {}
