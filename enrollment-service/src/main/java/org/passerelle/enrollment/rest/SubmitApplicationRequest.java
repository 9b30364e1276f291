package org.passerelle.enrollment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.enrollment.Gender;

/** An application to a cohort, with the applicant's identity. */
public record SubmitApplicationRequest(
    @NotNull UUID cohortId,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String siteCode,
    @NotNull @Valid ApplicantDetails applicant) {

  public record ApplicantDetails(
      @NotBlank @Size(max = 100) String firstName,
      @NotBlank @Size(max = 100) String lastName,
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Past LocalDate birthDate,
      Gender gender) {}
}
