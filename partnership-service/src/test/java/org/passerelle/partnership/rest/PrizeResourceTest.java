package org.passerelle.partnership.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.partnership.testing.Conventions.COMMITMENTS;
import static org.passerelle.partnership.testing.Conventions.PARTNER_FR;
import static org.passerelle.partnership.testing.Conventions.PRIZES;
import static org.passerelle.partnership.testing.Conventions.assertEmitted;
import static org.passerelle.partnership.testing.Conventions.commitment;
import static org.passerelle.partnership.testing.Conventions.count;
import static org.passerelle.partnership.testing.Conventions.draft;
import static org.passerelle.partnership.testing.Conventions.sign;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.partnership.testing.Conventions;

/** Prizes partners award, recorded by staff of the site, counted towards a prizes commitment. */
@QuarkusTest
class PrizeResourceTest {

  static final LocalDate TODAY = LocalDate.now();

  static String prize(String partner, String commitment, String site, String recipients) {
    return """
        {"partnerId": "%s", "commitmentId": %s, "site": "%s", "title": "Prix de l'excellence",
         "reason": "Meilleur projet de la promotion", %s, "awardedOn": "%s"}
        """
        .formatted(
            partner,
            commitment == null ? "null" : "\"" + commitment + "\"",
            site,
            recipients,
            TODAY);
  }

  @Test
  void aPrizeUnderAPrizesCommitmentCountsTowardsItAndItsPartnerReadsIt() {
    Conventions.demoPartners();
    String convention =
        draft(
            "country-admin-fr",
            PARTNER_FR,
            "FR",
            "\"FR-SEVRAN\"",
            TODAY.minusDays(5),
            TODAY.plusYears(1));
    sign("country-admin-fr", convention, TODAY.minusDays(5));
    String prizes = commitment("country-admin-fr", convention, "PRIZES", "2", TODAY.plusMonths(6));
    UUID learner = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    String learners =
        "\"recipientKind\": \"LEARNERS\", \"learnerIds\": [\"%s\", \"%s\"]"
            .formatted(learner, other);

    long before = count("select count(*) from prize");
    Api.as("site-staff-ma")
        .body(prize(PARTNER_FR, prizes, "FR-SEVRAN", learners))
        .post(PRIZES)
        .then()
        .statusCode(403);
    Api.as("partner-fr")
        .body(prize(PARTNER_FR, prizes, "FR-SEVRAN", learners))
        .post(PRIZES)
        .then()
        .statusCode(403);
    Api.as("site-staff-fr")
        .body(prize(PARTNER_FR, prizes, "FR-CERGY", learners))
        .post(PRIZES)
        .then()
        .statusCode(403);
    for (String bad :
        new String[] {
          prize(
              PARTNER_FR,
              prizes,
              "FR-SEVRAN",
              "\"recipientKind\": \"LEARNERS\", \"learnerIds\": []"),
          prize(
              PARTNER_FR,
              prizes,
              "FR-SEVRAN",
              "\"recipientKind\": \"EDUCATORS\", \"learnerIds\": [\"%s\"]".formatted(learner)),
          prize(PARTNER_FR, prizes, "FR-SEVRAN", "\"recipientKind\": \"JURY\", \"learnerIds\": []"),
          prize(Conventions.PARTNER_MA, null, "FR-SEVRAN", learners),
          prize(PARTNER_FR, UUID.randomUUID().toString(), "FR-SEVRAN", learners),
          prize(PARTNER_FR, prizes, "fr-sevran", learners),
          "{}"
        }) {
      Api.as("site-staff-fr")
          .body(bad)
          .post(PRIZES)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(count("select count(*) from prize")).isEqualTo(before);

    String id =
        Api.as("site-staff-fr")
            .body(prize(PARTNER_FR, prizes, "FR-SEVRAN", learners))
            .post(PRIZES)
            .then()
            .statusCode(201)
            .body("conventionId", equalTo(convention))
            .body("learnerIds", equalTo(List.of(learner.toString(), other.toString())))
            .extract()
            .path("id");
    assertEmitted("prize-awarded", id, 1);
    Api.as("country-admin-fr")
        .get(COMMITMENTS + "/" + prizes)
        .then()
        .body("progress", equalTo(1.0f))
        .body("evidence[0].source", equalTo("PRIZE"))
        .body("evidence[0].reference", equalTo(id));

    String educators =
        Api.as("country-admin-fr")
            .body(
                prize(
                    PARTNER_FR,
                    null,
                    "FR-SEVRAN",
                    "\"recipientKind\": \"EDUCATORS\", \"educators\": [\"Samia B.\"]"))
            .post(PRIZES)
            .then()
            .statusCode(201)
            .body("educators", equalTo(List.of("Samia B.")))
            .extract()
            .path("id");
    assertThat(
            count(
                "select count(*) from outbox_event where aggregate_id = '"
                    + educators
                    + "' and data::text like '%Samia%'"))
        .isZero();

    // the partner sees how many received it, not who
    Api.as("partner-fr")
        .get(PRIZES + "/" + id)
        .then()
        .statusCode(200)
        .body("recipients", equalTo(2))
        .body("learnerIds", nullValue())
        .body("educators", nullValue());
    Api.as("partner-fr")
        .queryParam("learnerId", learner.toString())
        .get(PRIZES)
        .then()
        .statusCode(403);
    Api.as("partner-ma").get(PRIZES + "/" + id).then().statusCode(404);
    Api.as("site-staff-ma").get(PRIZES + "/" + id).then().statusCode(404);
    Api.as("learner-fr").get(PRIZES + "/" + id).then().statusCode(403);
    Api.as("site-staff-fr")
        .queryParam("learnerId", learner.toString())
        .get(PRIZES)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(id)));
    Api.as("partner-ma").get(PRIZES).then().statusCode(200).body("items.id", not(hasItem(id)));
    Api.as("platform-admin").get(PRIZES + "?learnerId=x").then().statusCode(400);
  }
}
