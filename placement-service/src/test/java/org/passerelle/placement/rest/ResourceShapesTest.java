package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.placement.rest.CandidacyResourceTest.CANDIDACIES;
import static org.passerelle.placement.rest.CandidacyResourceTest.OFFERS;
import static org.passerelle.placement.rest.IndicatorResourceTest.INDICATORS;
import static org.passerelle.placement.rest.IndicatorResourceTest.PERIOD;
import static org.passerelle.placement.rest.PlacementResourceTest.PLACEMENTS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;
import org.passerelle.placement.testing.Learners;

/**
 * One shape across the service's resources (issue 20, ADR 0043): each read shows createdAt and
 * updatedAt (changedAt stays, deprecated), and an indicator group's site is siteCode (site stays,
 * deprecated).
 */
@QuarkusTest
class ResourceShapesTest {

  private static OffsetDateTime at(JsonPath json, String path) {
    return OffsetDateTime.parse(json.getString(path));
  }

  private static JsonPath read(String user, String path) {
    return Api.as(user).get(path).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void anOfferAndACandidacyShowWhenTheyWereCreatedAndLastChanged() {
    String offer = CandidacyResourceTest.offer(2);
    JsonPath published = read("site-staff-fr", OFFERS + "/" + offer);
    assertThat(at(published, "updatedAt")).isAfterOrEqualTo(at(published, "createdAt"));

    String candidacy =
        CandidacyResourceTest.propose("site-staff-fr", offer, Learners.of("FR-SEVRAN", true));
    JsonPath proposed = read("site-staff-fr", CANDIDACIES + "/" + candidacy);
    assertThat(at(proposed, "updatedAt")).isEqualTo(at(proposed, "createdAt"));
    assertThat(at(proposed, "updatedAt")).isEqualTo(at(proposed, "changedAt"));
    Api.as("partner-fr")
        .body(CandidacyResourceTest.move("INTERVIEWING", null))
        .post(CANDIDACIES + "/" + candidacy + "/status")
        .then()
        .statusCode(200);
    JsonPath moved = read("site-staff-fr", CANDIDACIES + "/" + candidacy);
    assertThat(at(moved, "updatedAt")).isEqualTo(at(moved, "changedAt"));
    assertThat(at(moved, "updatedAt")).isAfter(at(proposed, "updatedAt"));
    assertThat(at(moved, "createdAt")).isEqualTo(at(proposed, "createdAt"));
  }

  @Test
  void aPlacementShowsWhenItWasRecordedAndLastChanged() {
    Announced.demoPartnersAndSites();
    Trainee trainee = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(trainee, null, LearnerEvents.FOLLOW_UP);
    String placement = PlacementResourceTest.recorded("site-staff-fr", trainee);
    JsonPath recorded = read("site-staff-fr", PLACEMENTS + "/" + placement);
    assertThat(at(recorded, "createdAt")).isEqualTo(at(recorded, "recordedAt"));
    assertThat(at(recorded, "updatedAt")).isEqualTo(at(recorded, "recordedAt"));
  }

  @Test
  void anIndicatorGroupNamesItsSiteSiteCode() {
    JsonPath bySite = read("platform-admin", INDICATORS + PERIOD + "&groupBy=site");
    List<String> sites = bySite.getList("groups.key.site");
    assertThat(bySite.getList("groups.key.siteCode", String.class)).isEqualTo(sites);
    JsonPath byCountry = read("platform-admin", INDICATORS + PERIOD + "&groupBy=country");
    assertThat(byCountry.getList("groups.key.siteCode")).containsOnlyNulls();
  }
}
