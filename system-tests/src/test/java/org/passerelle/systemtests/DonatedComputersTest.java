package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Donated computers across services through the gateway (issue 15): a partner's computers lent to
 * two learners of a running cohort; the one who leaves has the computer flagged for recall by
 * cohort-service's real learner-withdrew, the one who completes by its learner-completed (the
 * default policy recalls), and the donor reads its year.
 */
class DonatedComputersTest {

  private static final String SITE = "FR-SEVRAN";
  private static final String STAFF = "site-staff-fr";

  @BeforeAll
  static void platform() {
    Platform.get();
  }

  private static String lentComputer(String donation, int index, String learner) {
    String device =
        Platform.asUser(STAFF)
            .get("/api/v1/donations/" + donation)
            .then()
            .statusCode(200)
            .extract()
            .path("devices[" + index + "].id");
    Platform.asUser(STAFF)
        .body(Map.of("certificateReference", "WIPE-SYS-" + index, "wipedBy", "Atelier"))
        .post("/api/v1/devices/" + device + "/wipe")
        .then()
        .statusCode(200);
    Platform.asUser(STAFF).post("/api/v1/devices/" + device + "/ready").then().statusCode(200);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    Platform.asUser(STAFF)
        .body(
            Map.of(
                "learnerId",
                learner,
                "expectedReturn",
                today.plusMonths(6).toString(),
                "acceptedOn",
                today.toString(),
                "acceptanceReference",
                "PRET-SYS-" + index))
        .post("/api/v1/devices/" + device + "/loan")
        .then()
        .statusCode(200)
        .body("status", equalTo("LOANED"));
    return device;
  }

  private static String recallReason(String device) {
    return Platform.asUser(STAFF)
        .get("/api/v1/devices/" + device)
        .then()
        .statusCode(200)
        .extract()
        .path("loan.recallReason");
  }

  @Test
  void theComputersOfLearnersWhoLeaveOrCompleteAreRecalled() {
    String cohort = Platform.scheduleCohort(Platform.asUser("country-admin-fr"), SITE, 2);
    Platform.enrolledApplications(STAFF, cohort, SITE, 2);
    Platform.startToday(STAFF, cohort).statusCode(200);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    List<String> learners =
        Platform.asUser(STAFF)
            .get("/api/v1/cohorts/" + cohort + "/learners")
            .then()
            .statusCode(200)
            .extract()
            .path("items.learnerId");
    assertThat(learners).hasSize(2);
    String graduate = learners.get(0);
    String leaver = learners.get(1);

    String donation =
        Platform.asUser(STAFF)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"donorId": "%s", "site": "%s", "donatedOn": "%s",
                 "declaredValue": {"amount": 700, "currency": "EUR"},
                 "items": [{"serialNumber": "SYS-%s-1", "model": "Lenovo ThinkPad T480"},
                           {"serialNumber": "SYS-%s-2", "model": "Lenovo ThinkPad T480"}]}
                """
                    .formatted(
                        Platform.PARTNER_FR,
                        SITE,
                        today,
                        UUID.randomUUID().toString().substring(0, 8),
                        UUID.randomUUID().toString().substring(0, 8)))
            .post("/api/v1/donations")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String leaversComputer = lentComputer(donation, 0, leaver);
    String graduatesComputer = lentComputer(donation, 1, graduate);

    Platform.asUser(STAFF)
        .body(Map.of("exitReason", "FOUND_JOB"))
        .post("/api/v1/cohorts/" + cohort + "/learners/" + leaver + "/withdraw")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> "WITHDREW".equals(recallReason(leaversComputer)));

    Platform.asUser(STAFF)
        .body(
            Map.of(
                "learnerId",
                graduate,
                "outcome",
                "CERTIFIED",
                "certifiedOn",
                today.toString(),
                "juryReference",
                "JURY-DEVICES-" + today))
        .post("/api/v1/cohorts/" + cohort + "/certification-results")
        .then()
        .statusCode(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> "COMPLETED".equals(recallReason(graduatesComputer)));

    Platform.asUser(STAFF)
        .get("/api/v1/devices?toRecall=true&site=" + SITE + "&size=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItems(leaversComputer, graduatesComputer));
    // the donor sees its donation and its computers' statuses, never who has them
    String seen =
        Platform.asUser("partner-fr")
            .get("/api/v1/donations/" + donation)
            .then()
            .statusCode(200)
            .body("devices.status", everyItem(equalTo("LOANED")))
            .extract()
            .asString();
    assertThat(seen).doesNotContain(leaver, graduate);
    Platform.asUser("partner-fr").get("/api/v1/devices/" + leaversComputer).then().statusCode(403);
  }
}
