package org.passerelle.partnership.service;

import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.partnership.testing.Conventions.COMMITMENTS;
import static org.passerelle.partnership.testing.Conventions.commitment;
import static org.passerelle.partnership.testing.Conventions.draft;
import static org.passerelle.partnership.testing.Conventions.sign;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.partnership.testing.Conventions;
import org.passerelle.partnership.testing.Donations;

/**
 * Computers a partner gives count towards the computers commitment of its signed convention
 * covering the receiving site, as soon as the donation is recorded, with the donation as evidence;
 * a donation at a site the convention does not cover counts for nothing.
 */
@QuarkusTest
class DonatedComputersCommitmentTest {

  @Test
  void donationsFulfilTheDonorsComputersCommitment() {
    String partner = Conventions.partner("FR");
    LocalDate start = LocalDate.now().minusMonths(3);
    String convention =
        draft("country-admin-fr", partner, "FR", "\"FR-SEVRAN\"", start, start.plusYears(2));
    sign("country-admin-fr", convention, start);
    String computers =
        commitment("country-admin-fr", convention, "COMPUTERS", "5", start.plusYears(1));

    String counted =
        Donations.record(
                "country-admin-fr",
                partner,
                "FR-SEVRAN",
                LocalDate.now().minusDays(2).toString(),
                3)
            .getString("id");
    // another site: the convention does not cover it
    Donations.record(
        "country-admin-fr", partner, "FR-CERGY", LocalDate.now().minusDays(1).toString(), 4);

    Api.as("country-admin-fr")
        .get(COMMITMENTS + "/" + computers)
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("progress", equalTo(3.0f))
        .body("evidence.source", equalTo(List.of("DONATION")))
        .body("evidence.reference", equalTo(List.of(counted)));

    Donations.record(
        "country-admin-fr", partner, "FR-SEVRAN", LocalDate.now().minusDays(1).toString(), 2);
    Api.as("country-admin-fr")
        .get(COMMITMENTS + "/" + computers)
        .then()
        .statusCode(200)
        .body("status", equalTo("FULFILLED"))
        .body("progress", equalTo(5.0f));
  }
}
