package org.passerelle.partnership.api;

import java.util.List;
import java.util.UUID;

/**
 * What a partner promised and delivered, for the partner and staff: every commitment of its
 * conventions that the caller may read, with target, progress, due date and evidence.
 */
public record CommitmentSummary(
    UUID partnerId, long open, long fulfilled, long missed, List<CommitmentView> commitments) {}
