package org.passerelle.cohort.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.Site;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;

/**
 * Sites are announced so that other services know them before a cohort names them: the sites that
 * existed before the event once by the migration, new ones when created, and every real change.
 */
@QuarkusTest
class SiteEventsTest {

  static final String SITES = "/api/v1/sites";
  static final String REGISTERED = CohortOutbox.PREFIX + "site-registered.v1";
  static final String CHANGED = CohortOutbox.PREFIX + "site-changed.v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager entityManager;

  /** A site created by a platform admin under a code no other test uses; its code. */
  static String createSite(String country) {
    String code =
        country + "-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    Api.as("platform-admin")
        .header("Idempotency-Key", "site-" + code)
        .body(body(code, country))
        .post(SITES)
        .then()
        .statusCode(201);
    return code;
  }

  static String body(String code, String country) {
    return """
        {"code": "%s", "name": "École du numérique de Test", "city": "Salé",
         "region": "Rabat", "country": "%s", "timeZone": "Africa/Casablanca"}
        """
        .formatted(code, country);
  }

  private record Row(UUID aggregateId, String type, String country, String site, JsonNode data) {}

  /** The outbox rows about this site, oldest first, each checked against its schema. */
  @SuppressWarnings("unchecked")
  private List<Row> rows(String code) {
    List<Object[]> found =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (List<Object[]>)
                        entityManager
                            .createNativeQuery(
                                "select aggregate_id, type, country, site, data::text"
                                    + " from outbox_event where type in (?1, ?2)"
                                    + " and data::jsonb ->> 'site' = ?3 order by seq")
                            .setParameter(1, REGISTERED)
                            .setParameter(2, CHANGED)
                            .setParameter(3, code)
                            .getResultList());
    List<Row> rows = new ArrayList<>();
    for (Object[] row : found) {
      EventSchemas.assertValid((String) row[1], (String) row[4]);
      try {
        rows.add(
            new Row(
                (UUID) row[0],
                (String) row[1],
                (String) row[2],
                (String) row[3],
                JSON.readTree((String) row[4])));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  @Test
  void theSitesThatExistedBeforeTheEventWereAnnouncedOnceWithTheSiteKey() {
    for (String code : List.of("FR-SEVRAN", "FR-CERGY", "MA-FES", "MA-CASABLANCA")) {
      List<Row> rows = rows(code);
      assertThat(rows).as(code).hasSize(1);
      Row row = rows.getFirst();
      assertThat(row.type()).isEqualTo(REGISTERED);
      // the key SQL computed in the migration is the one the service uses for later events
      assertThat(row.aggregateId()).isEqualTo(Site.eventKey(code));
      assertThat(row.site()).isEqualTo(code);
      assertThat(row.country()).isEqualTo(code.substring(0, 2));
      assertThat(row.data().path("country").asText()).isEqualTo(code.substring(0, 2));
      assertThat(row.data().path("timeZone").asText())
          .isEqualTo(code.startsWith("FR") ? "Europe/Paris" : "Africa/Casablanca");
    }
    assertThat(rows("FR-SEVRAN").getFirst().data().path("name").asText())
        .isEqualTo("École du numérique de Sevran");
  }

  @Test
  void aNewSiteIsAnnouncedAndEveryRealChangeToo() {
    String code = createSite("MA");
    // a retry with the same key returns the first result and announces nothing more
    Api.as("platform-admin")
        .header("Idempotency-Key", "site-" + code)
        .body(body(code, "MA"))
        .post(SITES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
    List<Row> rows = rows(code);
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().type()).isEqualTo(REGISTERED);
    assertThat(rows.getFirst().aggregateId()).isEqualTo(Site.eventKey(code));
    assertThat(rows.getFirst().data().path("version").asLong()).isZero();
    assertThat(rows.getFirst().data().path("city").asText()).isEqualTo("Salé");

    patch(code, "\"0\"", "{\"name\": \"Campus de Salé\"}").statusCode(200);
    patch(code, "\"1\"", "{\"name\": \"Campus de Salé\"}").statusCode(200); // changes nothing
    patch(code, "\"0\"", "{\"city\": \"Rabat\"}").statusCode(412);
    patch(code, "\"1\"", "{\"timeZone\": \"Africa/Atlantis\"}").statusCode(400);
    rows = rows(code);
    assertThat(rows).extracting(Row::type).containsExactly(REGISTERED, CHANGED);
    Row changed = rows.get(1);
    assertThat(changed.aggregateId()).isEqualTo(Site.eventKey(code));
    assertThat(changed.site()).isEqualTo(code);
    assertThat(changed.data().path("name").asText()).isEqualTo("Campus de Salé");
    assertThat(changed.data().path("city").asText()).isEqualTo("Salé");
    assertThat(changed.data().path("version").asLong()).isEqualTo(1);

    // and the relay sends them
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Api.count(
                        entityManager,
                        "select count(*) from outbox_event where sent_at is not null"
                            + " and aggregate_id = '"
                            + Site.eventKey(code)
                            + "'")
                    == 2);
  }

  private static io.restassured.response.ValidatableResponse patch(
      String code, String ifMatch, String body) {
    return Api.as("platform-admin")
        .header("If-Match", ifMatch)
        .body(body)
        .patch(SITES + "/" + code)
        .then();
  }
}
