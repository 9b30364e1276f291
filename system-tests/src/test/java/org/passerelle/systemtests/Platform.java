package org.passerelle.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private static Platform started;

  private final Map<String, AppProcess> parts = new LinkedHashMap<>();

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

  /** Schedules a WEB-DEV cohort at the site; returns its id. */
  static String scheduleCohort(RequestSpecification request, String site) {
    return request
        .body(
            """
            {"programmeCode": "WEB-DEV", "siteCode": "%s", "startDate": "2027-01-11",
             "endDate": "2027-06-25", "capacity": 20}
            """
                .formatted(site))
        .post("/api/v1/cohorts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Submits an application of a demo applicant to the cohort; returns its id. */
  static String submitApplication(RequestSpecification request, String cohortId, String site) {
    return request
        .body(
            """
            {"cohortId": "%s", "siteCode": "%s",
             "applicant": {"firstName": "Yasmine", "lastName": "Haddad",
                           "email": "yasmine.haddad@example.org", "birthDate": "2000-09-30",
                           "gender": "FEMALE"}}
            """
                .formatted(cohortId, site))
        .post("/api/v1/applications")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A JSON request through the gateway, carrying a real token of this demo user. */
  static RequestSpecification asUser(String user) {
    return given()
        .baseUri(get().gateway())
        .header("Authorization", Tokens.bearer(user))
        .contentType(ContentType.JSON);
  }

  private void start() {
    SERVICES.forEach(service -> Databases.reset(service, "systest"));
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
    Map<String, String> gatewayEnv = new LinkedHashMap<>();
    for (String service : SERVICES) {
      gatewayEnv.put("PASSERELLE_" + service.toUpperCase() + "_URL", service(service));
    }
    parts.put("gateway", new AppProcess("gateway", "gateway", gatewayEnv));
    parts.values().forEach(AppProcess::start);
    for (AppProcess part : new ArrayList<>(parts.values())) {
      part.awaitReady(Duration.ofSeconds(180));
    }
  }

  private void stop() {
    parts.values().forEach(AppProcess::stop);
  }
}
