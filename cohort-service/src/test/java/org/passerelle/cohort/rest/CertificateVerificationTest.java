package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.rest.Certifications.certificate;
import static org.passerelle.cohort.rest.Certifications.certify;
import static org.passerelle.cohort.rest.Certifications.today;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Tokens;

/**
 * The public verification: no token needed, only what an employer needs, nothing personal, and
 * nothing that helps guess another certificate's id.
 */
@QuarkusTest
class CertificateVerificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every field name of the public answer, as paths, for a full or partial certificate. */
  private static final Set<String> FIELDS =
      Set.of(
          "publicId",
          "programme",
          "programme.code",
          "programme.titles",
          "programme.titles.fr",
          "programme.titles.en",
          "programme.titles.ar",
          "certification",
          "certification.framework",
          "certification.code",
          "certification.level",
          "outcome",
          "blocks",
          "blocks[].code",
          "blocks[].titles",
          "blocks[].titles.fr",
          "blocks[].titles.en",
          "blocks[].titles.ar",
          "certifiedOn",
          "status",
          "revokedOn");

  private static void fields(JsonNode node, String path, Set<String> into) {
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        String child = path.isEmpty() ? name : path + "." + name;
        into.add(child);
        fields(node.get(name), child, into);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        fields(item, path + "[]", into);
      }
    }
  }

  private static Set<String> fields(String body) throws Exception {
    Set<String> found = new TreeSet<>();
    fields(JSON.readTree(body), "", found);
    return found;
  }

  @Test
  void anyoneChecksACertificateWithoutATokenAndLearnsNothingPersonal() throws Exception {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    String full = certify("site-staff-fr", cohort, learners.get(0), "CERTIFIED");
    String partial = certify("site-staff-fr", cohort, learners.get(1), "PARTIALLY_CERTIFIED");

    String body =
        given()
            .get(certificate(full))
            .then()
            .statusCode(200)
            .contentType("application/json")
            .header("Cache-Control", "no-store")
            .body("publicId", equalTo(full))
            .body("programme.code", equalTo("WEB-DEV"))
            .body("programme.titles.fr", equalTo("Développeur web et web mobile"))
            .body("programme.titles.en", equalTo("Web and mobile web developer"))
            .body("programme.titles.ar", equalTo("مطور الويب والويب المتنقل"))
            .body("certification.framework", equalTo("RNCP"))
            .body("certification.code", equalTo("RNCP37674"))
            .body("certification.level", equalTo(5))
            .body("outcome", equalTo("CERTIFIED"))
            .body("blocks.code", org.hamcrest.Matchers.contains("BC01", "BC02"))
            .body("certifiedOn", equalTo(today().toString()))
            .body("status", equalTo("VALID"))
            .body("revokedOn", nullValue())
            .extract()
            .asString();
    assertThat(fields(body)).isEqualTo(FIELDS);

    String partialBody =
        given()
            .get(certificate(partial))
            .then()
            .statusCode(200)
            .body("outcome", equalTo("PARTIALLY_CERTIFIED"))
            .body("blocks.code", org.hamcrest.Matchers.contains("BC02"))
            .body(
                "blocks[0].titles.en",
                equalTo("Develop the back end of a secure web or mobile web application"))
            .extract()
            .asString();
    assertThat(fields(partialBody)).isEqualTo(FIELDS);

    for (String answer : List.of(body, partialBody)) {
      assertThat(answer)
          .doesNotContain(cohort.toString())
          .doesNotContain(learners.get(0).toString())
          .doesNotContain(learners.get(1).toString())
          .doesNotContain("JURY-2027-SEVRAN-04")
          .doesNotContain("FR-SEVRAN")
          .doesNotContain(Tokens.subject("site-staff-fr"))
          .doesNotContainIgnoringCase("learner")
          .doesNotContainIgnoringCase("cohort")
          .doesNotContainIgnoringCase("jury");
    }
  }

  @Test
  void aTokenIsNotNeededButABadOneIsStillRefused() {
    UUID cohort = Cohorts.running("MA-FES", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId = certify("site-staff-ma", cohort, learner, "CERTIFIED");
    // Any valid token reads it too, whoever it belongs to.
    Certifications.as("learner-fr").get(certificate(publicId)).then().statusCode(200);
    Certifications.as("partner-fr").get(certificate(publicId)).then().statusCode(200);
    for (String bad :
        List.of(
            "Bearer not-a-token",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            "Bearer " + Tokens.of("platform-admin") + "x")) {
      given()
          .header("Authorization", bad)
          .get(certificate(publicId))
          .then()
          .statusCode(401)
          .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("CERTIFIED")));
    }
    // Revoking and the audit trail are not public.
    given()
        .contentType("application/json")
        .body("{\"reason\": \"fraud\"}")
        .post(certificate(publicId) + "/revoke")
        .then()
        .statusCode(401);
    given().get(certificate(publicId) + "/audit").then().statusCode(401);
    given().get(certificate(publicId)).then().statusCode(200).body("status", equalTo("VALID"));
  }

  @Test
  void unknownAndMalformedIdsAreBothNotFound() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId = certify("site-staff-fr", cohort, learner, "CERTIFIED");
    String rowId =
        (String)
            Certifications.scalar(
                io.quarkus.arc.Arc.container()
                    .instance(jakarta.persistence.EntityManager.class)
                    .get(),
                "select id::text from certificate where public_id = ?1",
                publicId);
    String sibling = publicId.substring(0, 31) + (publicId.charAt(31) == 'A' ? 'B' : 'A');
    for (String id :
        List.of(
            sibling,
            publicId.toLowerCase().equals(publicId)
                ? publicId.toUpperCase()
                : publicId.toLowerCase(),
            publicId.substring(1),
            publicId + "A",
            rowId,
            learner.toString(),
            "x",
            "%20",
            "A".repeat(32),
            "A".repeat(1000))) {
      given()
          .urlEncodingEnabled(false)
          .get(certificate(id))
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("https://passerelle.org/problems/not-found"));
    }
  }

  @Test
  void publicIdsAreLongRandomAndUrlSafe() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 30);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 25);
    Set<String> ids = new HashSet<>();
    Set<Character> firstCharacters = new HashSet<>();
    for (UUID learner : learners) {
      String id = certify("site-staff-fr", cohort, learner, "CERTIFIED");
      assertThat(id).matches("[A-Za-z0-9_-]{32}");
      ids.add(id);
      firstCharacters.add(id.charAt(0));
    }
    assertThat(ids).hasSize(25);
    // Issued one after the other, they share no prefix as counters or timestamps would.
    assertThat(firstCharacters.size()).isGreaterThan(10);
  }
}
