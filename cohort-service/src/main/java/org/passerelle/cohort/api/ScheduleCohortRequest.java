package org.passerelle.cohort.api;

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

/** A new cohort of a programme at a site. */
public record ScheduleCohortRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9-]{2,64}") String programmeCode,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String siteCode,
    @NotNull LocalDate startDate,
    @NotNull LocalDate endDate,
    @NotNull @Min(1) @Max(500) Integer capacity,
    @Schema(
            description =
                "First day applications are taken; by default the day the cohort is scheduled"
                    + " (UTC), or the day recruitment closes if that is earlier")
        LocalDate recruitmentOpensOn,
    @Schema(
            description =
                "Last day applications are taken: on or after recruitmentOpensOn and before"
                    + " startDate; by default the day before startDate")
        LocalDate recruitmentClosesOn,
    @Schema(
            description = "Age an applicant must have reached on the start date; 18 when left out",
            minimum = "16",
            maximum = "99")
        @Min(16)
        @Max(99)
        Integer minimumAge,
    @Schema(
            description =
                "The trainers' names, shown to staff only, never sent in events; none"
                    + " when left out",
            maxItems = 10)
        @Size(max = 10)
        List<@NotBlank @Size(max = 200) String> trainers,
    @Schema(
            description =
                "The funders' names (organisations paying for the cohort), as people read them;"
                    + " none when left out",
            maxItems = 20)
        @Size(max = 20)
        List<@NotBlank @Size(max = 200) String> funders,
    @Schema(
            description =
                "The funders as partners: ids of partners registered in the cohort's country"
                    + " (422 otherwise, also for one registered a moment ago: retry shortly);"
                    + " what indicators and conventions join on. None when left out",
            maxItems = 20)
        @Size(max = 20)
        List<@NotNull UUID> funderPartnerIds) {}
