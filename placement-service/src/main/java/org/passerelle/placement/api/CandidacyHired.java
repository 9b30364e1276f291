package org.passerelle.placement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.placement.ContractType;

/**
 * Fired in-process, inside the transaction that moves a candidacy to HIRED, so that the placement
 * it stands for is recorded in the same commit (source CANDIDACY) and placement-recorded follows.
 */
public record CandidacyHired(
    UUID candidacyId,
    UUID learnerId,
    UUID jobOfferId,
    UUID employerPartnerId,
    String employerName,
    ContractType contractType,
    Integer durationMonths,
    LocalDate startDate,
    String actor) {}
