package org.passerelle.partnership.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.passerelle.partnership.testing.Donations.DONATIONS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.partnership.service.DonationService;
import org.passerelle.partnership.testing.Donations;
import org.passerelle.partnership.testing.RecordedDonations;

/**
 * Donations of computers: their intake by the receiving site's staff, what staff and the donor
 * read, the donor's yearly summary in JSON and CSV, and the refusals that change nothing.
 */
@QuarkusTest
class DonationResourceTest {

  @Inject EntityManager entityManager;
  @Inject DonationService donationService;
  @Inject RecordedDonations recordedDonations;

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  @Test
  void siteStaffRecordADonationWhoseComputersAreReceivedAtTheirSite() {
    String first = Donations.serial();
    String second = Donations.serial();
    String key = UUID.randomUUID().toString();
    String donor = Donations.donor("FR");
    String body =
        Donations.body(donor, "FR-SEVRAN", "2026-03-02", "900.50", "EUR", List.of(first, second));
    JsonPath donation =
        Api.as("site-staff-fr")
            .header("Idempotency-Key", key)
            .body(body)
            .post(DONATIONS)
            .then()
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("donorId", equalTo(donor))
            .body("country", equalTo("FR"))
            .body("units", equalTo(2))
            .body("declaredValue.amount", equalTo(900.5f))
            .body("devices.status", everyItem(equalTo("RECEIVED")))
            .extract()
            .jsonPath();
    String id = donation.getString("id");
    assertThat(
            count(
                "select count(*) from device where donation_id = '"
                    + id
                    + "' and site = 'FR-SEVRAN' and status = 'RECEIVED' and serial_number in ('"
                    + first
                    + "', '"
                    + second
                    + "')"))
        .isEqualTo(2);
    // the same key and body: the same donation, not a second one
    Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body)
        .post(DONATIONS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));
    assertThat(count("select count(*) from donation where id = '" + id + "'")).isEqualTo(1);
    // the service's other rules heard of it once, in its transaction
    assertThat(recordedDonations.times(UUID.fromString(id))).isEqualTo(1);

    // who reads it: staff of the site and above (the donor too: PartnersDonationsTest); nobody
    // else
    Api.as("country-admin-fr")
        .get(DONATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("devices.serialNumber", hasItem(first));
    Api.as("partner-fr").get(DONATIONS + "/" + id).then().statusCode(404);
    Api.as("partner-ma").get(DONATIONS + "/" + id).then().statusCode(404);
    Api.as("country-admin-ma").get(DONATIONS + "/" + id).then().statusCode(404);
    Api.as("site-staff-ma").get(DONATIONS + "/" + id).then().statusCode(404);
    Api.as("learner-fr").get(DONATIONS + "/" + id).then().statusCode(403);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .get(DONATIONS + "/" + id)
        .then()
        .statusCode(403);
    given().get(DONATIONS + "/" + id).then().statusCode(401);

    // lists keep to the caller's scope
    Api.as("partner-fr")
        .get(DONATIONS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    Api.as("partner-ma")
        .get(DONATIONS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    Api.as("site-staff-fr")
        .get(DONATIONS + "?site=FR-SEVRAN&year=2026&donor=" + donor + "&size=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    Api.as("site-staff-ma")
        .get(DONATIONS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.country", everyItem(equalTo("MA")));
  }

  @Test
  void refusedIntakesRecordNothing() {
    String taken = Donations.serial();
    String donor = Donations.donor("FR");
    String takenSerial =
        Donations.record("country-admin-fr", donor, "FR-CERGY", "2026-02-01", 1)
            .getString("devices[0].serialNumber");
    long donations = count("select count(*) from donation");
    long devices = count("select count(*) from device");

    // out of scope: another site, another country, wrong roles
    String cergy = Donations.body(donor, "FR-CERGY", "2026-03-02", "10", "EUR", List.of(taken));
    Api.as("site-staff-fr").body(cergy).post(DONATIONS).then().statusCode(403);
    Api.as("country-admin-ma").body(cergy).post(DONATIONS).then().statusCode(403);
    Api.as("partner-fr").body(cergy).post(DONATIONS).then().statusCode(403);
    Api.as("learner-fr").body(cergy).post(DONATIONS).then().statusCode(403);
    given().contentType("application/json").body(cergy).post(DONATIONS).then().statusCode(401);

    // a donor of another country, a serial already in stock or twice in the donation
    Api.as("country-admin-fr")
        .body(
            Donations.body(
                Donations.donor("MA"), "FR-CERGY", "2026-03-02", "10", "EUR", List.of(taken)))
        .post(DONATIONS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    Api.as("country-admin-fr")
        .body(Donations.body(donor, "FR-CERGY", "2026-03-02", "10", "EUR", List.of(takenSerial)))
        .post(DONATIONS)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    Api.as("country-admin-fr")
        .body(Donations.body(donor, "FR-CERGY", "2026-03-02", "10", "EUR", List.of(taken, taken)))
        .post(DONATIONS)
        .then()
        .statusCode(409);
    for (String bad :
        List.of(
            "{",
            "{}",
            Donations.body(donor, "FR-CERGY", "2026-03-02", "10", "EUR", List.of()),
            Donations.body(donor, "ES-MADRID", "2026-03-02", "10", "EUR", List.of(taken)),
            Donations.body(donor, "FR-CERGY", "2026-13-02", "10", "EUR", List.of(taken)),
            Donations.body(
                donor,
                "FR-CERGY",
                LocalDate.now().plusDays(3).toString(),
                "10",
                "EUR",
                List.of(taken)),
            Donations.body(donor, "FR-CERGY", "2026-03-02", "-1", "EUR", List.of(taken)),
            Donations.body(donor, "FR-CERGY", "2026-03-02", "10.123", "EUR", List.of(taken)),
            Donations.body(donor, "FR-CERGY", "2026-03-02", "10", "USD", List.of(taken)),
            Donations.body(donor, "FR-CERGY", "2026-03-02", "10", "EUR", List.of("x".repeat(101))),
            Donations.body("not-a-uuid", "FR-CERGY", "2026-03-02", "10", "EUR", List.of(taken)))) {
      Api.as("country-admin-fr")
          .body(bad)
          .post(DONATIONS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(count("select count(*) from donation")).isEqualTo(donations);
    assertThat(count("select count(*) from device")).isEqualTo(devices);
    Api.as("platform-admin").get(DONATIONS + "/" + UUID.randomUUID()).then().statusCode(404);
    Api.as("platform-admin").get(DONATIONS + "?donor=nope").then().statusCode(400);
    Api.as("platform-admin").get(DONATIONS + "?size=101").then().statusCode(400);
  }

  @Test
  void theDonorsYearIsSummedInJsonAndCsvForTheDonorAndItsCountrysAdmins() {
    // a donor of its own, so that other tests' donations do not count
    String donor = UUID.randomUUID().toString();
    Api.as("country-admin-ma")
        .body("{\"name\": \"Maroc Ordinateurs\", \"kind\": \"FUNDER\", \"country\": \"MA\"}")
        .put("/api/v1/partners/" + donor)
        .then()
        .statusCode(201);
    String first =
        Donations.record("site-staff-ma", donor, "MA-FES", "2025-03-01", 3).getString("id");
    String second =
        Donations.record("country-admin-ma", donor, "MA-FES", "2025-11-20", 2).getString("id");
    Donations.record("site-staff-ma", donor, "MA-FES", "2026-01-10", 4);

    Api.as("country-admin-ma")
        .get(DONATIONS + "/summary?donor=" + donor + "&year=2025")
        .then()
        .statusCode(200)
        .body("donorName", equalTo("Maroc Ordinateurs"))
        .body("donations", equalTo(2))
        .body("units", equalTo(5))
        .body("declaredValue[0].amount", equalTo(900.0f))
        .body("declaredValue[0].currency", equalTo("MAD"))
        .body("lines.donationId", equalTo(List.of(first, second)));
    String csv =
        Api.as("country-admin-ma")
            .get(DONATIONS + "/summary.csv?donor=" + donor + "&year=2025")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "line,donation_id,donated_on,site,units,amount,currency",
            "donation," + first + ",2025-03-01,MA-FES,3,450.00,MAD",
            "donation," + second + ",2025-11-20,MA-FES,2,450.00,MAD",
            "total,,2025,,5,900.00,MAD");

    // the evidence a computers commitment counts
    assertThat(
            donationService.computersDonated(
                UUID.fromString(donor), LocalDate.of(2025, 6, 1), LocalDate.of(2026, 12, 31)))
        .extracting(computers -> computers.units())
        .containsExactly(2, 4);

    // nobody else reads it; bad parameters are 400
    Api.as("country-admin-fr")
        .get(DONATIONS + "/summary?donor=" + donor + "&year=2025")
        .then()
        .statusCode(404);
    Api.as("partner-ma")
        .get(DONATIONS + "/summary?donor=" + donor + "&year=2025")
        .then()
        .statusCode(404);
    Api.as("site-staff-ma")
        .get(DONATIONS + "/summary?donor=" + donor + "&year=2025")
        .then()
        .statusCode(403);
    for (String bad :
        List.of(
            "?donor=" + donor, "?year=2025", "?donor=x&year=2025", "?donor=" + donor + "&year=1")) {
      Api.as("platform-admin")
          .get(DONATIONS + "/summary" + bad)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
  }
}
