package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.enrollment.ConsentPurpose;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.JobSeekerAgency;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.ReferralSource;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.enrollment.api.ConsentGiven;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

class ApplicationCsvTest {

  private static final UUID INTAKE = UUID.fromString("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
  private static final List<String> ALL =
      ApplicationCsv.COLUMNS.stream().map(ApplicationCsv.Column::name).toList();

  /** A complete row, column by column. */
  private static Map<String, String> complete() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("externalRef", "IDF-2026-0001");
    row.put("intakeId", INTAKE.toString());
    row.put("siteCode", "FR-SEVRAN");
    row.put("firstName", "Amina");
    row.put("lastName", "Benali");
    row.put("birthDate", "2001-04-12");
    row.put("email", "amina.benali@example.org");
    row.put("phone", "+33612345678");
    row.put("addressLine", "12 rue des Lilas");
    row.put("postalCode", "93270");
    row.put("city", "Sevran");
    row.put("addressCountry", "FR");
    row.put("nationality", "FR");
    row.put("gender", "female");
    row.put("educationLevel", "BAC");
    row.put("jobSeekerAgency", "FRANCE_TRAVAIL");
    row.put("jobSeekerId", "1234567A");
    row.put("priorityPublics", "NEET_UNDER_26 | PRIORITY_NEIGHBOURHOOD");
    row.put("referralSource", "MISSION_LOCALE");
    row.put("referralContact", "Mme Durand");
    row.put("motivation", "Je veux coder.");
    row.put("availability", "Full time");
    row.put("accommodationNeeds", "");
    row.put("consentApplicationProcessing", "true");
    row.put("consentFollowUpContact", "FALSE");
    row.put("consentCvSharing", "");
    row.put("consentTextVersion", "fr-2026-09");
    return row;
  }

  private static List<String> cells(Map<String, String> row) {
    return ALL.stream().map(column -> row.getOrDefault(column, "")).toList();
  }

  private static ApplicationCsv.Mapped map(Map<String, String> row) {
    return ApplicationCsv.header(ALL, Locale.ENGLISH).map(cells(row), Locale.ENGLISH);
  }

  @Test
  void aCompleteRowIsTheApplicationItDescribes() {
    ApplicationCsv.Mapped mapped = map(complete());

    assertThat(mapped.errors()).isEmpty();
    assertThat(mapped.externalRef()).isEqualTo("IDF-2026-0001");
    assertThat(mapped.request())
        .isEqualTo(
            new SubmitApplicationRequest(
                INTAKE,
                "FR-SEVRAN",
                "IDF-2026-0001",
                new ApplicantDetails(
                    "Amina",
                    "Benali",
                    LocalDate.of(2001, 4, 12),
                    "amina.benali@example.org",
                    "+33612345678",
                    new ApplicantDetails.Address("12 rue des Lilas", "93270", "Sevran", "FR"),
                    "FR",
                    Gender.FEMALE,
                    EducationLevel.BAC,
                    new ApplicantDetails.Employment(JobSeekerAgency.FRANCE_TRAVAIL, "1234567A"),
                    EnumSet.of(PriorityPublic.PRIORITY_NEIGHBOURHOOD, PriorityPublic.NEET_UNDER_26),
                    new ApplicantDetails.Referral(ReferralSource.MISSION_LOCALE, "Mme Durand"),
                    "Je veux coder.",
                    new ApplicantDetails.Constraints("Full time", null)),
                List.of(
                    new ConsentGiven(ConsentPurpose.APPLICATION_PROCESSING, true, "fr-2026-09"),
                    new ConsentGiven(ConsentPurpose.FOLLOW_UP_CONTACT, false, "fr-2026-09"))));
  }

  @Test
  void onlyTheRequiredColumnsInAnyOrderAreEnough() {
    List<String> required =
        new ArrayList<>(
            ApplicationCsv.COLUMNS.stream()
                .filter(ApplicationCsv.Column::required)
                .map(ApplicationCsv.Column::name)
                .toList());
    java.util.Collections.reverse(required);
    Map<String, String> values = complete();
    ApplicationCsv.Mapped mapped =
        ApplicationCsv.header(required, Locale.ENGLISH)
            .map(required.stream().map(values::get).toList(), Locale.ENGLISH);

    assertThat(mapped.errors()).isEmpty();
    ApplicantDetails applicant = mapped.request().applicant();
    assertThat(applicant.email()).isEqualTo("amina.benali@example.org");
    assertThat(applicant.gender()).isNull();
    assertThat(applicant.employment()).isNull();
    assertThat(applicant.priorityPublics()).isNull();
    assertThat(applicant.referral()).isNull();
    assertThat(applicant.constraints()).isNull();
    assertThat(mapped.request().siteCode()).isNull();
    assertThat(mapped.request().consents())
        .containsExactly(new ConsentGiven(ConsentPurpose.APPLICATION_PROCESSING, true, null));
  }

  @Test
  void cellsThatDoNotConvertFailTheRowNamingTheirColumnWithoutTheirValue() {
    Map<String, String> row = complete();
    row.put("intakeId", "intake-of-amina");
    row.put("birthDate", "12/04/2001");
    row.put("gender", "WOMAN-AMINA");
    row.put("priorityPublics", "REFUGEE|AMINA-PUBLIC");
    row.put("consentFollowUpContact", "oui-amina");

    ApplicationCsv.Mapped mapped = map(row);

    assertThat(mapped.errors())
        .extracting(Problem.FieldError::field)
        .containsExactly(
            "intakeId", "birthDate", "gender", "priorityPublics", "consentFollowUpContact");
    assertThat(mapped.errors())
        .extracting(Problem.FieldError::message)
        .allSatisfy(message -> assertThat(message).doesNotContainIgnoringCase("amina"))
        .contains(
            "Column birthDate: not a date in the format YYYY-MM-DD.",
            "Column intakeId: not an identifier (UUID).",
            "Column consentFollowUpContact: write true or false.",
            "Column gender: value not recognised; accepted values: FEMALE, MALE, NON_BINARY,"
                + " NOT_DECLARED.");
    // As a JSON body's errors do, a cell's error lists the accepted values or gives the format.
    assertThat(mapped.errors().get(2).accepted())
        .containsExactly("FEMALE", "MALE", "NON_BINARY", "NOT_DECLARED");
    assertThat(mapped.errors().get(3).accepted()).contains("REFUGEE", "NEET_UNDER_26");
    assertThat(mapped.errors().get(1).format()).isEqualTo("date");
    assertThat(mapped.errors().get(1).example()).isEqualTo("2026-09-01");
    assertThat(mapped.errors().get(0).format()).isEqualTo("uuid");
    assertThat(mapped.errors().get(4).accepted()).isNull();
  }

  @Test
  void aRowOfAnotherWidthIsNotAnApplication() {
    ApplicationCsv csv = ApplicationCsv.header(ALL, Locale.ENGLISH);
    List<String> shorter = cells(complete()).subList(0, 5);

    ApplicationCsv.Mapped mapped = csv.map(shorter, Locale.ENGLISH);

    assertThat(mapped.request()).isNull();
    assertThat(mapped.externalRef()).isEqualTo("IDF-2026-0001");
    assertThat(mapped.errors())
        .containsExactly(
            new Problem.FieldError(
                "$", "This row has 5 cells; the header row has " + ALL.size() + "."));
  }

  @Test
  void anUnknownColumnRefusesTheFileNamingIt() {
    List<String> header = new ArrayList<>(ALL);
    header.add("shoeSize");

    assertThatThrownBy(() -> ApplicationCsv.header(header, Locale.ENGLISH))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
              assertThat(e.detailKey()).isEqualTo("invalid-request.csv-unknown-column");
              assertThat(e.arguments()).containsExactly("shoeSize");
              assertThat(e.errors())
                  .containsExactly(
                      new Problem.FieldError("shoeSize", "Column \"shoeSize\" is unknown."));
            });
  }

  @Test
  void missingRequiredRepeatedAndUnnamedColumnsAreAllNamed() {
    List<String> header = new ArrayList<>(ALL);
    header.remove("email");
    header.remove("intakeId");
    header.add("city");
    header.add(" ");

    assertThatThrownBy(() -> ApplicationCsv.header(header, Locale.FRENCH))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.detailKey()).isEqualTo("invalid-request.csv-header");
              assertThat(e.errors())
                  .extracting(Problem.FieldError::field)
                  .containsExactly("city", "#" + (ALL.size()), "intakeId", "email");
              assertThat(e.errors().get(2).message())
                  .isEqualTo("La colonne obligatoire « intakeId » manque dans la ligne d'en-tête.");
            });
  }

  @Test
  void headerNamesMayBePaddedButNotOtherwiseSpelled() {
    List<String> padded = ALL.stream().map(name -> " " + name + " ").toList();
    assertThat(ApplicationCsv.header(padded, Locale.ENGLISH)).isNotNull();
    List<String> lower = new ArrayList<>(ALL);
    lower.set(0, "externalref");
    assertThatThrownBy(() -> ApplicationCsv.header(lower, Locale.ENGLISH))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void requestFieldsAreNamedByTheirColumn() {
    assertThat(ApplicationCsv.columnOf("applicant.address.postalCode")).isEqualTo("postalCode");
    assertThat(ApplicationCsv.columnOf("applicant.address.country")).isEqualTo("addressCountry");
    assertThat(ApplicationCsv.columnOf("applicant.phone")).isEqualTo("phone");
    assertThat(ApplicationCsv.columnOf("applicant.employment.jobSeekerId"))
        .isEqualTo("jobSeekerId");
    assertThat(ApplicationCsv.columnOf("consents[1].textVersion")).isEqualTo("consentTextVersion");
    assertThat(ApplicationCsv.columnOf("consents")).isEqualTo("consentApplicationProcessing");
    assertThat(ApplicationCsv.columnOf("applicant.referral.source")).isEqualTo("referralSource");
    assertThat(ApplicationCsv.columnOf("something.else")).isEqualTo("something.else");
  }

  @Test
  void theDocumentedColumnsAreTheColumns() {
    assertThat(Arrays.asList(ApplicationCsv.columnNames().split(","))).isEqualTo(ALL);
    assertThat(ALL).hasSize(27).doesNotHaveDuplicates();
  }
}
