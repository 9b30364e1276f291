package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.JobSeekerAgency;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.problem.Problem;

/** Each country rule, from the configured data: phone, postal code, job-seeker registration. */
@QuarkusTest
class ApplicantRulesTest {

  @Inject ApplicantRules rules;

  private static ApplicantDetails details(
      String phone, String postalCode, String addressCountry, String agency, String id) {
    return new ApplicantDetails(
        "Amina",
        "Benali",
        LocalDate.of(2001, 4, 12),
        "amina@example.org",
        phone,
        new ApplicantDetails.Address("1 rue", postalCode, "Ville", addressCountry),
        "FR",
        null,
        EducationLevel.BAC,
        agency == null && id == null
            ? null
            : new ApplicantDetails.Employment(
                agency == null ? null : JobSeekerAgency.valueOf(agency), id),
        Set.of(),
        null,
        null,
        null);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} -> {6}")
  @CsvSource(
      nullValues = "-",
      value = {
        // applied in, phone, postal code, address country, agency, id, field in error (or -)
        "FR, +33612345678, 93270, FR, FRANCE_TRAVAIL, 1234567A, -",
        "FR, +33612345678, 2A004, FR, -, -, -",
        "FR, +33612345678, 93270, FR, FRANCE_TRAVAIL, 1234567A12B, -",
        "FR, +33012345678, 93270, FR, -, -, phone",
        "FR, +3361234567, 93270, FR, -, -, phone",
        "FR, 0612345678, 93270, FR, -, -, phone",
        "FR, +33 612345678, 93270, FR, -, -, phone",
        "FR, +33612345678, 9327, FR, -, -, address.postalCode",
        "FR, +33612345678, 99000, FR, -, -, address.postalCode",
        "FR, +33612345678, 93270, FR, ANAPEC, AB123456, employment.jobSeekerAgency",
        "FR, +33612345678, 93270, FR, FRANCE_TRAVAIL, -, employment.jobSeekerId",
        "FR, +33612345678, 93270, FR, FRANCE_TRAVAIL, 123456, employment.jobSeekerId",
        "FR, +33612345678, 93270, FR, -, 1234567A, employment.jobSeekerAgency",
        // A Moroccan phone in France follows Morocco's pattern; a foreign one the E.164 rule.
        "FR, +212612345678, 93270, FR, -, -, -",
        "FR, +4915123456789, 93270, FR, -, -, -",
        "FR, +21261234567, 93270, FR, -, -, phone",
        "MA, +212612345678, 30000, MA, ANAPEC, AB123456, -",
        "MA, +212812345678, 30000, MA, -, -, phone",
        "MA, +212612345678, 3000, MA, -, -, address.postalCode",
        "MA, +212612345678, 30000, MA, FRANCE_TRAVAIL, 1234567A, employment.jobSeekerAgency",
        "MA, +212612345678, 30000, MA, ANAPEC, ab-1, employment.jobSeekerId",
        // An address abroad follows the generic postal rule.
        "MA, +212612345678, SW1A 1AA, GB, -, -, -",
        "MA, +212612345678, ***, GB, -, -, address.postalCode",
      })
  void eachCountryRuleComesFromItsConfiguration(
      String country,
      String phone,
      String postalCode,
      String addressCountry,
      String agency,
      String id,
      String fieldInError) {
    var errors =
        rules.errors(details(phone, postalCode, addressCountry, agency, id), country, "").stream()
            .map(Problem.FieldError::field)
            .toList();
    if (fieldInError == null) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).containsExactly(fieldInError);
    }
  }
}
