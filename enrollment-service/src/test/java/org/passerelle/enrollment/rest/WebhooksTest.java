package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.service.WebhookService;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * Signed webhooks (ADR 0045) against a real receiver on this machine that answers 500 to the first
 * attempt of each delivery and 200 to the next: retried with the same webhook-id, signed per
 * Standard Webhooks, no personal data, and only the subscription's country's applications.
 */
@QuarkusTest
class WebhooksTest {

  private static final String SUBSCRIPTIONS = "/api/v1/webhook-subscriptions";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the receiver got. */
  record Received(String id, String timestamp, String signature, String body, int answered) {}

  @Inject EntityManager entityManager;
  @Inject WebhookService webhooks;

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
  private String url;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          int answer = seen.putIfAbsent(id, Boolean.TRUE) == null ? 500 : 200;
          received.add(
              new Received(
                  id,
                  exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                  exchange.getRequestHeaders().getFirst("webhook-signature"),
                  body,
                  answer));
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    receiver.start();
    url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private JsonPath subscribe(String caller, String eventTypes) {
    return Callers.as(caller)
        .body("{\"url\": \"" + url + "\", \"eventTypes\": " + eventTypes + "}")
        .post(SUBSCRIPTIONS)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private String submit(String user, UUID intake, String site) {
    return Api.as(user)
        .body(body(intake, site, email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void changesOfTheCountrysApplicationsAreToldSignedAndRetriedUntilAccepted() throws Exception {
    JsonPath created =
        subscribe("integration-fr", "[\"application.submitted\", \"application.decided\"]");
    String subscription = created.getString("id");
    String secret = created.getString("secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(created.getString("country")).isEqualTo("FR");
    Callers.as("integration-fr")
        .get(SUBSCRIPTIONS + "/" + subscription)
        .then()
        .statusCode(200)
        .body("secret", nullValue())
        .body("url", equalTo(url));
    Callers.as("integration-fr")
        .get(SUBSCRIPTIONS)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(subscription));

    String french =
        submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"), "FR-SEVRAN");
    String moroccan =
        submit("site-staff-ma", Fixtures.openIntake(entityManager, "MA-FES"), "MA-FES");
    Api.as("site-staff-fr").post(APPLICATIONS + "/" + french + "/screen").then().statusCode(200);
    Api.as("site-staff-fr").post(APPLICATIONS + "/" + french + "/accept").then().statusCode(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> received.stream().filter(r -> r.answered() == 200).count() >= 2);

    List<String> ids = received.stream().map(Received::id).distinct().toList();
    assertThat(ids).hasSize(2);
    for (String id : ids) {
      List<Received> attempts = received.stream().filter(r -> r.id().equals(id)).toList();
      assertThat(attempts).extracting(Received::answered).containsExactly(500, 200);
      assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
      for (Received attempt : attempts) {
        assertThat(attempt.signature())
            .isEqualTo(sign(secret, attempt.id(), attempt.timestamp(), attempt.body()));
      }
    }
    List<JsonNode> bodies =
        received.stream().filter(r -> r.answered() == 200).map(r -> read(r.body())).toList();
    assertThat(bodies)
        .extracting(payload -> payload.get("type").asText())
        .containsExactlyInAnyOrder("application.submitted", "application.decided");
    assertThat(bodies)
        .allSatisfy(
            payload -> {
              assertThat(payload.at("/data/applicationId").asText()).isEqualTo(french);
              assertThat(payload.at("/data/application").asText())
                  .endsWith("/api/v1/applications/" + french);
            });
    assertThat(bodies)
        .filteredOn(payload -> payload.get("type").asText().equals("application.decided"))
        .extracting(payload -> payload.at("/data/status").asText())
        .containsExactly("ACCEPTED");
    for (Received request : received) {
      assertThat(request.body())
          .doesNotContain("Amina", "Benali", "@example.org", "+336", "Sevran", moroccan)
          .doesNotContainIgnoringCase("email");
    }

    Callers.as("integration-fr")
        .get(SUBSCRIPTIONS + "/" + subscription + "/deliveries")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")))
        .body("items.attempts", org.hamcrest.Matchers.everyItem(equalTo(2)))
        .body("items.lastStatusCode", org.hamcrest.Matchers.everyItem(equalTo(200)))
        .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(ids.toArray()));

    Callers.as("integration-fr").delete(SUBSCRIPTIONS + "/" + subscription).then().statusCode(204);
    Callers.as("integration-fr").get(SUBSCRIPTIONS + "/" + subscription).then().statusCode(404);
  }

  @Test
  void anotherCountrysIntegrationFindsNoSubscription() {
    String subscription = subscribe("integration-fr", "[\"application.enrolled\"]").getString("id");
    Callers.as("integration-ma").get(SUBSCRIPTIONS + "/" + subscription).then().statusCode(404);
    Callers.as("integration-ma")
        .get(SUBSCRIPTIONS + "/" + subscription + "/deliveries")
        .then()
        .statusCode(404);
    Callers.as("integration-ma").delete(SUBSCRIPTIONS + "/" + subscription).then().statusCode(404);
    Callers.as("integration-ma")
        .get(SUBSCRIPTIONS)
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.not(hasItem(subscription)));
    Callers.as("integration-fr").get(SUBSCRIPTIONS + "/" + subscription).then().statusCode(200);
    for (String caller : List.of("site-staff-fr", "country-admin-fr", "learner-fr")) {
      Callers.as(caller).get(SUBSCRIPTIONS).then().statusCode(403);
      Callers.as(caller)
          .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"application.enrolled\"]}")
          .post(SUBSCRIPTIONS)
          .then()
          .statusCode(403);
    }
    Callers.as("integration-fr").delete(SUBSCRIPTIONS + "/" + subscription).then().statusCode(204);
  }

  @Test
  void aUrlOrEventTypeNotAcceptedIsAProblem() {
    for (String bad :
        List.of(
            "http://example.org/hook",
            "ftp://example.org/hook",
            "https://user:secret@example.org/hook",
            "not a url")) {
      Callers.as("integration-fr")
          .body("{\"url\": \"" + bad + "\", \"eventTypes\": [\"application.enrolled\"]}")
          .post(SUBSCRIPTIONS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("url"));
    }
    Callers.as("integration-fr")
        .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"application.rescheduled\"]}")
        .post(SUBSCRIPTIONS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(startsWith("eventTypes")));
    Callers.as("integration-fr")
        .body("{\"url\": \"" + url + "\", \"eventTypes\": []}")
        .post(SUBSCRIPTIONS)
        .then()
        .statusCode(400);
    Callers.as("integration-fr")
        .get(SUBSCRIPTIONS + "?sort=secret")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("sort"));
  }

  @Test
  void aRotatedSecretSignsBesideTheNewOneUntilItExpires() throws Exception {
    JsonPath created = subscribe("integration-fr", "[\"application.submitted\"]");
    String subscription = created.getString("id");
    String previous = created.getString("secret");
    String rotate = SUBSCRIPTIONS + "/" + subscription + "/secret";

    Callers.as("integration-ma").post(rotate).then().statusCode(404);
    assertThat(stored(subscription, "secret")).isEqualTo(previous);
    assertThat(stored(subscription, "previous_secret")).isNull();

    String key = "rotate-" + UUID.randomUUID();
    JsonPath rotated =
        Callers.as("integration-fr")
            .header("Idempotency-Key", key)
            .post(rotate)
            .then()
            .statusCode(200)
            .body("id", equalTo(subscription))
            .extract()
            .jsonPath();
    String secret = rotated.getString("secret");
    assertThat(secret).startsWith("whsec_").isNotEqualTo(previous);
    assertThat(OffsetDateTime.parse(rotated.getString("previousSecretExpiresAt")))
        .isBetween(OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plusHours(25));
    Callers.as("integration-fr")
        .header("Idempotency-Key", key)
        .post(rotate)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("secret", equalTo(secret));
    assertThat(stored(subscription, "secret")).isEqualTo(secret);
    Callers.as("integration-fr")
        .get(SUBSCRIPTIONS + "/" + subscription)
        .then()
        .statusCode(200)
        .body("secret", nullValue())
        .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue());

    UUID intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    String during = submit("site-staff-fr", intake, "FR-SEVRAN");
    Received told = firstAttemptAbout(during);
    assertThat(told.signature().split(" "))
        .containsExactly(
            sign(secret, told.id(), told.timestamp(), told.body()),
            sign(previous, told.id(), told.timestamp(), told.body()));

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update webhook_subscription set previous_secret_expires_at = now() -"
                            + " interval '1 minute' where id = ?1")
                    .setParameter(1, UUID.fromString(subscription))
                    .executeUpdate());
    String after = submit("site-staff-fr", intake, "FR-SEVRAN");
    Received alone = firstAttemptAbout(after);
    assertThat(alone.signature())
        .isEqualTo(sign(secret, alone.id(), alone.timestamp(), alone.body()));

    Callers.as("integration-fr").delete(SUBSCRIPTIONS + "/" + subscription).then().statusCode(204);
  }

  private Received firstAttemptAbout(String application) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                received.stream()
                    .filter(
                        r -> read(r.body()).at("/data/applicationId").asText().equals(application))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private String stored(String subscription, String column) {
    return Api.text(
        entityManager,
        "select " + column + " from webhook_subscription where id = ?1",
        UUID.fromString(subscription));
  }

  @Test
  void endedDeliveriesGoAfterTheirKeepingPeriodAndPendingOnesStay() {
    String subscription =
        subscribe("integration-fr", "[\"application.withdrawn\"]").getString("id");
    OffsetDateTime now = OffsetDateTime.now();
    Map<String, UUID> deliveries = new java.util.LinkedHashMap<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              deliveries.put("delivered 40 days ago", delivery(subscription, "DELIVERED", 40, now));
              deliveries.put("failed 31 days ago", delivery(subscription, "FAILED", 31, now));
              deliveries.put("pending for 40 days", delivery(subscription, "PENDING", 40, now));
              deliveries.put("delivered 29 days ago", delivery(subscription, "DELIVERED", 29, now));
            });

    // What is left is the measure: the hourly pruning may have run in between.
    webhooks.pruneEnded();

    List<UUID> left =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createQuery(
                            "select d.id from WebhookDelivery d where d.subscriptionId = ?1",
                            UUID.class)
                        .setParameter(1, UUID.fromString(subscription))
                        .getResultList());
    assertThat(left)
        .containsExactlyInAnyOrder(
            deliveries.get("pending for 40 days"), deliveries.get("delivered 29 days ago"));
    Callers.as("integration-fr")
        .get(SUBSCRIPTIONS + "/" + subscription + "/deliveries")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.hasSize(2));
    Callers.as("integration-fr").delete(SUBSCRIPTIONS + "/" + subscription).then().statusCode(204);
  }

  private UUID delivery(String subscription, String status, int daysAgo, OffsetDateTime now) {
    UUID id = UUID.randomUUID();
    entityManager
        .createNativeQuery(
            "insert into webhook_delivery (id, subscription_id, event_type, application_id,"
                + " payload, status, attempts, created_at) values (?1, ?2, 'application.withdrawn',"
                + " ?3, '{}', ?4, 1, ?5)")
        .setParameter(1, id)
        .setParameter(2, UUID.fromString(subscription))
        .setParameter(3, UUID.randomUUID())
        .setParameter(4, status)
        .setParameter(5, now.minusDays(daysAgo))
        .executeUpdate();
    return id;
  }

  /** Standard Webhooks, computed here rather than by the code under test. */
  private static String sign(String secret, String id, String timestamp, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] signature =
        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(signature);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(body, e);
    }
  }
}
