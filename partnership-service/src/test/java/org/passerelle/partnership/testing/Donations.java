package org.passerelle.partnership.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * Donations and their computers as the tests need them: the demo partners registered (idempotent),
 * a donation recorded at a site, a computer brought to ready and lent.
 */
public final class Donations {

  public static final String DONATIONS = "/api/v1/donations";
  public static final String DEVICES = "/api/v1/devices";
  public static final String PARTNER_FR = "11111111-1111-4111-8111-111111111111";
  public static final String PARTNER_MA = "22222222-2222-4222-8222-222222222222";

  private Donations() {}

  /**
   * The demo partners exist: registered under their ids, or already there (409 when another test
   * registered them with other details). Only for tests that run after PartnerResourceTest, which
   * checks their first registration.
   */
  public static void demoPartners() {
    // One registration of the demo partners for every test class, with the same details.
    org.passerelle.partnership.rest.PartnerResourceTest.demoPartners();
  }

  private static final Map<String, String> DONORS = new ConcurrentHashMap<>();

  /**
   * A donor partner of this country under an id of its own, registered once per test run: tests
   * that do not need a partner user's view keep off the demo partners, whose first registration
   * PartnerResourceTest checks.
   */
  public static String donor(String country) {
    return DONORS.computeIfAbsent(
        country,
        key -> {
          String id = UUID.randomUUID().toString();
          Api.as("platform-admin")
              .body(
                  """
                  {"name": "Entreprise Donatrice", "kind": "FUNDER", "country": "%s"}
                  """
                      .formatted(key))
              .put("/api/v1/partners/" + id)
              .then()
              .statusCode(201);
          return id;
        });
  }

  public static String serial() {
    return "SN-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
  }

  public static String body(
      String donor, String site, String day, String amount, String currency, List<String> serials) {
    String items =
        serials.stream()
            .map(
                serial ->
                    """
                    {"serialNumber": "%s", "model": "Lenovo ThinkPad T480", "specification": "i5, 8 GB, 256 GB SSD"}"""
                        .formatted(serial))
            .collect(Collectors.joining(", "));
    return """
        {"donorId": "%s", "site": "%s", "donatedOn": "%s",
         "declaredValue": {"amount": %s, "currency": "%s"}, "items": [%s]}
        """
        .formatted(donor, site, day, amount, currency, items);
  }

  /** A donation of {@code units} new computers recorded by this user; its JSON. */
  public static JsonPath record(String user, String donor, String site, String day, int units) {
    List<String> serials = IntStream.range(0, units).mapToObj(i -> serial()).toList();
    String currency = site.startsWith("FR") ? "EUR" : "MAD";
    return Api.as(user)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body(donor, site, day, "450.00", currency, serials))
        .post(DONATIONS)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** A new computer at this site, wiped and ready; its id. */
  public static String readyDevice(String user, String donor, String site) {
    String device = record(user, donor, site, "2026-01-15", 1).getString("devices[0].id");
    Api.as(user)
        .body("{\"certificateReference\": \"WIPE-1\", \"wipedBy\": \"Recyclerie IT\"}")
        .post(DEVICES + "/" + device + "/wipe")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", Tokens.bearer(user))
        .post(DEVICES + "/" + device + "/ready")
        .then()
        .statusCode(200);
    return device;
  }

  public static String loanBody(UUID learner, String expectedReturn) {
    return """
        {"learnerId": "%s", "expectedReturn": "%s", "acceptedOn": "2026-01-20",
         "acceptanceReference": "PRET-2026-001"}
        """
        .formatted(learner, expectedReturn);
  }

  /** A ready computer of this site lent to this learner; its id. */
  public static String lentDevice(String user, String donor, String site, UUID learner) {
    String device = readyDevice(user, donor, site);
    Api.as(user)
        .body(loanBody(learner, "2099-06-30"))
        .post(DEVICES + "/" + device + "/loan")
        .then()
        .statusCode(200);
    return device;
  }
}
