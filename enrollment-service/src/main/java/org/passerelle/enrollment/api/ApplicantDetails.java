package org.passerelle.enrollment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.JobSeekerAgency;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.ReferralSource;

/**
 * Who the applicant is, as they declare it. Formats that differ by country (phone, postal code,
 * job-seeker identifier) are checked against the country's rules after these bounds.
 */
public record ApplicantDetails(
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @NotNull @Past LocalDate birthDate,
    @NotBlank @Email @Size(max = 254) String email,
    @Schema(description = "E.164, e.g. +33612345678", examples = "+33612345678")
        @NotBlank
        @Size(max = 16)
        String phone,
    @NotNull @Valid Address address,
    @Schema(description = "ISO 3166-1 alpha-2", examples = "FR")
        @NotNull
        @Pattern(regexp = "[A-Z]{2}")
        String nationality,
    @Schema(description = "As declared; NOT_DECLARED when the person prefers not to say")
        Gender gender,
    @NotNull EducationLevel educationLevel,
    @Valid Employment employment,
    @Schema(
            description =
                "Priority publics the person declares; REFUGEE and DISABILITY are sensitive")
        @Size(max = 4)
        Set<@NotNull PriorityPublic> priorityPublics,
    @Valid Referral referral,
    @Size(max = 4000) String motivation,
    @Valid Constraints constraints) {

  public ApplicantDetails {
    // One order for the same set, so that a re-sent request hashes the same (idempotency keys,
    // imports); a set holding null is left for validation to report.
    if (priorityPublics != null && priorityPublics.stream().noneMatch(Objects::isNull)) {
      priorityPublics =
          priorityPublics.isEmpty()
              ? EnumSet.noneOf(PriorityPublic.class)
              : EnumSet.copyOf(priorityPublics);
    }
  }

  public record Address(
      @NotBlank @Size(max = 200) String line,
      @NotBlank @Size(max = 16) String postalCode,
      @NotBlank @Size(max = 100) String city,
      @Schema(description = "ISO 3166-1 alpha-2") @NotNull @Pattern(regexp = "[A-Z]{2}")
          String country) {}

  /** Registration with the public employment service; absent or null agency: not registered. */
  public record Employment(JobSeekerAgency jobSeekerAgency, @Size(max = 30) String jobSeekerId) {}

  public record Referral(@NotNull ReferralSource source, @Size(max = 200) String contact) {}

  public record Constraints(
      @Size(max = 500) String availability,
      @Schema(description = "Sensitive: may reveal health") @Size(max = 1000)
          String accommodationNeeds) {}
}
