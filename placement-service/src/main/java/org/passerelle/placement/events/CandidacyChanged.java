package org.passerelle.placement.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.placement.Candidacy;
import org.passerelle.placement.CandidacyStatus;

/** Data of {@code candidacy-changed.v1}: a candidacy started or moved, pseudonymous ids only. */
public record CandidacyChanged(
    UUID candidacyId,
    UUID jobOfferId,
    UUID learnerId,
    UUID employerPartnerId,
    CandidacyStatus status,
    CandidacyStatus previousStatus,
    LocalDate startDate,
    String site,
    String country,
    OffsetDateTime occurredAt) {

  public static final String NAME = "candidacy-changed";

  public static CandidacyChanged of(Candidacy candidacy, CandidacyStatus previous) {
    return new CandidacyChanged(
        candidacy.id,
        candidacy.jobOfferId,
        candidacy.learnerId,
        candidacy.employerPartnerId,
        candidacy.status,
        previous,
        candidacy.startDate,
        candidacy.siteCode,
        candidacy.country,
        candidacy.changedAt);
  }
}
