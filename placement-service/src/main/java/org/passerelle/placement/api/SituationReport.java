package org.passerelle.placement.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.EvidenceKind;
import org.passerelle.placement.SalaryBand;
import org.passerelle.placement.Situation;
import org.passerelle.placement.WorkingTime;

/**
 * A learner's situation at a date, as staff or the learner report it: to confirm a placement, or to
 * answer a follow-up. A job under contract names its contract (and its length when fixed-term);
 * situations without a job name no employer or contract.
 *
 * @param situationOn the date at which this was the situation; today when absent
 * @param startDate when it started (the contract's first day); the situation's date when absent
 */
public record SituationReport(
    @NotNull Situation situation,
    LocalDate situationOn,
    LocalDate startDate,
    UUID employerPartnerId,
    @Size(max = 200) String employerName,
    ContractType contractType,
    @Min(1) @Max(120) Integer durationMonths,
    WorkingTime workingTime,
    SalaryBand salaryBand,
    Boolean matchesTraining,
    EvidenceKind evidenceKind,
    @Size(max = 500) String evidenceNote) {}
