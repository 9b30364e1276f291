package org.passerelle.cohort.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.CertificationOutcome;

/** A jury's result for one active learner of the cohort. */
public record RecordCertificationRequest(
    @Schema(description = "The learner (pseudonymous id), active in the cohort") @NotNull
        UUID learnerId,
    @NotNull CertificationOutcome outcome,
    @Schema(
            description =
                "Codes of the competency blocks validated: required for PARTIALLY_CERTIFIED (some"
                    + " of the programme's blocks, not all), absent or empty otherwise",
            maxItems = MAX_BLOCKS)
        @Size(max = MAX_BLOCKS)
        List<@NotNull @Pattern(regexp = BLOCK_CODE) String> blocks,
    @Schema(
            description =
                "The day the jury decided: not before the cohort's start, not after today at the"
                    + " cohort's site")
        @NotNull
        LocalDate certifiedOn,
    @Schema(
            description = "The jury's reference (e.g. its minutes), for staff only",
            maxLength = 100)
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = PRINTABLE)
        String juryReference) {

  static final int MAX_BLOCKS = 50;
  static final String BLOCK_CODE = "[A-Z0-9][A-Z0-9_-]{0,39}";

  /** Any characters but control, format, private-use and unassigned ones. */
  static final String PRINTABLE = "[^\\p{C}]*";

  /** The blocks named, none when left out. */
  public List<String> blocksNamed() {
    return blocks == null ? List.of() : blocks;
  }
}
