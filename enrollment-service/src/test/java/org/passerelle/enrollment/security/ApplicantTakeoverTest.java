package org.passerelle.enrollment.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.ImportJobs;
import org.passerelle.enrollment.testing.Person;

/**
 * Issue 13, ADR 0011: an email never lets a caller take over a person's record. A submission only
 * finds a record of its own country, changes only a record its caller already reaches, keeps what a
 * person with an account declared and the sensitive fields the caller may not read; a learner is
 * known by their account's verified email, and learns nothing about anybody else's. Each test reads
 * the original record back from the database: refused or not, it is unchanged.
 */
@QuarkusTest
class ApplicantTakeoverTest {

  private static final String APPLICANTS = "/api/v1/applicants/";
  private static final String IMPORTS = "/api/v1/applications/imports";
  private static final String SENSITIVE = "[\"REFUGEE\", \"DISABILITY\"]";
  private static final String PROBLEM = "application/problem+json";

  @Inject EntityManager entityManager;
  @Inject ObjectMapper mapper;

  // ------------------------------------------------------------------------------- helpers

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  /** The applicant's row and everything hanging from it, as the database holds them. */
  private String record(String applicantId) {
    UUID id = UUID.fromString(applicantId);
    return Db.value(entityManager, "select row_to_json(a)::text from applicant a where id = ?1", id)
        + "\n"
        + Db.value(
            entityManager,
            "select coalesce(json_agg(p order by p.id), '[]')::text from application p"
                + " where applicant_id = ?1",
            id)
        + "\n"
        + Db.value(
            entityManager,
            "select coalesce(json_agg(c order by c.id), '[]')::text from consent c"
                + " where applicant_id = ?1",
            id);
  }

  private Object column(String applicantId, String column) {
    return Db.value(
        entityManager,
        "select " + column + "::text from applicant where id = ?1",
        UUID.fromString(applicantId));
  }

  /** Rows of every table a submission writes to, to show that a refusal wrote nothing. */
  private List<Long> rows() {
    return List.of(
        count("select count(*) from applicant"),
        count("select count(*) from application"),
        count("select count(*) from consent"),
        count("select count(*) from sensitive_data_access"),
        count("select count(*) from outbox_event"));
  }

  private JsonNode created(String caller, String body) {
    return Person.read(
        Callers.as(caller)
            .body(body)
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .asString());
  }

  private static String applicantOf(JsonNode application) {
    return application.path("applicant").path("id").asText();
  }

  /** The names of every field, nested, so that two answers can be compared by their shape. */
  private static TreeSet<String> shape(JsonNode node) {
    TreeSet<String> paths = new TreeSet<>();
    shape(node, "", paths);
    return paths;
  }

  private static void shape(JsonNode node, String at, TreeSet<String> paths) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        paths.add(at + field.getKey());
        shape(field.getValue(), at + field.getKey() + ".", paths);
      }
    } else if (node.isArray()) {
      node.forEach(item -> shape(item, at + "[].", paths));
    }
  }

  // --------------------------------------------------------------------------- countries

  @Test
  void anotherCountrysSubmissionWithTheEmailMakesItsOwnRecordAndTheFirstStaysAsItWas() {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID fes = Fixtures.openIntake(entityManager, "MA-FES");
    Person french = Person.of("FR");
    String frenchId = applicantOf(french.submit("site-staff-fr", sevran, SENSITIVE));
    assertThat(column(frenchId, "refugee")).isEqualTo("true");
    assertThat(column(frenchId, "accommodation_needs")).isEqualTo(french.accommodationNeeds());
    String before = record(frenchId);

    Person moroccan = Person.of("MA").withEmail(french.email().toUpperCase());
    JsonNode sameEmail = created("site-staff-ma", moroccan.body(fes));
    JsonNode newEmail = created("site-staff-ma", Person.of("MA").body(fes));

    // Answered as if the email were unknown: a new Moroccan person, the same shape of answer.
    assertThat(shape(sameEmail)).isEqualTo(shape(newEmail));
    String moroccanId = applicantOf(sameEmail);
    assertThat(moroccanId).isNotEqualTo(frenchId);
    assertThat(sameEmail.path("country").asText()).isEqualTo("MA");
    assertThat(sameEmail.path("applicant").path("email").asText()).isEqualTo(french.email());
    assertThat(sameEmail.path("applicant").path("firstName").asText())
        .isEqualTo(moroccan.firstName());
    assertThat(record(frenchId)).isEqualTo(before);
    assertThat(column(moroccanId, "country")).isEqualTo("MA");
    assertThat(
            count(
                "select count(*) from applicant where erased_at is null and email = '"
                    + french.email()
                    + "'"))
        .isEqualTo(2);

    // Each country's administrator exports their own person, and only theirs.
    Api.as("country-admin-fr")
        .get(APPLICANTS + frenchId + "/export")
        .then()
        .statusCode(200)
        .body("applicant.country", equalTo("FR"))
        .body("applicant.firstName", equalTo(french.firstName()))
        .body("applicant.priorityPublics", hasItem("REFUGEE"))
        .body("applicant.constraints.accommodationNeeds", equalTo(french.accommodationNeeds()))
        .body("applications.id", not(hasItem(sameEmail.path("id").asText())));
    Api.as("country-admin-ma")
        .get(APPLICANTS + frenchId + "/export")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
    Api.as("country-admin-ma")
        .get(APPLICANTS + moroccanId + "/export")
        .then()
        .statusCode(200)
        .body("applicant.firstName", equalTo(moroccan.firstName()))
        .body("applications.id", equalTo(List.of(sameEmail.path("id").asText())));
    Api.as("country-admin-ma").post(APPLICANTS + frenchId + "/erase").then().statusCode(404);
    assertThat(record(frenchId)).isEqualTo(before);
  }

  @Test
  void anotherCountrysImportRowWithAnEnrolledLearnersEmailMakesItsOwnRecord() throws Exception {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID fes = Fixtures.openIntake(entityManager, "MA-FES");
    String learnerEmail = Tokens.email("learner-fr");
    JsonNode own = Person.of("FR").submit("learner-fr", sevran, "[\"DISABILITY\"]");
    String learnerRecord = applicantOf(own);
    Db.execute(
        entityManager,
        "update application set status = 'ENROLLED' where id = ?1",
        UUID.fromString(own.path("id").asText()));
    assertThat(column(learnerRecord, "subject")).isEqualTo(Tokens.subject("learner-fr"));
    String before = record(learnerRecord);

    ObjectNode row =
        (ObjectNode) mapper.readTree(Person.of("MA").withEmail(learnerEmail).body(fes));
    row.put("externalRef", "ANAPEC-" + UUID.randomUUID());
    ArrayNode rows = mapper.createArrayNode().add(row);
    JsonNode report =
        Person.read(
            ImportJobs.ended(
                    Callers.as("integration-ma")
                        .body(
                            mapper.writeValueAsString(mapper.createObjectNode().set("rows", rows)))
                        .post(IMPORTS))
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(report.path("created").asInt()).isEqualTo(1);
    assertThat(report.path("rows").get(0).path("outcome").asText()).isEqualTo("CREATED");
    String imported = report.path("rows").get(0).path("applicationId").asText();
    String moroccanId =
        (String)
            Db.value(
                entityManager,
                "select applicant_id::text from application where id = ?1",
                UUID.fromString(imported));
    assertThat(moroccanId).isNotEqualTo(learnerRecord);
    assertThat(column(moroccanId, "country")).isEqualTo("MA");
    assertThat(column(moroccanId, "subject")).isNull();
    assertThat(record(learnerRecord)).isEqualTo(before);
    assertThat(
            Db.value(
                entityManager,
                "select status from application where id = ?1",
                UUID.fromString(own.path("id").asText())))
        .isEqualTo("ENROLLED");
    // The learner's account reaches their French record only.
    Api.as("learner-fr").get(APPLICATIONS + "/" + imported).then().statusCode(404);
  }

  @Test
  void anotherCountrysCsvImportRowWithAFrenchPersonsEmailMakesItsOwnRecord() {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID fes = Fixtures.openIntake(entityManager, "MA-FES");
    Person french = Person.of("FR");
    String frenchId = applicantOf(french.submit("site-staff-fr", sevran, SENSITIVE));
    String before = record(frenchId);

    Person moroccan = Person.of("MA").withEmail(french.email().toUpperCase());
    String ref = "ANAPEC-CSV-" + UUID.randomUUID();
    String csv =
        String.join(
                ",",
                "externalRef",
                "intakeId",
                "firstName",
                "lastName",
                "birthDate",
                "email",
                "phone",
                "addressLine",
                "postalCode",
                "city",
                "addressCountry",
                "nationality",
                "educationLevel",
                "priorityPublics",
                "accommodationNeeds",
                "consentApplicationProcessing")
            + "\r\n"
            + String.join(
                ",",
                ref,
                fes.toString(),
                moroccan.firstName(),
                moroccan.lastName(),
                moroccan.birthDate(),
                moroccan.email(),
                moroccan.phone(),
                moroccan.addressLine(),
                moroccan.postalCode(),
                moroccan.city(),
                "MA",
                "MA",
                "BAC",
                "",
                "",
                "true")
            + "\r\n";
    JsonNode report =
        Person.read(
            ImportJobs.ended(
                    given()
                        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
                        .contentType("text/csv; charset=UTF-8")
                        .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .post(IMPORTS))
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(report.path("format").asText()).isEqualTo("CSV");
    assertThat(report.path("created").asInt()).isEqualTo(1);
    assertThat(report.path("rows").get(0).path("outcome").asText()).isEqualTo("CREATED");
    String imported = report.path("rows").get(0).path("applicationId").asText();
    String moroccanId =
        (String)
            Db.value(
                entityManager,
                "select applicant_id::text from application where id = ?1",
                UUID.fromString(imported));
    assertThat(moroccanId).isNotEqualTo(frenchId);
    assertThat(column(moroccanId, "country")).isEqualTo("MA");
    assertThat(column(moroccanId, "email")).isEqualTo(french.email());
    assertThat(column(moroccanId, "first_name")).isEqualTo(moroccan.firstName());
    assertThat(column(moroccanId, "refugee")).isEqualTo("false");
    // The French record, its application, consents and sensitive fields: as they were.
    assertThat(record(frenchId)).isEqualTo(before);
    assertThat(column(frenchId, "refugee")).isEqualTo("true");
    assertThat(
            count(
                "select count(*) from applicant where erased_at is null and email = '"
                    + french.email()
                    + "'"))
        .isEqualTo(2);
    Api.as("country-admin-ma").get(APPLICANTS + frenchId + "/export").then().statusCode(404);
  }

  // ------------------------------------------------------------------------------- sites

  @Test
  void staffOfAnotherSiteGetAConflictThatRevealsNothingAndACountryAdminFilesIt() {
    UUID cergy = Fixtures.openIntake(entityManager, "FR-CERGY");
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    // Registered at FR-CERGY; site-staff-fr works at FR-SEVRAN only.
    Person person = Person.of("FR");
    JsonNode first = person.submit("country-admin-fr", cergy, SENSITIVE);
    String applicantId = applicantOf(first);
    String before = record(applicantId);
    List<Long> rowsBefore = rows();

    Person typed = Person.of("FR").withEmail(person.email());
    String answer =
        Api.as("site-staff-fr")
            .header("Accept-Language", "en")
            .body(typed.body(sevran))
            .post(APPLICATIONS)
            .then()
            .statusCode(409)
            .contentType(PROBLEM)
            .body("type", endsWith("/registered-at-another-site"))
            .body(
                "detail",
                equalTo(
                    "This person is already registered at another site of this country. A country"
                        + " administrator, who covers both sites, can file this application; it is"
                        + " recorded under their name."))
            .extract()
            .asString();

    assertThat(answer)
        .doesNotContain(
            applicantId,
            first.path("id").asText(),
            first.path("applicant").path("learnerId").asText(),
            person.firstName(),
            person.lastName(),
            person.email(),
            "CERGY");
    assertThat(rows()).isEqualTo(rowsBefore);
    assertThat(record(applicantId)).isEqualTo(before);

    // A country administrator covers both sites: the application joins the same person.
    JsonNode filed = created("country-admin-fr", person.body(sevran, null, SENSITIVE));
    assertThat(applicantOf(filed)).isEqualTo(applicantId);
    assertThat(filed.path("siteCode").asText()).isEqualTo("FR-SEVRAN");
    assertThat(
            Db.value(
                entityManager,
                "select submitted_by from application where id = ?1",
                UUID.fromString(filed.path("id").asText())))
        .isEqualTo(Tokens.subject("country-admin-fr"));
    assertThat(count("select count(*) from applicant where email = '" + person.email() + "'"))
        .isEqualTo(1);
    assertThat(column(applicantId, "refugee")).isEqualTo("true");
    // Now that the person has an application at their site, the site's staff reach them.
    Api.as("site-staff-fr")
        .get(APPLICATIONS + "/" + filed.path("id").asText())
        .then()
        .statusCode(200);
  }

  @Test
  void aReferenceHeldByAnApplicationOutOfTheCallersReachIsRefusedTellingNothingOfIt() {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID cergy = Fixtures.openIntake(entityManager, "FR-CERGY");
    Person person = Person.of("FR");
    String ref = "FT-" + UUID.randomUUID();
    String sent = person.body(sevran, ref, SENSITIVE);
    JsonNode first = created("site-staff-fr", sent);
    String applicationId = first.path("id").asText();
    String applicantId = applicantOf(first);
    // Moved to another site since, as a transfer in cohort-service moves it.
    Db.execute(
        entityManager,
        "update application set site_code = 'FR-CERGY', intake_id = ?1 where id = ?2",
        cergy,
        UUID.fromString(applicationId));
    String before = record(applicantId);
    List<Long> rowsBefore = rows();

    // Sent again as it was, then with other data: one answer, which says nothing of the other.
    String same = refusedReference(sent);
    String other =
        refusedReference(
            Person.of("FR").body(Fixtures.openIntake(entityManager, "FR-SEVRAN"), ref, "[]"));
    assertThat(same).isEqualTo(other);
    assertThat(Person.read(same).path("detail").asText())
        .isEqualTo(
            "Reference \""
                + ref
                + "\" is already used in this country by an application outside your scope; send"
                + " this one under a reference of its own.");
    assertThat(same)
        .doesNotContain(
            applicationId,
            applicantId,
            first.path("applicant").path("learnerId").asText(),
            person.firstName(),
            person.email(),
            "CERGY");
    assertThat(rows()).isEqualTo(rowsBefore);
    assertThat(record(applicantId)).isEqualTo(before);

    // Who reaches it gets the stored application, and being shown its sensitive fields is a read.
    String admin = Tokens.subject("country-admin-fr");
    long reads =
        count(
            "select count(*) from sensitive_data_access where action = 'READ'"
                + " and purpose = 'submitApplication' and actor = '"
                + admin
                + "' and applicant_id = '"
                + applicantId
                + "'");
    JsonNode resent = created("country-admin-fr", sent);
    assertThat(resent.path("id").asText()).isEqualTo(applicationId);
    assertThat(resent.path("siteCode").asText()).isEqualTo("FR-CERGY");
    assertThat(
            count(
                "select count(*) from sensitive_data_access where action = 'READ'"
                    + " and purpose = 'submitApplication' and actor = '"
                    + admin
                    + "' and applicant_id = '"
                    + applicantId
                    + "'"))
        .isEqualTo(reads + 1);
    assertThat(record(applicantId)).isEqualTo(before);
  }

  private static String refusedReference(String body) {
    return Api.as("site-staff-fr")
        .header("Accept-Language", "en")
        .body(body)
        .post(APPLICATIONS)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", endsWith("/conflict"))
        .extract()
        .asString();
  }

  // ---------------------------------------------------------------------- sensitive fields

  @Test
  void callersWhoMayNotReadTheSensitiveFieldsKeepThemWhenTheyDeclareThePersonAgain() {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    Person person = Person.of("FR");
    String applicantId = applicantOf(person.submit("country-admin-fr", sevran, SENSITIVE));
    long changes =
        count(
            "select count(*) from sensitive_data_access where action = 'CHANGE'"
                + " and applicant_id = '"
                + applicantId
                + "'");

    // Site staff, then the office's system, re-declare the person: no priority public, no needs.
    Person redeclared = Person.of("FR").withEmail(person.email());
    String blanked = redeclared.body(Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    blanked =
        blanked.replace(
            "\"accommodationNeeds\": \"" + redeclared.accommodationNeeds() + "\"",
            "\"accommodationNeeds\": \"\"");
    JsonNode byStaff = created("site-staff-fr", blanked);
    assertThat(applicantOf(byStaff)).isEqualTo(applicantId);
    // Nor are they shown what they did not write.
    assertThat(byStaff.toString())
        .doesNotContain("REFUGEE", "DISABILITY", person.accommodationNeeds());
    String byOffice =
        Person.read(
                Callers.as("integration-fr")
                    .body(
                        Person.of("FR")
                            .withEmail(person.email())
                            .body(Fixtures.openIntake(entityManager, "FR-SEVRAN")))
                    .post(APPLICATIONS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .asString())
            .path("applicant")
            .path("id")
            .asText();
    assertThat(byOffice).isEqualTo(applicantId);

    // What they may see is updated as declared; the sensitive fields are as they were.
    assertThat(column(applicantId, "refugee")).isEqualTo("true");
    assertThat(column(applicantId, "disability")).isEqualTo("true");
    assertThat(column(applicantId, "accommodation_needs")).isEqualTo(person.accommodationNeeds());
    assertThat(column(applicantId, "first_name")).isNotEqualTo(person.firstName());
    assertThat(column(applicantId, "country")).isEqualTo("FR");
    assertThat(
            count(
                "select count(*) from sensitive_data_access where action = 'CHANGE'"
                    + " and applicant_id = '"
                    + applicantId
                    + "'"))
        .isEqualTo(changes);

    // Their readers still change them, audited.
    created(
        "country-admin-fr",
        person.body(Fixtures.openIntake(entityManager, "FR-SEVRAN"), null, "[\"REFUGEE\"]"));
    assertThat(column(applicantId, "disability")).isEqualTo("false");
    assertThat(
            count(
                "select count(*) from sensitive_data_access where action = 'CHANGE'"
                    + " and fields = 'disability' and applicant_id = '"
                    + applicantId
                    + "'"))
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------------------ learners

  @Test
  void aLearnerAppliesAsTheirAccountAndStaffLaterAttachWithoutChangingWhatTheyDeclared() {
    assertThat(Tokens.claims("learner-fr").path("email_verified").asBoolean()).isTrue();
    String learnerEmail = Tokens.email("learner-fr");
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    List<Long> before = rows();

    // Another email than the account's: refused, whoever holds it.
    Api.as("learner-fr")
        .header("Accept-Language", "en")
        .body(Fixtures.body(sevran, "FR-SEVRAN", Fixtures.email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("applicant.email"))
        .body(
            "errors[0].message",
            equalTo("Apply with your account's email address, the one you sign in with."));
    assertThat(rows()).isEqualTo(before);

    Person learner = Person.of("FR");
    JsonNode own = learner.submit("learner-fr", sevran, "[\"DISABILITY\"]");
    String recordId = applicantOf(own);
    assertThat(own.path("channel").asText()).isEqualTo("LEARNER");
    assertThat(column(recordId, "subject")).isEqualTo(Tokens.subject("learner-fr"));
    assertThat(column(recordId, "email")).isEqualTo(learnerEmail);
    assertThat(column(recordId, "first_name")).isEqualTo(learner.firstName());
    assertThat(column(recordId, "disability")).isEqualTo("true");
    String declared = record(recordId).split("\n")[0];
    long consents = count("select count(*) from consent where applicant_id = '" + recordId + "'");

    // Staff of the site, then a country administrator, register the same email: the applications
    // join the learner's record, whose declaration stays the learner's own.
    Person other = Person.of("FR").withEmail(learnerEmail.toUpperCase());
    JsonNode byStaff =
        created("site-staff-fr", other.body(Fixtures.openIntake(entityManager, "FR-SEVRAN")));
    JsonNode byAdmin =
        created(
            "country-admin-fr",
            other.body(Fixtures.openIntake(entityManager, "FR-CERGY"), null, "[]"));
    assertThat(applicantOf(byStaff)).isEqualTo(recordId);
    assertThat(applicantOf(byAdmin)).isEqualTo(recordId);
    assertThat(byStaff.path("applicant").path("firstName").asText()).isEqualTo(learner.firstName());
    assertThat(record(recordId).split("\n")[0]).isEqualTo(declared);
    assertThat(count("select count(*) from consent where applicant_id = '" + recordId + "'"))
        .isEqualTo(consents);
    // The administrator was shown the learner's sensitive fields: a read, audited as such.
    assertThat(
            count(
                "select count(*) from sensitive_data_access where action = 'READ'"
                    + " and purpose = 'submitApplication' and applicant_id = '"
                    + recordId
                    + "'"))
        .isGreaterThanOrEqualTo(1);
    // They are the learner's applications: the learner reads them.
    Api.as("learner-fr")
        .get(APPLICATIONS + "/" + byStaff.path("id").asText())
        .then()
        .statusCode(200)
        .body("channel", equalTo("STAFF"));
  }

  @Test
  void aLearnersVerifiedEmailLinksTheRecordStaffMadeForThem() {
    String learnerEmail = Tokens.email("learner-ma");
    UUID fes = Fixtures.openIntake(entityManager, "MA-FES");
    // Start from a learner with no record in Morocco: they erase the one they may have.
    String previous = applicantOf(Person.of("MA").submit("learner-ma", fes));
    Api.as("learner-ma").post(APPLICANTS + previous + "/erase").then().statusCode(200);

    Person registered = Person.of("MA").withEmail(learnerEmail);
    String staffMade =
        applicantOf(
            registered.submit("site-staff-ma", Fixtures.openIntake(entityManager, "MA-FES")));
    assertThat(column(staffMade, "subject")).isNull();

    Person declared = Person.of("MA");
    JsonNode own =
        declared.submit("learner-ma", Fixtures.openIntake(entityManager, "MA-CASABLANCA"));
    assertThat(applicantOf(own)).isEqualTo(staffMade);
    assertThat(column(staffMade, "subject")).isEqualTo(Tokens.subject("learner-ma"));
    assertThat(column(staffMade, "first_name")).isEqualTo(declared.firstName());
    assertThat(column(staffMade, "country")).isEqualTo("MA");
  }

  @Test
  void linkingAnAccountIsAuditedAndKeepsWhatStaffRecordedUnlessThePersonDeclaresIt() {
    String learnerEmail = Tokens.email("learner-ma");
    String subject = Tokens.subject("learner-ma");
    String previous =
        applicantOf(
            Person.of("MA").submit("learner-ma", Fixtures.openIntake(entityManager, "MA-FES")));
    Api.as("learner-ma").post(APPLICANTS + previous + "/erase").then().statusCode(200);

    // Staff registered the person as a refugee with accommodation needs.
    Person registered = Person.of("MA").withEmail(learnerEmail);
    String staffMade =
        applicantOf(
            registered.submit(
                "site-staff-ma", Fixtures.openIntake(entityManager, "MA-FES"), "[\"REFUGEE\"]"));
    assertThat(column(staffMade, "refugee")).isEqualTo("true");
    assertThat(column(staffMade, "disability")).isEqualTo("false");

    // The person, who has not seen that record, declares a disability and no needs.
    Person declared = Person.of("MA").withEmail(learnerEmail);
    String body =
        declared
            .body(Fixtures.openIntake(entityManager, "MA-CASABLANCA"), null, "[\"DISABILITY\"]")
            .replace(
                "\"accommodationNeeds\": \"" + declared.accommodationNeeds() + "\"",
                "\"accommodationNeeds\": \"\"");
    JsonNode own = created("learner-ma", body);
    assertThat(applicantOf(own)).isEqualTo(staffMade);
    assertThat(column(staffMade, "subject")).isEqualTo(subject);
    assertThat(column(staffMade, "first_name")).isEqualTo(declared.firstName());
    // What they declared is added; what staff recorded and they did not declare is kept.
    assertThat(column(staffMade, "refugee")).isEqualTo("true");
    assertThat(column(staffMade, "disability")).isEqualTo("true");
    assertThat(column(staffMade, "accommodation_needs")).isEqualTo(registered.accommodationNeeds());
    // They are shown all of it, as theirs.
    assertThat(own.path("applicant").path("priorityPublics").toString())
        .contains("REFUGEE", "DISABILITY");
    assertThat(own.path("applicant").path("constraints").path("accommodationNeeds").asText())
        .isEqualTo(registered.accommodationNeeds());

    // The link is in the audit log: by the learner, of that record, and what it opens to them.
    assertThat(
            Db.value(
                entityManager,
                "select actor || ' ' || fields || ' ' || purpose || ' ' || country"
                    + " from sensitive_data_access where action = 'LINK' and applicant_id = ?1",
                UUID.fromString(staffMade)))
        .isEqualTo(subject + " accommodationNeeds,disability,refugee linkAccount MA");
    Api.as("country-admin-ma")
        .queryParam("applicantId", staffMade)
        .queryParam("action", "LINK")
        .get("/api/v1/sensitive-data-accesses")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].actor", equalTo(subject))
        .body("items[0].purpose", equalTo("linkAccount"));
    // The person's own changes to them are audited as changes: the disability they declared.
    assertThat(
            count(
                "select count(*) from sensitive_data_access where action = 'CHANGE'"
                    + " and fields = 'disability' and actor = '"
                    + subject
                    + "' and applicant_id = '"
                    + staffMade
                    + "'"))
        .isEqualTo(1);

    // Once linked, the record is the person's to declare: what they now declare is what it holds.
    created(
        "learner-ma",
        declared.body(Fixtures.openIntake(entityManager, "MA-FES"), null, "[\"DISABILITY\"]"));
    assertThat(column(staffMade, "refugee")).isEqualTo("false");
    assertThat(column(staffMade, "accommodation_needs")).isEqualTo(declared.accommodationNeeds());
    assertThat(
            count(
                "select count(*) from sensitive_data_access where action = 'LINK'"
                    + " and applicant_id = '"
                    + staffMade
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "unverified-learner", roles = "learner")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "cccccccc-0000-4000-8000-00000000000f"),
        @Claim(key = "country", value = "FR"),
        @Claim(key = "email", value = "unverified.learner@example.org"),
        @Claim(key = "email_verified", value = "false", type = ClaimType.BOOLEAN)
      })
  void aLearnerWhoseEmailIsNotVerifiedCannotApply() {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    List<Long> before = rows();
    given()
        .contentType(ContentType.JSON)
        .header("Accept-Language", "en")
        .body(Fixtures.body(sevran, "FR-SEVRAN", "unverified.learner@example.org"))
        .post(APPLICATIONS)
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("type", endsWith("/email-not-verified"))
        .body(
            "detail",
            equalTo(
                "Verify your account's email address before applying: the school knows you by"
                    + " it."));
    assertThat(rows()).isEqualTo(before);
    assertThat(
            count("select count(*) from applicant where email = 'unverified.learner@example.org'"))
        .isZero();
  }

  @Test
  @TestSecurity(user = "learner-without-email", roles = "learner")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "cccccccc-0000-4000-8000-00000000001f"),
        @Claim(key = "country", value = "FR"),
        @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN)
      })
  void aLearnerWhoseTokenCarriesNoEmailCannotApply() {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    List<Long> before = rows();
    given()
        .contentType(ContentType.JSON)
        .body(Fixtures.body(sevran, "FR-SEVRAN", Fixtures.email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("type", endsWith("/email-not-verified"));
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void whatALearnerIsToldNeverDependsOnSomeoneElsesData() {
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    Person someone = Person.of("FR");
    String someoneId = applicantOf(someone.submit("site-staff-fr", sevran, SENSITIVE));
    String before = record(someoneId);
    List<Long> rowsBefore = rows();

    for (String language : List.of("fr", "en", "ar")) {
      String known = refusedLearner(language, Fixtures.body(sevran, "FR-SEVRAN", someone.email()));
      String upperCase =
          refusedLearner(
              language, Fixtures.body(sevran, "FR-SEVRAN", someone.email().toUpperCase()));
      String unknown =
          refusedLearner(language, Fixtures.body(sevran, "FR-SEVRAN", Fixtures.email()));
      assertThat(known).isEqualTo(unknown).isEqualTo(upperCase);
      assertThat(known).doesNotContain(someone.email(), someoneId);
    }
    assertThat(rows()).isEqualTo(rowsBefore);
    assertThat(record(someoneId)).isEqualTo(before);

    // Someone else's application to the intake does not stop the learner's; only their own does.
    String own = Fixtures.submit("learner-fr", sevran, "FR-SEVRAN");
    assertThat(own).isNotBlank();
    Api.as("learner-fr")
        .header("Accept-Language", "en")
        .body(Fixtures.body(sevran, "FR-SEVRAN", Tokens.email("learner-fr")))
        .post(APPLICATIONS)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("detail", equalTo("This person already has an application to this intake."));
    assertThat(record(someoneId)).isEqualTo(before);
  }

  private static String refusedLearner(String language, String body) {
    return Api.as("learner-fr")
        .header("Accept-Language", language)
        .body(body)
        .post(APPLICATIONS)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .extract()
        .asString();
  }
}
