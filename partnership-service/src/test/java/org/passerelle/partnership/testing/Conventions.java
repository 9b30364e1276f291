package org.passerelle.partnership.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.commons.testing.Api;

/**
 * What the conventions' tests share: the demo partner organisations, a partner of their own, a
 * signed convention with a commitment, counting rows.
 */
public final class Conventions {

  public static final String CONVENTIONS = "/api/v1/conventions";
  public static final String COMMITMENTS = "/api/v1/commitments";
  public static final String PRIZES = "/api/v1/prizes";

  /** The demo partner organisations of partner-fr and partner-ma (their tokens' partner_id). */
  public static final String PARTNER_FR = "11111111-1111-4111-8111-111111111111";

  public static final String PARTNER_MA = "22222222-2222-4222-8222-222222222222";

  private Conventions() {}

  /**
   * The demo partners exist, registered with the same details as PartnerResourceTest registers them
   * (whichever test class runs first creates them).
   */
  public static void demoPartners() {
    // One registration of the demo partners for every test class, with the same details.
    org.passerelle.partnership.rest.PartnerResourceTest.demoPartners();
  }

  /** A new partner of this country, registered by its admin. */
  public static String partner(String country) {
    return Api.as("FR".equals(country) ? "country-admin-fr" : "country-admin-ma")
        .body(
            """
            {"name": "Entreprise %s", "kind": "EMPLOYER", "country": "%s"}
            """
                .formatted(UUID.randomUUID().toString().substring(0, 8), country))
        .post("/api/v1/partners")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String body(
      String partnerId, String country, String sites, LocalDate startsOn, LocalDate endsOn) {
    return """
        {"partnerId": "%s", "country": "%s", "sites": [%s], "programmes": ["DWWM"],
         "signatories": ["Badr Tahiri, président"], "documentReference": "CONV-2026/01",
         "startsOn": "%s", "endsOn": "%s"}
        """
        .formatted(partnerId, country, sites, startsOn, endsOn);
  }

  /** A draft convention for the partner, by the country's admin. */
  public static String draft(
      String admin,
      String partnerId,
      String country,
      String sites,
      LocalDate start,
      LocalDate end) {
    return Api.as(admin)
        .body(body(partnerId, country, sites, start, end))
        .post(CONVENTIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static void sign(String admin, String conventionId, LocalDate on) {
    Api.as(admin)
        .body("{\"signedOn\": \"%s\"}".formatted(on))
        .post(CONVENTIONS + "/" + conventionId + "/sign")
        .then()
        .statusCode(200);
  }

  /** A commitment of this kind and target in the convention. */
  public static String commitment(
      String admin, String conventionId, String kind, String target, LocalDate dueOn) {
    String currency = "FUNDING".equals(kind) ? ", \"currency\": \"EUR\"" : "";
    return Api.as(admin)
        .body(
            """
            {"conventionId": "%s", "kind": "%s", "target": %s, "dueOn": "%s"%s}
            """
                .formatted(conventionId, kind, target, dueOn, currency))
        .post(COMMITMENTS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static long count(String sql) {
    return Api.count(CDI.current().select(EntityManager.class).get(), sql);
  }

  /** Outbox rows of this event about this aggregate. */
  public static long emitted(String event, String aggregateId) {
    return count(
        "select count(*) from outbox_event where type = 'org.passerelle.partnership."
            + event
            + ".v1' and aggregate_id = '"
            + aggregateId
            + "'");
  }

  public static void assertEmitted(String event, String aggregateId, long times) {
    assertThat(emitted(event, aggregateId)).as("%s of %s", event, aggregateId).isEqualTo(times);
  }
}
