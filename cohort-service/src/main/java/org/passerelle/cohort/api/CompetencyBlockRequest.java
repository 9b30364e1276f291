package org.passerelle.cohort.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A competency block of a programme's certification, in the programme's list of blocks. */
public record CompetencyBlockRequest(
    @Schema(description = "Unique within the programme, e.g. BC01", maxLength = 40)
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = CreateProgrammeRequest.CODE)
        String code,
    @NotBlank @Size(max = 300) String titleFr,
    @NotBlank @Size(max = 300) String titleEn,
    @NotBlank @Size(max = 300) String titleAr) {}
