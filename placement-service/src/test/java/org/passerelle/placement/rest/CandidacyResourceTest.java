package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.placement.api.CandidacyHired;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.HiredCandidacies;
import org.passerelle.placement.testing.Learners;

/**
 * Candidacies (issue 16): staff propose learners of their sites, learners apply for themselves and
 * see, decline or withdraw their own, the employer partner sees and moves only the candidacies of
 * learners who consent to CV sharing, and a hire fires CandidacyHired and fills the offer.
 */
@QuarkusTest
public class CandidacyResourceTest {

  public static final String CANDIDACIES = "/api/v1/candidacies";
  static final String OFFERS = "/api/v1/job-offers";
  static final String PARTNER_FR = Announced.PARTNER_FR.toString();

  @Inject EntityManager entityManager;

  @BeforeEach
  void partnersAndSitesAnnounced() {
    Announced.demoPartnersAndSites();
  }

  /** A published offer of the French demo partner at FR-SEVRAN with this many openings. */
  public static String offer(int openings) {
    Announced.demoPartnersAndSites();
    return Api.as("site-staff-fr")
        .body(
            """
            {"partnerId": "%s", "employerName": "Atelier Web", "title": "Technicien·ne support",
             "contractType": "CDD", "durationMonths": 12, "siteCode": "FR-SEVRAN",
             "city": "Sevran", "openings": %d}
            """
                .formatted(PARTNER_FR, openings))
        .post(OFFERS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String propose(String user, String offerId, UUID learnerId) {
    return Api.as(user)
        .body(proposal(offerId, learnerId))
        .post(CANDIDACIES)
        .then()
        .statusCode(201)
        .body("status", equalTo("PROPOSED"))
        .extract()
        .path("id");
  }

  static String proposal(String offerId, UUID learnerId) {
    return "{\"jobOfferId\": \"%s\", \"learnerId\": %s}"
        .formatted(offerId, learnerId == null ? "null" : "\"" + learnerId + "\"");
  }

  static String move(String status, String startDate) {
    return "{\"status\": \"%s\", \"startDate\": %s}"
        .formatted(status, startDate == null ? "null" : "\"" + startDate + "\"");
  }

  private long candidacies(String where) {
    return Api.count(entityManager, "select count(*) from candidacy where " + where);
  }

  private long changes(String id) {
    return Api.count(
        entityManager,
        "select count(*) from outbox_event where aggregate_id = '"
            + id
            + "' and type = 'org.passerelle.placement.candidacy-changed.v1'");
  }

  @Test
  void thePartnerSeesOnlyCandidatesWhoConsentToCvSharing() {
    String offer = offer(2);
    UUID consenting = Learners.of("FR-SEVRAN", true);
    UUID notConsenting = Learners.of("FR-SEVRAN", false);
    String shared = propose("site-staff-fr", offer, consenting);
    String hidden = propose("site-staff-fr", offer, notConsenting);
    assertThat(changes(shared)).isEqualTo(1);

    Api.as("partner-fr")
        .get(CANDIDACIES + "?jobOfferId=" + offer)
        .then()
        .statusCode(200)
        .body("items.id", contains(shared));
    Api.as("partner-fr").get(CANDIDACIES + "/" + hidden).then().statusCode(404);
    Api.as("partner-ma").get(CANDIDACIES + "/" + shared).then().statusCode(404);
    Api.as("site-staff-ma").get(CANDIDACIES + "/" + shared).then().statusCode(404);
    Api.as("learner-fr").get(CANDIDACIES + "/" + shared).then().statusCode(404);
    Api.as("country-admin-fr")
        .get(CANDIDACIES + "?jobOfferId=" + offer)
        .then()
        .statusCode(200)
        .body("total", equalTo(2));
    // the partner moves its consenting candidates by the employer's steps only
    Api.as("partner-fr")
        .body(move("INTERVIEWING", null))
        .post(CANDIDACIES + "/" + shared + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("INTERVIEWING"));
    Api.as("partner-fr")
        .body(move("WITHDRAWN", null))
        .post(CANDIDACIES + "/" + shared + "/status")
        .then()
        .statusCode(403);
    Api.as("partner-fr")
        .body(move("INTERVIEWING", null))
        .post(CANDIDACIES + "/" + hidden + "/status")
        .then()
        .statusCode(404);
    Api.as("site-staff-ma")
        .body(move("NOT_RETAINED", null))
        .post(CANDIDACIES + "/" + shared + "/status")
        .then()
        .statusCode(404);
    assertThat(candidacies("id = '" + hidden + "' and status = 'PROPOSED' and version = 0"))
        .isEqualTo(1);
    assertThat(candidacies("id = '" + shared + "' and status = 'INTERVIEWING' and version = 1"))
        .isEqualTo(1);

    // consent withdrawn: the candidacy is gone for the partner; given: it is there
    Learners.cvSharing(consenting, false);
    Learners.cvSharing(notConsenting, true);
    Api.as("partner-fr").get(CANDIDACIES + "/" + shared).then().statusCode(404);
    Api.as("partner-fr")
        .get(CANDIDACIES + "?jobOfferId=" + offer)
        .then()
        .body("items.id", contains(hidden));
  }

  @Test
  void learnersApplySeeAndWithdrawTheirOwn() {
    UUID me = Learners.linked("learner-fr", "FR-SEVRAN");
    Learners.linked("learner-ma", "MA-FES");
    String offer = offer(1);
    String mine =
        Api.as("learner-fr")
            .body("{\"jobOfferId\": \"" + offer + "\"}")
            .post(CANDIDACIES)
            .then()
            .statusCode(201)
            .body("status", equalTo("APPLIED"))
            .body("learnerId", equalTo(me.toString()))
            .extract()
            .path("id");
    Api.as("learner-fr")
        .body("{\"jobOfferId\": \"" + offer + "\"}")
        .post(CANDIDACIES)
        .then()
        .statusCode(409);
    // for someone else, or to an offer of another country: refused, nothing written
    Api.as("learner-fr")
        .body(proposal(offer, Learners.of("FR-SEVRAN", true)))
        .post(CANDIDACIES)
        .then()
        .statusCode(403);
    Api.as("learner-ma")
        .body("{\"jobOfferId\": \"" + offer + "\"}")
        .post(CANDIDACIES)
        .then()
        .statusCode(404);
    Api.as("partner-fr")
        .body("{\"jobOfferId\": \"" + offer + "\"}")
        .post(CANDIDACIES)
        .then()
        .statusCode(403);
    assertThat(candidacies("job_offer_id = '" + offer + "'")).isEqualTo(1);

    Api.as("learner-fr")
        .get(CANDIDACIES + "?jobOfferId=" + offer)
        .then()
        .statusCode(200)
        .body("items.id", contains(mine));
    Api.as("learner-ma").get(CANDIDACIES + "/" + mine).then().statusCode(404);
    Api.as("learner-ma").get(CANDIDACIES + "?jobOfferId=" + offer).then().body("items", empty());
    Api.as("learner-fr")
        .body(move("INTERVIEWING", null))
        .post(CANDIDACIES + "/" + mine + "/status")
        .then()
        .statusCode(403);
    Api.as("learner-fr")
        .header("If-Match", "\"7\"")
        .body(move("WITHDRAWN", null))
        .post(CANDIDACIES + "/" + mine + "/status")
        .then()
        .statusCode(412);
    Api.as("learner-fr")
        .header("If-Match", "\"0\"")
        .body(move("WITHDRAWN", null))
        .post(CANDIDACIES + "/" + mine + "/status")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("WITHDRAWN"));
    Api.as("learner-fr")
        .body(move("APPLIED", null))
        .post(CANDIDACIES + "/" + mine + "/status")
        .then()
        .statusCode(409);
    assertThat(changes(mine)).isEqualTo(2);
  }

  @Test
  void staffProposeOnlyKnownLearnersOfTheirScopeToPublishedOffersOfTheirCountry() {
    String offer = offer(1);
    UUID elsewhere = Learners.of("FR-CERGY", true);
    UUID moroccan = Learners.of("MA-FES", true);
    for (UUID learner : new UUID[] {elsewhere, UUID.randomUUID()}) {
      Api.as("site-staff-fr")
          .body(proposal(offer, learner))
          .post(CANDIDACIES)
          .then()
          .statusCode(422)
          .body("errors.field", hasItem("learnerId"));
    }
    // known only from an account link or a consent, never seated by a cohort: not a learner yet
    Api.as("country-admin-fr")
        .body(proposal(offer, Learners.withoutSite("FR")))
        .post(CANDIDACIES)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("learnerId"));
    Api.as("platform-admin")
        .body(proposal(offer, moroccan))
        .post(CANDIDACIES)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("learnerId"));
    Api.as("site-staff-ma")
        .body(proposal(offer, moroccan))
        .post(CANDIDACIES)
        .then()
        .statusCode(404);
    Api.as("site-staff-fr").body(proposal(offer, null)).post(CANDIDACIES).then().statusCode(400);
    String draft =
        Api.as("site-staff-fr")
            .body(
                "{\"employerName\": \"Atelier Web\", \"title\": \"Brouillon\", \"contractType\":"
                    + " \"CDI\", \"siteCode\": \"FR-SEVRAN\", \"city\": \"Sevran\", \"openings\":"
                    + " 1, \"draft\": true}")
            .post(OFFERS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("site-staff-fr")
        .body(proposal(draft, Learners.of("FR-SEVRAN", true)))
        .post(CANDIDACIES)
        .then()
        .statusCode(409);
    assertThat(candidacies("job_offer_id in ('" + offer + "', '" + draft + "')")).isZero();
  }

  @Test
  void aHireNeedsItsFirstDayFiresCandidacyHiredAndFillsTheOffer() {
    String offer = offer(1);
    UUID learner = Learners.of("FR-SEVRAN", true);
    String id = propose("country-admin-fr", offer, learner);
    String path = CANDIDACIES + "/" + id + "/status";
    Api.as("partner-fr").body(move("INTERVIEWING", null)).post(path).then().statusCode(200);
    Api.as("partner-fr").body(move("OFFERED", "2027-01-04")).post(path).then().statusCode(400);
    Api.as("partner-fr").body(move("OFFERED", null)).post(path).then().statusCode(200);
    Api.as("partner-fr").body(move("HIRED", null)).post(path).then().statusCode(400);
    assertThat(HiredCandidacies.fired())
        .noneMatch(hired -> hired.candidacyId().toString().equals(id));

    Api.as("partner-fr")
        .body(move("HIRED", "2027-01-04"))
        .post(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("HIRED"))
        .body("startDate", equalTo("2027-01-04"));
    CandidacyHired hired =
        HiredCandidacies.fired().stream()
            .filter(fired -> fired.candidacyId().toString().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(hired.learnerId()).isEqualTo(learner);
    assertThat(hired.employerPartnerId()).isEqualTo(Announced.PARTNER_FR);
    assertThat(hired.durationMonths()).isEqualTo(12);
    assertThat(hired.startDate()).isEqualTo(LocalDate.parse("2027-01-04"));
    Api.as("site-staff-fr")
        .get(OFFERS + "/" + offer)
        .then()
        .statusCode(200)
        .body("status", equalTo("FILLED"));
    Api.as("site-staff-fr").body(move("NOT_RETAINED", null)).post(path).then().statusCode(409);
    assertThat(changes(id)).isEqualTo(4);
  }
}
