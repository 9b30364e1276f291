package org.passerelle.partnership.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.passerelle.partnership.testing.Donations.DEVICES;
import static org.passerelle.partnership.testing.Donations.DONATIONS;
import static org.passerelle.partnership.testing.Donations.PARTNER_FR;
import static org.passerelle.partnership.testing.Donations.PARTNER_MA;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.partnership.testing.Donations;

/**
 * What partner users see of their organisation's donations: each donation and its computers'
 * statuses, their list and their yearly summary; never another donor's, never the devices and their
 * loans. Named to run after PartnerResourceTest, which checks the demo partners' first
 * registration.
 */
@QuarkusTest
class PartnersDonationsTest {

  @Test
  void aDonorReadsItsOwnDonationsAndSummaryButNotTheLoans() {
    Donations.demoPartners();
    JsonPath donation = Donations.record("site-staff-fr", PARTNER_FR, "FR-SEVRAN", "2026-04-01", 2);
    String id = donation.getString("id");
    String device = donation.getString("devices[0].id");

    Api.as("partner-fr")
        .get(DONATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("donorId", equalTo(PARTNER_FR))
        .body("devices.status", everyItem(equalTo("RECEIVED")));
    Api.as("partner-ma").get(DONATIONS + "/" + id).then().statusCode(404);
    Api.as("partner-fr")
        .get(DONATIONS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.donorId", everyItem(equalTo(PARTNER_FR)))
        .body("items.id", hasItem(id));
    Api.as("partner-ma")
        .get(DONATIONS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));

    Api.as("partner-fr")
        .get(DONATIONS + "/summary?donor=" + PARTNER_FR + "&year=2026")
        .then()
        .statusCode(200)
        .body("donorId", equalTo(PARTNER_FR))
        .body("lines.donationId", hasItem(id));
    Api.as("partner-fr")
        .get(DONATIONS + "/summary.csv?donor=" + PARTNER_FR + "&year=2026")
        .then()
        .statusCode(200)
        .contentType("text/csv");
    Api.as("partner-ma")
        .get(DONATIONS + "/summary?donor=" + PARTNER_FR + "&year=2026")
        .then()
        .statusCode(404);
    Api.as("partner-ma")
        .get(DONATIONS + "/summary?donor=" + PARTNER_MA + "&year=2026")
        .then()
        .statusCode(200);

    // devices and loans are the sites' business
    Api.as("partner-fr").get(DEVICES + "/" + device).then().statusCode(403);
    Api.as("partner-fr").get(DEVICES).then().statusCode(403);
  }
}
