package org.passerelle.placement.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.passerelle.placement.ContractType;

/** What publishing a job offer takes. */
public record PublishJobOfferRequest(
    UUID partnerId,
    @NotBlank @Size(max = 200) String employerName,
    @NotBlank @Size(max = 200) String title,
    @NotNull ContractType contractType,
    @NotBlank @Size(max = 64) @Pattern(regexp = "(FR|MA)-[A-Z0-9-]{1,61}") String siteCode,
    @NotBlank @Size(max = 100) String city,
    @NotNull @Min(1) @Max(1000) Integer openings) {

  /** Sites are named after their country: FR-SEVRAN is in France. */
  public String country() {
    return siteCode.substring(0, 2);
  }
}
