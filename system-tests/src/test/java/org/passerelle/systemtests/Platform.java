package org.passerelle.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.testing.Tokens;

/**
 * The whole platform started as a user runs it: each service's and the gateway's packaged jar in
 * its own JVM, on free ports, with the environment variables ./passerelle gives them, against the
 * real PostgreSQL (its own system-test databases, emptied first), Kafka and Keycloak. Started once
 * per test JVM, stopped when it exits.
 */
final class Platform {

  private static final List<String> SERVICES =
      List.of("enrollment", "cohort", "partnership", "placement");

  /**
   * The partner organisations of the demo users partner-fr and partner-ma, under the ids their
   * tokens carry (partner_id), as ./passerelle up creates them.
   */
  static final String PARTNER_FR = "11111111-1111-4111-8111-111111111111";

  static final String PARTNER_MA = "22222222-2222-4222-8222-222222222222";

  private static final List<String> SEEDED_SITES =
      List.of("FR-SEVRAN", "FR-CERGY", "MA-FES", "MA-CASABLANCA");

  private static Platform started;

  private final Map<String, AppProcess> parts = new LinkedHashMap<>();

  /** Receives enrollment-service's webhooks (ADR 0045) and answers each 204, so none is retried. */
  private HttpServer webhookReceiver;

  static synchronized Platform get() {
    if (started == null) {
      Platform platform = new Platform();
      Runtime.getRuntime().addShutdownHook(new Thread(platform::stop));
      platform.start();
      started = platform;
    }
    return started;
  }

  String gateway() {
    return parts.get("gateway").url();
  }

  String service(String name) {
    return parts.get(name).url();
  }

  /** A URL webhook subscriptions may name: every delivery to it is accepted at once. */
  String webhookReceiver() {
    return "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/webhooks";
  }

  /** Schedules a WEB-DEV cohort of 20 seats at the site, starting in two months; returns its id. */
  static String scheduleCohort(RequestSpecification request, String site) {
    return scheduleCohort(request, site, 20);
  }

  static String scheduleCohort(RequestSpecification request, String site, int capacity) {
    LocalDate start = LocalDate.now(ZoneOffset.UTC).plusMonths(2);
    return request
        .body(
            """
            {"programmeCode": "WEB-DEV", "siteCode": "%s", "startDate": "%s",
             "endDate": "%s", "capacity": %d}
            """
                .formatted(site, start, start.plusMonths(6), capacity))
        .post("/api/v1/cohorts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Waits until enrollment-service has learned the cohort's intake from cohort-service. */
  static void awaitIntake(String cohortId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> asUser("platform-admin").get("/api/v1/intakes/" + cohortId).statusCode() == 200);
  }

  /** A complete application of a new person (fresh email) to the intake. */
  static String applicationBody(String intakeId, String site) {
    return applicationBody(intakeId, site, "yasmine." + UUID.randomUUID() + "@example.org");
  }

  /** As {@link #applicationBody(String, String)} with this email (a learner's: their account's). */
  static String applicationBody(String intakeId, String site, String email) {
    boolean france = site.startsWith("FR");
    return """
        {"intakeId": "%s",
         "applicant": {"firstName": "Yasmine", "lastName": "Haddad", "birthDate": "2000-09-30",
                       "email": "%s", "phone": "%s",
                       "address": {"line": "3 avenue Hassan II", "postalCode": "%s",
                                   "city": "%s", "country": "%s"},
                       "nationality": "%s", "gender": "FEMALE", "educationLevel": "BELOW_BAC",
                       "priorityPublics": ["PRIORITY_NEIGHBOURHOOD"]},
         "consents": [{"purpose": "APPLICATION_PROCESSING", "granted": true}]}
        """
        .formatted(
            intakeId,
            email,
            france ? "+33612345678" : "+212612345678",
            france ? "95000" : "30000",
            france ? "Cergy" : "Fès",
            site.substring(0, 2),
            site.substring(0, 2));
  }

  /** Submits an application of a new demo applicant to the cohort's intake; returns its id. */
  static String submitApplication(RequestSpecification request, String cohortId, String site) {
    return submitted(request, cohortId, applicationBody(cohortId, site));
  }

  /**
   * A learner's own application: they apply with their account's verified email, never another (ADR
   * 0011).
   */
  static String submitOwnApplication(String learner, String cohortId, String site) {
    return submitted(
        asUser(learner), cohortId, applicationBody(cohortId, site, Tokens.email(learner)));
  }

  private static String submitted(RequestSpecification request, String cohortId, String body) {
    awaitIntake(cohortId);
    return request
        .body(body)
        .post("/api/v1/applications")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * Applications of {@code count} new applicants to this cohort, screened and accepted by this
   * staff user, once enrollment-service has seen them enrolled (cohort-service gave each a seat).
   */
  static List<String> enrolledApplications(String staff, String cohort, String site, int count) {
    List<String> applications = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = submitApplication(asUser(staff), cohort, site);
      asUser(staff)
          .body("{\"testScore\": 70}")
          .post("/api/v1/applications/" + id + "/screen")
          .then()
          .statusCode(200);
      asUser(staff).post("/api/v1/applications/" + id + "/accept").then().statusCode(200);
      applications.add(id);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                applications.stream()
                    .allMatch(
                        id ->
                            "ENROLLED"
                                .equals(
                                    asUser(staff)
                                        .get("/api/v1/applications/" + id)
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .path("status"))));
    return applications;
  }

  /**
   * Moves the cohort's start to today (staff's decision; recruitment closed yesterday) and starts
   * it: the answer to the start, for the caller to check.
   */
  static io.restassured.response.ValidatableResponse startToday(String staff, String cohort) {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    String opened =
        asUser(staff)
            .post("/api/v1/cohorts/" + cohort + "/open-recruitment")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    asUser(staff)
        .header("If-Match", opened)
        .body(
            Map.of(
                "startDate", today.toString(),
                "recruitmentOpensOn", today.minusDays(2).toString(),
                "recruitmentClosesOn", today.minusDays(1).toString()))
        .patch("/api/v1/cohorts/" + cohort)
        .then()
        .statusCode(200);
    return asUser(staff).post("/api/v1/cohorts/" + cohort + "/start").then();
  }

  /** A JSON request through the gateway, carrying a real token of this demo user. */
  static RequestSpecification asUser(String user) {
    return given()
        .baseUri(get().gateway())
        .header("Authorization", Tokens.bearer(user))
        .contentType(ContentType.JSON);
  }

  private void start() {
    try {
      webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    webhookReceiver.createContext(
        "/webhooks",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhookReceiver.start();
    SERVICES.forEach(service -> Databases.reset(service, "systest"));
    ConsumerGroups.skipToEnd(SERVICES.stream().map(service -> service + "-systest").toList());
    for (String service : SERVICES) {
      parts.put(
          service,
          new AppProcess(
              service,
              service + "-service",
              Map.of(
                  "PASSERELLE_DB_NAME", "passerelle_" + service + "_systest",
                  "PASSERELLE_EVENTS_CONSUMER_GROUP", service + "-systest")));
    }
    // The jobs that run at an hour of the day (conventions' lifecycle, follow-ups and job offers
    // falling due, retention) stay off: a run that happened to fall inside a test would change data
    // that BadInputTest checks is unchanged. Tests that need a run ask for it through the API.
    parts.get("partnership").environment("PASSERELLE_CONVENTIONS_SCHEDULE", "off");
    parts
        .get("placement")
        .environment("PASSERELLE_FOLLOW_UPS_SCHEDULE", "off")
        .environment("PASSERELLE_JOB_OFFERS_SCHEDULE", "off");
    parts.get("enrollment").environment("PASSERELLE_ENROLLMENT_RETENTION_SCHEDULE", "off");
    // The receiver above is on this machine: allowed as in development; deliveries sent promptly so
    // that the platform is soon quiet again (DataSnapshot).
    parts
        .get("enrollment")
        .environment("PASSERELLE_ENROLLMENT_WEBHOOKS_ALLOW_LOCAL_HTTP", "true")
        .environment("PASSERELLE_ENROLLMENT_WEBHOOKS_POLL", "1s");
    Map<String, String> gatewayEnv = new LinkedHashMap<>();
    for (String service : SERVICES) {
      gatewayEnv.put("PASSERELLE_" + service.toUpperCase() + "_URL", service(service));
    }
    // The authorization matrix and the bad-input run send thousands of requests from a handful of
    // demo users and one address; the limits themselves are the gateway's RateLimitTest's.
    for (String clientClass : List.of("FRONT_END", "INTEGRATION", "ANONYMOUS")) {
      gatewayEnv.put("PASSERELLE_RATE_LIMIT_" + clientClass, "1000000");
      gatewayEnv.put("PASSERELLE_RATE_BURST_" + clientClass, "100000");
    }
    // Its management interface (metrics) on a free port too, not the local stack's.
    gatewayEnv.put("PASSERELLE_GATEWAY_MANAGEMENT_PORT", String.valueOf(AppProcess.freePort()));
    AppProcess gateway = new AppProcess("gateway", "gateway", gatewayEnv);
    // Locations name the gateway, which callers use, never the service's own port.
    SERVICES.forEach(
        service -> parts.get(service).environment("PASSERELLE_PUBLIC_BASE_URL", gateway.url()));
    parts.put("gateway", gateway);
    parts.values().forEach(AppProcess::start);
    for (AppProcess part : new ArrayList<>(parts.values())) {
      part.awaitReady(Duration.ofSeconds(180));
    }
    demoPartners();
  }

  /**
   * The demo partner organisations, registered through the gateway as ./passerelle up does; then
   * placement-service has learned them and the seeded sites from the events, so that partner users
   * can publish offers.
   */
  private void demoPartners() {
    registerPartner(PARTNER_FR, "FR", "Atelier Numérique Solidaire");
    registerPartner(PARTNER_MA, "MA", "Maroc Digital Emploi");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                placementKnows(
                            "select count(*) from known_partner where id in ('"
                                + PARTNER_FR
                                + "', '"
                                + PARTNER_MA
                                + "')")
                        == 2
                    && placementKnows(
                            "select count(*) from known_site where code in ('"
                                + String.join("', '", SEEDED_SITES)
                                + "')")
                        == SEEDED_SITES.size());
  }

  private void registerPartner(String id, String country, String name) {
    given()
        .baseUri(gateway())
        .header("Authorization", Tokens.bearer("platform-admin"))
        .header("X-Passerelle-Country", country)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\": \"%s\", \"kind\": \"EMPLOYER\", \"country\": \"%s\"}"
                .formatted(name, country))
        .put("/api/v1/partners/" + id)
        .then()
        .statusCode(anyOf(is(200), is(201)));
  }

  private static long placementKnows(String sql) throws SQLException {
    try (Connection db = Databases.connect("placement", "systest");
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void stop() {
    parts.values().forEach(AppProcess::stop);
    if (webhookReceiver != null) {
      webhookReceiver.stop(0);
    }
  }
}
