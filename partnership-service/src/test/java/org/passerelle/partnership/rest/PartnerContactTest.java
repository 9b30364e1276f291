package org.passerelle.partnership.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.partnership.rest.PartnerProfileTest.as;
import static org.passerelle.partnership.rest.PartnerResourceTest.PARTNERS;
import static org.passerelle.partnership.rest.PartnerResourceTest.PARTNER_FR;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * Partners' contacts, the personal data of partnership-service: who reads, records and changes
 * them, their access log, the right of access and the right to erasure.
 */
@QuarkusTest
class PartnerContactTest {

  @Inject EntityManager entityManager;

  static final String CONTACT =
      """
      {"name": "Camille Martin", "jobTitle": "Responsable RH",
       "email": "Camille.Martin@example.org", "phone": "+33 1 23 45 67 89"}
      """;

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private static String contacts(String partner) {
    return PARTNERS + "/" + partner + "/contacts";
  }

  private String frenchPartner() {
    return PartnerProfileTest.register(
        "country-admin-fr",
        PartnerResourceTest.body(
            PartnerProfileTest.newName("Contacts"),
            "EMPLOYER",
            "FR",
            PartnerResourceTest.legalIdentifier("FR")));
  }

  @Test
  void staffOfTheCountryAndThePartnerItselfReadContactsOthersDoNot() {
    PartnerResourceTest.demoPartners();
    String partner = frenchPartner();
    String contact =
        as("country-admin-fr")
            .header("Idempotency-Key", "contact-" + partner)
            .body(CONTACT)
            .post(contacts(partner))
            .then()
            .statusCode(201)
            .header("Location", org.hamcrest.Matchers.containsString(contacts(partner) + "/"))
            .body("email", equalTo("camille.martin@example.org"))
            .extract()
            .path("id");
    // the same key again: the same contact, not a second one
    as("country-admin-fr")
        .header("Idempotency-Key", "contact-" + partner)
        .body(CONTACT)
        .post(contacts(partner))
        .then()
        .statusCode(201)
        .body("id", equalTo(contact));
    as("site-staff-fr")
        .get(contacts(partner))
        .then()
        .statusCode(200)
        .body("items.id", contains(contact));
    as("site-staff-fr")
        .get(contacts(partner) + "/" + contact)
        .then()
        .statusCode(200)
        .body("name", equalTo("Camille Martin"));
    as("country-admin-ma").get(contacts(partner)).then().statusCode(404);
    as("site-staff-ma").get(contacts(partner) + "/" + contact).then().statusCode(404);
    as("partner-fr").get(contacts(partner)).then().statusCode(404);
    as("integration-fr").get(contacts(partner)).then().statusCode(403);
    as("learner-fr").get(contacts(partner)).then().statusCode(403);
    given().get(contacts(partner)).then().statusCode(401);
    // a contact of another partner is not under this one
    as("country-admin-fr").get(contacts(PARTNER_FR) + "/" + contact).then().statusCode(404);

    // writes from the wrong scope or role change nothing
    long before = count("select count(*) from partner_contact");
    as("country-admin-ma").body(CONTACT).post(contacts(partner)).then().statusCode(404);
    as("partner-ma").body(CONTACT).post(contacts(partner)).then().statusCode(404);
    as("partner-fr").body(CONTACT).post(contacts(partner)).then().statusCode(404);
    as("site-staff-fr").body(CONTACT).post(contacts(partner)).then().statusCode(403);
    as("integration-fr").body(CONTACT).post(contacts(partner)).then().statusCode(403);
    as("site-staff-fr").post(contacts(partner) + "/" + contact + "/erase").then().statusCode(403);
    as("partner-fr").post(contacts(partner) + "/" + contact + "/erase").then().statusCode(404);
    for (String bad :
        List.of(
            "{\"name\": \"Sans Moyen\"}",
            "{\"name\": \"X\", \"email\": \"pas-un-email\"}",
            "{\"name\": \"X\", \"phone\": \"abc\"}",
            "{\"name\": \"\", \"email\": \"a@b.org\"}",
            "{\"email\": \"a@b.org\"}",
            "{\"name\": \"X\", \"email\": \"a@b.org\", \"birthDate\": \"1990-01-01\"}",
            "[]")) {
      as("country-admin-fr")
          .body(bad)
          .post(contacts(partner))
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(count("select count(*) from partner_contact")).isEqualTo(before);
    assertThat(count("select count(*) from outbox_event where cast(data as text) like '%Camille%'"))
        .isZero();
  }

  @Test
  void aPartnerUserManagesItsOwnContacts() {
    PartnerResourceTest.demoPartners();
    String contact =
        as("partner-fr")
            .body("{\"name\": \"Nadia Benali\", \"phone\": \"01 23 45 67 89\"}")
            .post(contacts(PARTNER_FR))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("partner-fr")
        .get(contacts(PARTNER_FR))
        .then()
        .statusCode(200)
        .body("items.id", hasItem(contact));
    as("partner-ma").get(contacts(PARTNER_FR)).then().statusCode(404);
    // the right of access is answered by the country's admins
    as("partner-fr").get(contacts(PARTNER_FR) + "/" + contact + "/export").then().statusCode(403);
    as("partner-fr")
        .post(contacts(PARTNER_FR) + "/" + contact + "/erase")
        .then()
        .statusCode(200)
        .body("erasedAt", notNullValue());
    as("partner-fr").get(contacts(PARTNER_FR)).then().body("items.id", not(hasItem(contact)));
  }

  @Test
  void theRightOfAccessExportsAContactAndErasureLeavesNothingOfThePerson() {
    String partner = frenchPartner();
    String key = "erase-" + UUID.randomUUID();
    String contact =
        as("country-admin-fr")
            .header("Idempotency-Key", key)
            .body(CONTACT)
            .post(contacts(partner))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("country-admin-fr")
        .get(contacts(partner) + "/" + contact + "/export")
        .then()
        .statusCode(200)
        .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
        .body("contact.name", equalTo("Camille Martin"))
        .body("contact.phone", equalTo("+33 1 23 45 67 89"))
        .body("partnerId", equalTo(partner))
        .body("recordedBy", notNullValue())
        .body("recordedByActor.type", equalTo("PERSON"))
        .body("recordedByActor.id", equalTo(Tokens.subject("country-admin-fr")))
        .body("recordedByActor.displayName", nullValue());
    as("site-staff-fr").get(contacts(partner) + "/" + contact + "/export").then().statusCode(403);
    as("country-admin-ma")
        .get(contacts(partner) + "/" + contact + "/export")
        .then()
        .statusCode(404);
    assertThat(
            count("select count(*) from idempotency_key where strpos(body, '" + contact + "') > 0"))
        .isEqualTo(1);

    as("country-admin-ma")
        .post(contacts(partner) + "/" + contact + "/erase")
        .then()
        .statusCode(404);
    as("country-admin-fr")
        .post(contacts(partner) + "/" + contact + "/erase")
        .then()
        .statusCode(200)
        .body("id", equalTo(contact))
        .body("name", nullValue())
        .body("email", nullValue())
        .body("erasedAt", notNullValue());
    assertThat(
            count(
                "select count(*) from partner_contact where id = '"
                    + contact
                    + "' and name is null and job_title is null and email is null and phone is null"
                    + " and created_by is null and erased_at is not null"))
        .isEqualTo(1);
    assertThat(
            count("select count(*) from idempotency_key where strpos(body, '" + contact + "') > 0"))
        .isZero();
    assertThat(
            count(
                "select count(*) from partner_contact where email like 'camille%' and partner_id = '"
                    + partner
                    + "'"))
        .isZero();
    as("country-admin-fr")
        .post(contacts(partner) + "/" + contact + "/erase")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    as("country-admin-fr")
        .get(contacts(partner) + "/" + contact + "/export")
        .then()
        .statusCode(409);
    as("country-admin-fr").get(contacts(partner)).then().body("items.id", not(hasItem(contact)));
    as("country-admin-fr")
        .post(contacts(partner) + "/" + UUID.randomUUID() + "/erase")
        .then()
        .statusCode(404);
  }

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void thoseWhoRecordAContactChangeItAgainstTheVersionTheyRead() {
    PartnerResourceTest.demoPartners();
    String contact =
        as("partner-fr")
            .body(CONTACT)
            .post(contacts(PARTNER_FR))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = contacts(PARTNER_FR) + "/" + contact;
    String patch = "{\"jobTitle\": null, \"email\": \"C.Martin@Example.org\", \"phone\": null}";
    // without If-Match nobody overwrites what they have not read; a stale one changes nothing
    as("partner-fr").contentType(MERGE_PATCH).body(patch).patch(path).then().statusCode(428);
    as("partner-fr")
        .contentType(MERGE_PATCH)
        .header("If-Match", "\"7\"")
        .body(patch)
        .patch(path)
        .then()
        .statusCode(412);
    // wrong scope or role: nothing changes
    as("partner-ma").header("If-Match", "\"0\"").body(patch).patch(path).then().statusCode(404);
    as("country-admin-ma")
        .header("If-Match", "\"0\"")
        .body(patch)
        .patch(path)
        .then()
        .statusCode(404);
    as("site-staff-fr").header("If-Match", "\"0\"").body(patch).patch(path).then().statusCode(403);
    as("learner-fr").header("If-Match", "\"0\"").body(patch).patch(path).then().statusCode(403);
    for (String bad :
        List.of(
            "{\"email\": null, \"phone\": null}",
            "{\"name\": null}",
            "{\"name\": \" \"}",
            "{\"email\": \"pas-un-email\"}",
            "{\"phone\": \"abc\"}",
            "{\"birthDate\": \"1990-01-01\"}",
            "[]")) {
      as("partner-fr")
          .header("If-Match", "\"0\"")
          .body(bad)
          .patch(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    as("partner-fr")
        .get(path)
        .then()
        .header("ETag", "\"0\"")
        .body("jobTitle", equalTo("Responsable RH"))
        .body("phone", equalTo("+33 1 23 45 67 89"));

    as("partner-fr")
        .contentType(MERGE_PATCH)
        .header("If-Match", "\"0\"")
        .body(patch)
        .patch(path)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("name", equalTo("Camille Martin"))
        .body("jobTitle", nullValue())
        .body("email", equalTo("c.martin@example.org"))
        .body("phone", nullValue());
    // the same values again change nothing
    as("country-admin-fr")
        .header("If-Match", "\"1\"")
        .body("{\"name\": \"Camille Martin\"}")
        .patch(path)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");

    as("partner-fr").post(path + "/erase").then().statusCode(200);
    as("partner-fr")
        .header("If-Match", "\"2\"")
        .body("{\"name\": \"Autre\"}")
        .patch(path)
        .then()
        .statusCode(409);
    assertThat(
            count(
                "select count(*) from partner_contact where id = '"
                    + contact
                    + "' and name is null"))
        .isEqualTo(1);
  }

  @Test
  void everyReadAndChangeOfAContactIsLoggedAndPartOfItsExport() {
    String partner = frenchPartner();
    String contact =
        as("country-admin-fr")
            .body(CONTACT)
            .post(contacts(partner))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = contacts(partner) + "/" + contact;
    as("site-staff-fr").get(contacts(partner)).then().statusCode(200);
    as("site-staff-fr").get(path).then().statusCode(200);
    as("country-admin-fr")
        .header("If-Match", "\"0\"")
        .body("{\"phone\": \"01 99 88 77 66\"}")
        .patch(path)
        .then()
        .statusCode(200);
    // reads refused leave no trace
    as("country-admin-ma").get(path).then().statusCode(404);

    as("country-admin-fr")
        .get(path + "/export")
        .then()
        .statusCode(200)
        .body("accesses.action", contains("EXPORT", "CHANGE", "READ", "LIST"))
        .body("accesses.purpose", hasItem("getPartnerContact"))
        .body("accesses.actor", hasItem(Tokens.subject("site-staff-fr")))
        .body("accesses[0].actor", equalTo(Tokens.subject("country-admin-fr")))
        .body("accesses[0].actedBy.type", equalTo("PERSON"))
        .body("accesses[0].actedBy.id", equalTo(Tokens.subject("country-admin-fr")))
        .body("accesses[0].actedBy.displayName", nullValue())
        .body("accesses[0].contactId", equalTo(contact))
        .body("accesses[3].contactId", nullValue());
    String log = PARTNERS + "/" + partner + "/contact-accesses";
    as("country-admin-fr")
        .get(log)
        .then()
        .statusCode(200)
        .body("total", equalTo(4))
        .body("items.action", contains("EXPORT", "CHANGE", "READ", "LIST"))
        .body("items[2].actorRoles", hasItem("site-staff"));
    as("platform-admin").get(log).then().statusCode(200).body("total", equalTo(4));
    as("country-admin-ma").get(log).then().statusCode(404);
    as("site-staff-fr").get(log).then().statusCode(403);
    as("partner-fr").get(log).then().statusCode(403);
    as("integration-fr").get(log).then().statusCode(403);
    given().get(log).then().statusCode(401);
    // the log names who and why, never the person's details
    assertThat(
            count(
                "select count(*) from partner_contact_access where partner_id = '"
                    + partner
                    + "' and (actor like '%Camille%' or purpose like '%Camille%')"))
        .isZero();
    as("country-admin-fr").post(path + "/erase").then().statusCode(200);
    as("country-admin-fr")
        .get(log)
        .then()
        .body("items.action", containsInAnyOrder("ERASE", "EXPORT", "CHANGE", "READ", "LIST"));
  }
}
