package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.CapturedLogs;
import org.passerelle.commons.testing.Tokens;

/**
 * The edge between callers and backends: a backend down, slow or back again, oversize bodies,
 * browsers from other origins, and the access log.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class EdgeProtectionTest {

  @ConfigProperty(name = "passerelle.gateway.backends.placement")
  String placementUrl;

  @ConfigProperty(name = "quarkus.management.test-port")
  int managementPort;

  @Test
  void metricsNameRoutesNeverPathsAndAreServedOnTheManagementInterfaceOnly() {
    String applicant = UUID.randomUUID().toString();
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .get("/api/v1/applications/" + applicant + "/export")
        .then()
        .statusCode(200);
    given().get("/api/v1/applications/" + applicant).then().statusCode(401);
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .get("/api/v1/" + applicant)
        .then()
        .statusCode(404);
    String metrics =
        given().port(managementPort).get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("http_server_requests_seconds_count")
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"applications\"")
        .doesNotContain(applicant)
        .doesNotContain("/api/v1/applications/");
    // Not on the public port; health and the API's documents stay there.
    given().get("/q/metrics").then().statusCode(404);
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void aBackendDownAnswers503AtOnceWhileItsBreakerIsOpenAndTheGatewayRecoversByItself()
      throws Exception {
    String token = Tokens.bearer("platform-admin");
    // %test: the breaker opens after 3 consecutive failures and probes after 2 s.
    for (int i = 0; i < 3; i++) {
      given()
          .header("Authorization", token)
          .header("Accept-Language", "en")
          .get("/api/v1/job-offers/1")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", matchesRegex("[1-9][0-9]*"))
          .body("type", equalTo("https://passerelle.org/problems/service-unavailable"));
    }
    AtomicInteger hits = new AtomicInteger();
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer placement =
          vertx
              .createHttpServer()
              .requestHandler(
                  request -> {
                    hits.incrementAndGet();
                    request
                        .response()
                        .putHeader("Content-Type", "application/json")
                        .end("{\"backend\": \"placement\"}");
                  });
      placement
          .listen(URI.create(placementUrl).getPort(), "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      // The backend is back, but the open breaker answers without trying it.
      given()
          .header("Authorization", token)
          .get("/api/v1/job-offers/1")
          .then()
          .statusCode(503)
          .header("Retry-After", matchesRegex("[1-9][0-9]*"));
      assertThat(hits.get()).isZero();
      // After the delay, one probe reaches it and the breaker closes: no restart needed.
      int status = 0;
      for (int i = 0; i < 60 && status != 200; i++) {
        Thread.sleep(250);
        status = given().header("Authorization", token).get("/api/v1/job-offers/1").statusCode();
      }
      assertThat(status).isEqualTo(200);
      given()
          .header("Authorization", token)
          .get("/api/v1/job-offers/2")
          .then()
          .statusCode(200)
          .body("backend", equalTo("placement"));
      assertThat(hits.get()).isGreaterThanOrEqualTo(2);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    given().header("Authorization", token).get("/api/v1/job-offers/3").then().statusCode(503);
  }

  @Test
  void aRequestThatReachedTheBackendIsNeverSentTwice() throws Exception {
    String token = Tokens.bearer("platform-admin");
    AtomicInteger hits = new AtomicInteger();
    Vertx vertx = Vertx.vertx();
    try {
      // A backend that receives the request and drops the connection without answering.
      vertx
          .createHttpServer()
          .requestHandler(
              request -> {
                hits.incrementAndGet();
                request.connection().close();
              })
          .listen(URI.create(placementUrl).getPort(), "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      for (String method : new String[] {"GET", "POST"}) {
        // While the breaker is open nothing reaches the backend; then exactly one attempt does.
        int reached = 0;
        for (int i = 0; i < 60 && reached == 0; i++) {
          int before = hits.get();
          given()
              .header("Authorization", token)
              .contentType("application/json")
              .body("{}")
              .request(method, "/api/v1/job-offers")
              .then()
              .statusCode(503)
              .contentType("application/problem+json");
          reached = hits.get() - before;
          assertThat(reached).as(method + " sent at most once").isLessThanOrEqualTo(1);
          if (reached == 0) {
            Thread.sleep(250);
          }
        }
        assertThat(reached).as(method + " reached the backend").isEqualTo(1);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBackendSlowerThanItsRoutesTimeoutAnswers504Problem() {
    // %test: programmes time out after 1 s; the echo answers after 5 s.
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .header("Accept-Language", "en")
        .header("X-Echo-Delay-Ms", "5000")
        .get("/api/v1/programmes/1")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/gateway-timeout"))
        .body("title", equalTo("Gateway timeout"));
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .get("/api/v1/programmes/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("cohort"));
  }

  @Test
  void aBodyOverTheRoutesLimitAnswers413ProblemWithoutReachingTheBackend() {
    given()
        .header("Authorization", Tokens.bearer("country-admin-fr"))
        .header("Accept-Language", "en")
        .contentType("application/json")
        .body("x".repeat(1024 * 1024 + 1))
        .post("/api/v1/sites")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .header("X-Backend", (String) null)
        .body("type", equalTo("https://passerelle.org/problems/payload-too-large"));
    // The same size is within the limit of bulk imports.
    given()
        .header("Authorization", Tokens.bearer("country-admin-fr"))
        .contentType("application/json")
        .body("x".repeat(1024 * 1024 + 1))
        .post("/api/v1/applications/imports")
        .then()
        .statusCode(201)
        .body("bodyLength", equalTo(1024 * 1024 + 1));
  }

  @Test
  void browsersMayCallFromTheConfiguredFrontEndOriginsOnly() {
    given()
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,idempotency-key,if-match")
        .options("/api/v1/applications")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:5173")
        .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"))
        .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"));
    given()
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1/applications")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", (String) null);
  }

  @Test
  void browsersMayReadTheHeadersAnswersCarry() {
    // Each by name: a browser hides from scripts every answer header not listed, and
    // Access-Control-Expose-Headers takes no wildcard on credentialed requests.
    List<String> readable =
        List.of(
            "ETag",
            "Location",
            "Idempotent-Replayed",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "Retry-After",
            // a deprecated operation's answers say so (ADR 0040)
            "Deprecation",
            "Sunset",
            "Link");
    String exposed =
        given()
            .header("Origin", "http://localhost:5173")
            .get("/api/v1/certificates/q3Xv9_Zk-2mB7yTc1LwR8nHs4JdFa6Ge")
            .then()
            .statusCode(200)
            .header("Access-Control-Allow-Origin", "http://localhost:5173")
            .header("RateLimit-Remaining", matchesRegex("\\d+"))
            .extract()
            .header("Access-Control-Expose-Headers");
    assertThat(exposed).isNotNull();
    assertThat(List.of(exposed.split("\\s*,\\s*")))
        .map(String::toLowerCase)
        .containsAll(readable.stream().map(String::toLowerCase).toList());
  }

  @Test
  void eachProxiedRequestLeavesOneAccessLineWithoutTokenQueryOrPersonalData() throws Exception {
    String token = Tokens.of("site-staff-fr");
    List<String> lines =
        accessLines(
            List.of("access-log-test-1", "access-log-test-2"),
            () -> {
              given()
                  .header("Authorization", "Bearer " + token)
                  .header("X-Request-Id", "access-log-test-1")
                  .queryParam("email", "amina.benali@example.org")
                  .get("/api/v1/applications")
                  .then()
                  .statusCode(200);
              given()
                  .header("X-Request-Id", "access-log-test-2")
                  .get("/api/v1/certificates/q3Xv9_Zk-2mB7yTc1LwR8nHs4JdFa6Ge")
                  .then()
                  .statusCode(200);
            });
    assertThat(lineOf(lines, "access-log-test-1"))
        .contains("client=passerelle-web")
        .contains("route=applications")
        .contains("backend=enrollment")
        .contains("country=FR")
        .contains("method=GET")
        .contains("status=200")
        .containsPattern("duration-ms=\\d+")
        .doesNotContain(token)
        .doesNotContain("amina")
        .doesNotContain("?")
        .doesNotContain(Tokens.subject("site-staff-fr"));
    assertThat(lineOf(lines, "access-log-test-2"))
        .contains("client=anonymous")
        .contains("route=certificates")
        .doesNotContain("q3Xv9");
  }

  @Test
  void requestsRefusedBeforeAnyBackendAreLoggedTooWithTheirRouteOnly() throws Exception {
    String cohort = "5b0c8f4e-3c1a-4f7e-9d2b-6a1e0c9b7d31";
    List<String> lines =
        accessLines(
            List.of("edge-refused-1", "edge-refused-2", "edge-refused-3", "edge-refused-4"),
            () -> {
              given()
                  .header("X-Request-Id", "edge-refused-1")
                  .get("/api/v1/cohorts/" + cohort)
                  .then()
                  .statusCode(401);
              given()
                  .header("X-Request-Id", "edge-refused-2")
                  .header("Authorization", "Bearer not-a-token")
                  .get("/api/v1/cohorts/" + cohort)
                  .then()
                  .statusCode(401);
              given()
                  .header("X-Request-Id", "edge-refused-3")
                  .header("Origin", "https://elsewhere.example")
                  .header("Access-Control-Request-Method", "POST")
                  .options("/api/v1/applications")
                  .then()
                  .statusCode(403);
              given()
                  .header("X-Request-Id", "edge-refused-4")
                  .header("Authorization", Tokens.bearer("platform-admin"))
                  .get("/api/v1/amina-benali/" + cohort)
                  .then()
                  .statusCode(404);
            });
    assertThat(lineOf(lines, "edge-refused-1"))
        .contains("client=anonymous")
        .contains("route=cohorts")
        .contains("backend=-")
        .contains("method=GET")
        .contains("status=401")
        .doesNotContain(cohort);
    assertThat(lineOf(lines, "edge-refused-2"))
        .contains("client=anonymous")
        .contains("status=401")
        .doesNotContain("not-a-token");
    assertThat(lineOf(lines, "edge-refused-3"))
        .contains("route=applications")
        .contains("method=OPTIONS")
        .contains("status=403");
    assertThat(lineOf(lines, "edge-refused-4"))
        .contains("client=passerelle-web")
        .contains("route=unknown")
        .contains("status=404")
        .doesNotContain("amina")
        .doesNotContain(cohort);
  }

  /** The access lines written while {@code requests} run, once those of all the ids are in. */
  private static List<String> accessLines(List<String> requestIds, Runnable requests)
      throws InterruptedException {
    try (CapturedLogs access = CapturedLogs.of("org.passerelle.gateway.access")) {
      requests.run();
      // Lines are written when responses have ended, possibly after the client has read them.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline
          && !requestIds.stream()
              .allMatch(
                  id ->
                      messages(access).stream()
                          .anyMatch(l -> l.contains("request-id=" + id + " ")))) {
        Thread.sleep(50);
      }
      return messages(access);
    }
  }

  private static List<String> messages(CapturedLogs logs) {
    return logs.records().stream().map(LogRecord::getMessage).toList();
  }

  private static String lineOf(List<String> lines, String requestId) {
    assertThat(lines.stream().filter(l -> l.contains("request-id=" + requestId + " ")))
        .as("one access line for request %s", requestId)
        .hasSize(1);
    return lines.stream()
        .filter(l -> l.contains("request-id=" + requestId + " "))
        .findFirst()
        .get();
  }
}
