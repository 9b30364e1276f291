package org.passerelle.placement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;

/**
 * What publishing a job offer takes. The fields after {@code openings} came with issue 16 and are
 * optional, so that callers of the first version keep working.
 */
public record PublishJobOfferRequest(
    UUID partnerId,
    @NotBlank @Size(max = 200) String employerName,
    @NotBlank @Size(max = 200) String title,
    @NotNull ContractType contractType,
    @NotBlank @Size(max = 64) @Pattern(regexp = SITE) String siteCode,
    @NotBlank @Size(max = 100) String city,
    @NotNull @Min(1) @Max(1000) Integer openings,
    @Size(max = 5000) String description,
    @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills,
    @Schema(description = "For CDD, temporary work and internships") @Min(1) @Max(120)
        Integer durationMonths,
    @Schema(description = "ON_SITE when left out") JobOffer.RemoteMode remoteMode,
    @Size(max = 20) List<@NotNull @Pattern(regexp = PROGRAMME) String> programmes,
    @Valid JobOfferSalary salary,
    @Schema(description = "The last day learners may apply; expired the day after")
        LocalDate closingDate,
    @Schema(
            description =
                "true keeps it a draft. Staff's offers are published at once otherwise; a"
                    + " partner's always start as drafts, sent to staff's moderation unless"
                    + " draft is true")
        Boolean draft,
    @Schema(description = "Other sites of the offer's country whose learners it targets")
        @Size(max = 20)
        List<@NotNull @Size(max = 64) @Pattern(regexp = SITE) String> targetSites) {

  public static final String SITE = "(FR|MA)-[A-Z0-9-]{1,61}";
  public static final String PROGRAMME = "[A-Z0-9-]{2,64}";

  /** Sites are named after their country: FR-SEVRAN is in France. */
  public String country() {
    return siteCode.substring(0, 2);
  }
}
