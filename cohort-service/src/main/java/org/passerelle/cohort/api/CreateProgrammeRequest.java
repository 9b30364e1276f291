package org.passerelle.cohort.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.JobTrack;

/** A new programme, with its certification and its competency blocks. */
public record CreateProgrammeRequest(
    @Schema(
            description = "Upper-case letters, digits and hyphens, e.g. WEB-DEV; never changes",
            maxLength = 64)
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = CODE)
        String code,
    @NotNull @Valid Titles titles,
    @NotNull JobTrack jobTrack,
    @NotNull @Valid Certification certification,
    @Schema(minimum = "1", maximum = "104") @NotNull @Min(1) @Max(104) Integer durationWeeks,
    @Schema(description = "In their order; codes unique; none when left out", maxItems = 20)
        @Size(max = 20)
        List<@NotNull @Valid CompetencyBlockRequest> competencyBlocks) {

  /** Programme and block codes. */
  static final String CODE = "[A-Z0-9]+(-[A-Z0-9]+)*";

  /** A certification code, whole; each framework narrows it (configuration). */
  static final String CERTIFICATION_CODE = "[A-Z0-9][A-Z0-9-]{1,39}";

  @Schema(
      name = "CreateProgrammeTitles",
      description = "A new programme's title in French, English and Arabic")
  public record Titles(
      @NotBlank @Size(max = 200) String fr,
      @NotBlank @Size(max = 200) String en,
      @NotBlank @Size(max = 200) String ar) {}

  @Schema(
      name = "CreateProgrammeCertification",
      description = "The certification a new programme prepares for")
  public record Certification(
      @Schema(description = "A configured framework: RNCP or MA-CNC", maxLength = 20)
          @NotBlank
          @Size(max = 20)
          @Pattern(regexp = "[A-Z0-9-]{2,20}")
          String framework,
      @Schema(
              description =
                  "The register's code, e.g. RNCP37674 (RNCP followed by digits); may be left"
                      + " out until the certification is registered",
              maxLength = 40)
          @Size(max = 40)
          @Pattern(regexp = CERTIFICATION_CODE)
          String code,
      @Schema(
              description = "The framework's level, 3 to 8: RNCP 5 = Bac+2, 6 = Bac+3",
              minimum = "1",
              maximum = "8")
          @NotNull
          @Min(1)
          @Max(8)
          Integer level) {}
}
