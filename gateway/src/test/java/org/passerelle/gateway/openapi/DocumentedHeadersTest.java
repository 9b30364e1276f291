package org.passerelle.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.gateway.EchoBackend;

/**
 * The headers the published document promises on an answer are the ones the gateway sends, read
 * from the document itself: a proxied 200, a 401 from the token check (before the rate limiter) and
 * a 503 for a backend that cannot be reached.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class DocumentedHeadersTest {

  private static final String ORIGIN = "http://localhost:5173";
  private static final List<String> RATE_LIMIT =
      List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

  @Test
  void aProxiedAnswerCarriesCorsAndRateLimitHeaders() throws Exception {
    Response answer =
        caller().header("Authorization", Tokens.bearer("site-staff-fr")).get("/api/v1/sites");
    assertThat(answer.statusCode()).isEqualTo(200);
    List<String> documented = documented("/api/v1/sites", "get", "200");
    assertThat(documented).contains("Access-Control-Allow-Origin").containsAll(RATE_LIMIT);
    assertSent(answer, documented);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    long limit = Long.parseLong(answer.header("RateLimit-Limit"));
    assertThat(Long.parseLong(answer.header("RateLimit-Remaining"))).isBetween(0L, limit - 1);
    assertThat(Long.parseLong(answer.header("RateLimit-Reset"))).isPositive();
  }

  @Test
  void aRefusedTokenIsNotCountedAndCarriesOnlyTheCorsHeader() throws Exception {
    Response answer = caller().get("/api/v1/sites");
    assertThat(answer.statusCode()).isEqualTo(401);
    List<String> documented = documented("/api/v1/sites", "get", "401");
    assertThat(documented).containsExactly("Access-Control-Allow-Origin");
    assertSent(answer, documented);
    RATE_LIMIT.forEach(header -> assertThat(answer.header(header)).as(header).isNull());
  }

  @Test
  void anUnreachableBackendsAnswerSaysWhenToRetry() throws Exception {
    Response answer =
        caller()
            .header("Authorization", Tokens.bearer("site-staff-fr"))
            .get("/api/v1/job-offers/" + UUID.randomUUID());
    assertThat(answer.statusCode()).isEqualTo(503);
    List<String> documented = documented("/api/v1/job-offers/{id}", "get", "503");
    assertThat(documented).contains("Retry-After").containsAll(RATE_LIMIT);
    assertSent(answer, documented);
  }

  private static RequestSpecification caller() {
    return given().header("Origin", ORIGIN).header("Accept-Language", "en");
  }

  private static void assertSent(Response answer, List<String> documented) {
    for (String header : documented) {
      assertThat(answer.header(header)).as(header).isNotBlank();
    }
  }

  /** The names of the headers the served document lists for this answer. */
  private static List<String> documented(String path, String method, String status)
      throws Exception {
    JsonNode document =
        new ObjectMapper()
            .readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    JsonNode response =
        document.path("paths").path(path).path(method).path("responses").path(status);
    String ref = response.path("$ref").asText("");
    if (!ref.isEmpty()) {
      response = document.at(ref.substring(1));
    }
    List<String> names = new ArrayList<>();
    response.path("headers").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
