package org.passerelle.placement.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.EvidenceKind;
import org.passerelle.placement.PlacementSource;
import org.passerelle.placement.SalaryBand;
import org.passerelle.placement.Situation;
import org.passerelle.placement.WorkingTime;

/**
 * A situation recorded directly: by staff for a learner of their scope (learnerId, and who told
 * them: EMPLOYER or LEARNER), or by a learner for themself (no learnerId, or their own).
 */
public record RecordPlacementRequest(
    UUID learnerId,
    PlacementSource source,
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
    @Size(max = 500) String evidenceNote) {

  public SituationReport report() {
    return new SituationReport(
        situation,
        situationOn,
        startDate,
        employerPartnerId,
        employerName,
        contractType,
        durationMonths,
        workingTime,
        salaryBand,
        matchesTraining,
        evidenceKind,
        evidenceNote);
  }
}
