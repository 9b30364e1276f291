package org.passerelle.partnership.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.passerelle.partnership.testing.Conventions.COMMITMENTS;
import static org.passerelle.partnership.testing.Conventions.CONVENTIONS;
import static org.passerelle.partnership.testing.Conventions.PARTNER_FR;
import static org.passerelle.partnership.testing.Conventions.PRIZES;
import static org.passerelle.partnership.testing.Donations.DEVICES;
import static org.passerelle.partnership.testing.Donations.DONATIONS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.partnership.testing.Conventions;
import org.passerelle.partnership.testing.Donations;

/**
 * One shape across the service's resources (issue 20, ADR 0043): each read shows createdAt and
 * updatedAt, a site is siteCode (site still answered, deprecated), and a request may name the site
 * siteCode or, until the sunset, site.
 */
@QuarkusTest
class ResourceShapesTest {

  private static final LocalDate TODAY = LocalDate.now();

  private static OffsetDateTime at(JsonPath json, String path) {
    return OffsetDateTime.parse(json.getString(path));
  }

  @Test
  void aDonationItsComputerAndItsLoanShowWhenAndWhereUnderOneName() {
    String donor = Donations.donor("FR");
    String body =
        Donations.body(
                donor, "FR-SEVRAN", "2026-02-10", "450.00", "EUR", List.of(Donations.serial()))
            .replace("\"site\":", "\"siteCode\":");
    JsonPath donation =
        Api.as("site-staff-fr")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(body)
            .post(DONATIONS)
            .then()
            .statusCode(201)
            .body("siteCode", equalTo("FR-SEVRAN"))
            .body("site", equalTo("FR-SEVRAN"))
            .extract()
            .jsonPath();
    assertThat(at(donation, "updatedAt")).isEqualTo(at(donation, "createdAt"));
    JsonPath read =
        Api.as("site-staff-fr")
            .get(DONATIONS + "/" + donation.getString("id"))
            .then()
            .statusCode(200)
            .body("siteCode", equalTo("FR-SEVRAN"))
            .body("site", equalTo("FR-SEVRAN"))
            .extract()
            .jsonPath();
    assertThat(at(read, "createdAt")).isEqualTo(at(donation, "createdAt"));
    assertThat(at(read, "updatedAt")).isEqualTo(at(donation, "updatedAt"));

    String device = donation.getString("devices[0].id");
    JsonPath received =
        Api.as("site-staff-fr")
            .get(DEVICES + "/" + device)
            .then()
            .statusCode(200)
            .body("siteCode", equalTo("FR-SEVRAN"))
            .body("site", equalTo("FR-SEVRAN"))
            .extract()
            .jsonPath();
    assertThat(at(received, "createdAt")).isEqualTo(at(donation, "createdAt"));
    JsonPath wiped =
        Api.as("site-staff-fr")
            .body("{\"certificateReference\": \"WIPE-1\", \"wipedBy\": \"Recyclerie IT\"}")
            .post(DEVICES + "/" + device + "/wipe")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(wiped, "createdAt")).isEqualTo(at(received, "createdAt"));
    assertThat(at(wiped, "updatedAt")).isAfterOrEqualTo(at(received, "updatedAt"));
    Api.as("site-staff-fr").post(DEVICES + "/" + device + "/ready").then().statusCode(200);

    // the loan names its site by the new name
    String loan =
        Donations.loanBody(UUID.randomUUID(), "2099-06-30")
            .replace("\"learnerId\"", "\"siteCode\": \"FR-SEVRAN\", \"learnerId\"");
    JsonPath lent =
        Api.as("site-staff-fr")
            .body(loan)
            .post(DEVICES + "/" + device + "/loan")
            .then()
            .statusCode(200)
            .body("loan.siteCode", equalTo("FR-SEVRAN"))
            .body("loan.site", equalTo("FR-SEVRAN"))
            .extract()
            .jsonPath();
    assertThat(at(lent, "loan.createdAt")).isEqualTo(at(lent, "loan.lentAt"));
    assertThat(at(lent, "loan.updatedAt")).isEqualTo(at(lent, "loan.lentAt"));

    Api.as("site-staff-fr")
        .queryParam("site", "FR-SEVRAN")
        .get(DEVICES + "/inventory")
        .then()
        .statusCode(200)
        .body("siteCode", hasItem("FR-SEVRAN"))
        .body("site", hasItem("FR-SEVRAN"));
    Api.as("country-admin-fr")
        .queryParam("donor", donor)
        .queryParam("year", 2026)
        .get(DONATIONS + "/summary")
        .then()
        .statusCode(200)
        .body("lines.siteCode", hasItem("FR-SEVRAN"))
        .body("lines.site", hasItem("FR-SEVRAN"));
  }

  @Test
  void aDonationNamingTwoDifferentSitesOrNoneIsRefusedNamingSiteCode() {
    String donor = Donations.donor("FR");
    String body =
        Donations.body(
            donor, "FR-SEVRAN", "2026-02-10", "450.00", "EUR", List.of(Donations.serial()));
    long before = Conventions.count("select count(*) from donation");
    for (String bad :
        new String[] {
          body.replace("\"site\":", "\"siteCode\": \"FR-CERGY\", \"site\":"),
          body.replace("\"site\": \"FR-SEVRAN\",", "")
        }) {
      Api.as("site-staff-fr")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .body(bad)
          .post(DONATIONS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("siteCode"));
    }
    // another country's site, under the new name as under the old one: refused, nothing written
    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            body.replace("\"site\": \"FR-SEVRAN\"", "\"siteCode\": \"MA-FES\"")
                .replace("EUR", "MAD"))
        .post(DONATIONS)
        .then()
        .statusCode(403);
    assertThat(Conventions.count("select count(*) from donation")).isEqualTo(before);
  }

  @Test
  void aPrizeAConventionAndACommitmentShowWhenTheyWereCreatedAndLastChanged() {
    Conventions.demoPartners();
    String convention =
        Conventions.draft(
            "country-admin-fr",
            PARTNER_FR,
            "FR",
            "\"FR-SEVRAN\"",
            TODAY.minusDays(5),
            TODAY.plusYears(1));
    JsonPath drafted =
        Api.as("country-admin-fr")
            .get(CONVENTIONS + "/" + convention)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(drafted, "updatedAt")).isEqualTo(at(drafted, "changedAt"));
    Conventions.sign("country-admin-fr", convention, TODAY.minusDays(5));
    JsonPath signed =
        Api.as("country-admin-fr")
            .get(CONVENTIONS + "/" + convention)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(signed, "updatedAt")).isEqualTo(at(signed, "changedAt"));
    assertThat(at(signed, "updatedAt")).isAfterOrEqualTo(at(signed, "createdAt"));

    String commitment =
        Conventions.commitment("country-admin-fr", convention, "PRIZES", "2", TODAY.plusMonths(6));
    JsonPath committed =
        Api.as("country-admin-fr")
            .get(COMMITMENTS + "/" + commitment)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(committed, "updatedAt")).isEqualTo(at(committed, "createdAt"));

    String prize =
        """
        {"partnerId": "%s", "commitmentId": "%s", "siteCode": "FR-SEVRAN", "title": "Prix",
         "recipientKind": "LEARNERS", "learnerIds": ["%s"], "awardedOn": "%s"}
        """
            .formatted(PARTNER_FR, commitment, UUID.randomUUID(), TODAY);
    JsonPath awarded =
        Api.as("site-staff-fr")
            .body(prize)
            .post(PRIZES)
            .then()
            .statusCode(201)
            .body("siteCode", equalTo("FR-SEVRAN"))
            .body("site", equalTo("FR-SEVRAN"))
            .extract()
            .jsonPath();
    assertThat(at(awarded, "updatedAt")).isEqualTo(at(awarded, "createdAt"));
    Api.as("site-staff-fr")
        .get(PRIZES + "/" + awarded.getString("id"))
        .then()
        .statusCode(200)
        .body("siteCode", equalTo("FR-SEVRAN"))
        .body("createdAt", notNullValue())
        .body("updatedAt", notNullValue());
    // the prize counted towards the commitment: a change, later than its creation
    JsonPath progressed =
        Api.as("country-admin-fr")
            .get(COMMITMENTS + "/" + commitment)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(progressed.getLong("version")).isGreaterThan(committed.getLong("version"));
    assertThat(at(progressed, "updatedAt")).isAfter(at(committed, "updatedAt"));

    // the old name is still read; two different values are refused, naming the new one
    String oldName =
        """
        {"partnerId": "%s", "site": "FR-SEVRAN", "title": "Prix", "recipientKind": "LEARNERS",
         "learnerIds": ["%s"], "awardedOn": "%s"}
        """
            .formatted(PARTNER_FR, UUID.randomUUID(), TODAY);
    Api.as("site-staff-fr")
        .body(oldName)
        .post(PRIZES)
        .then()
        .statusCode(201)
        .body("siteCode", equalTo("FR-SEVRAN"))
        .body("site", equalTo("FR-SEVRAN"));
    long before = Conventions.count("select count(*) from prize");
    Api.as("site-staff-fr")
        .body(oldName.replace("\"site\":", "\"siteCode\": \"FR-CERGY\", \"site\":"))
        .post(PRIZES)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("siteCode"));
    assertThat(Conventions.count("select count(*) from prize")).isEqualTo(before);
  }
}
