package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From application to a seat, across services through the gateway: enrollment-service selects,
 * cohort-service seats within capacity, enrollment-service enrols or waitlists from its answer.
 */
class SelectionFlowTest {

  @BeforeAll
  static void platform() {
    Platform.get();
  }

  private static String status(String application) {
    return Platform.asUser("site-staff-fr")
        .get("/api/v1/applications/" + application)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  @Test
  void acceptedApplicantsBeyondTheCohortsSeatsAreWaitlistedInOrder() {
    String cohort = Platform.scheduleCohort(Platform.asUser("country-admin-fr"), "FR-SEVRAN", 2);
    List<String> applications = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = Platform.submitApplication(Platform.asUser("site-staff-fr"), cohort, "FR-SEVRAN");
      Platform.asUser("site-staff-fr")
          .body("{\"testScore\": " + (60 + i) + "}")
          .post("/api/v1/applications/" + id + "/screen")
          .then()
          .statusCode(200);
      Platform.asUser("site-staff-fr")
          .post("/api/v1/applications/" + id + "/accept")
          .then()
          .statusCode(200);
      applications.add(id);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> applications.stream().noneMatch(id -> status(id).equals("ACCEPTED")));
    List<String> statuses = applications.stream().map(SelectionFlowTest::status).toList();
    assertThat(statuses).containsExactlyInAnyOrder("ENROLLED", "ENROLLED", "WAITLISTED");
    String waitlisted = applications.get(statuses.indexOf("WAITLISTED"));
    assertThat(
            Platform.asUser("site-staff-fr")
                .get("/api/v1/intakes/" + cohort + "/waitlist")
                .then()
                .extract()
                .<List<String>>path("applicationId"))
        .containsExactly(waitlisted);
    assertThat(
            Platform.asUser("site-staff-fr")
                .get("/api/v1/intakes/" + cohort + "/waitlist/entries")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("items.applicationId"))
        .containsExactly(waitlisted);
  }
}
