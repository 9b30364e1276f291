package org.passerelle.enrollment.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * Errors that teach (issue 20), through the application endpoint: an enum lists its values, a date
 * says its format, a body with several problems reports them all, each named by its JSON path, and
 * nothing is written.
 */
@QuarkusTest
class ApplicationErrorsTest {

  @Inject EntityManager entityManager;
  @Inject ObjectMapper mapper;

  private UUID intake;

  @BeforeEach
  void intake() {
    intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
  }

  private ObjectNode application() throws Exception {
    return (ObjectNode) mapper.readTree(body(intake, "FR-SEVRAN", email()));
  }

  private ValidatableResponse submit(String language, ObjectNode body) {
    return StrictInput.refused(
        Api.as("site-staff-fr")
            .header("Accept-Language", language)
            .body(body.toString())
            .post(APPLICATIONS),
        400,
        "invalid-request");
  }

  @Test
  void anInvalidEnumValueListsTheAcceptedValues() throws Exception {
    ObjectNode body = application();
    ((ObjectNode) body.get("applicant")).put("educationLevel", "MASTER_2");
    StrictInput.writesNothing(
        this::written,
        () ->
            submit("en", body)
                .body("errors.field", contains("applicant.educationLevel"))
                .body("errors[0].accepted", hasItem("BAC"))
                .body(
                    "errors[0].message",
                    startsWith("Field \"applicant.educationLevel\" accepts only: "))
                .body("detail", containsString("BAC")));
  }

  @Test
  void anInvalidDateSaysTheExpectedFormat() throws Exception {
    ObjectNode body = application();
    ((ObjectNode) body.get("applicant")).put("birthDate", "12/04/2001");
    submit("ar", body)
        .body("errors.field", contains("applicant.birthDate"))
        .body("errors[0].format", equalTo("date"))
        .body("errors[0].example", equalTo("2026-09-01"))
        .body("errors[0].message", containsString("YYYY-MM-DD"))
        .body("errors[0].message", containsString("ISO 8601"));
  }

  @Test
  void aBodyWithSeveralProblemsReportsThemAllByTheirJsonPaths() throws Exception {
    ObjectNode body = application();
    ObjectNode applicant = (ObjectNode) body.get("applicant");
    applicant.put("birthDate", "2001-02-30");
    applicant.put("gender", "F");
    applicant.put("email", "not-an-email");
    ((ObjectNode) applicant.get("address")).put("city", "");
    ((ObjectNode) body.get("consents").get(1)).put("purpose", "NEWSLETTER");
    body.put("intakeRef", "x");
    StrictInput.writesNothing(
        this::written,
        () ->
            submit("fr", body)
                .body("detail", equalTo("La requête contient 6 problèmes : voir « errors »."))
                .body(
                    "errors.field",
                    contains(
                        "applicant.address.city",
                        "applicant.birthDate",
                        "applicant.email",
                        "applicant.gender",
                        "consents[1].purpose",
                        "intakeRef"))
                .body(
                    "errors.find { it.field == 'consents[1].purpose' }.accepted",
                    containsInAnyOrder("APPLICATION_PROCESSING", "FOLLOW_UP_CONTACT", "CV_SHARING"))
                .body("errors.find { it.field == 'applicant.birthDate' }.format", equalTo("date")));
  }

  @Test
  void validationErrorsAreNamedByTheRequestsJsonPaths() throws Exception {
    ObjectNode body = application();
    ((ObjectNode) body.get("applicant").get("address")).put("postalCode", "");
    ((ObjectNode) body.get("consents").get(0)).putNull("granted");
    StrictInput.refused(
            Api.as("site-staff-fr").body(body.toString()).post(APPLICATIONS),
            400,
            "validation-failed")
        .body("errors.field", contains("applicant.address.postalCode", "consents[0].granted"))
        .body("errors.field", not(hasItem(containsString("request"))))
        .body("errors.field", not(hasItem(containsString("submit"))));
  }

  private Object written() {
    return StrictInput.rows(entityManager, "applicant", "application", "consent", "outbox_event");
  }
}
