package org.passerelle.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public front door: a landing page and Swagger UI that signs in with Keycloak. */
@QuarkusTest
class LandingPageTest {

  @Test
  void theLandingPageIsPublicAndLinksTheReferencesHealthAndQuickStart() {
    String page =
        given()
            .redirects()
            .follow(true)
            .get("/")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertThat(page)
        .contains(
            "href=\"/q/swagger-ui/\"",
            "href=\"/q/openapi?format=json\"",
            "href=\"/q/asyncapi\"",
            "href=\"/q/health\"",
            "href=\"#quick-start\"",
            "id=\"quick-start\"");
  }

  @Test
  void swaggerUiIsPublicAndAuthorizesWithThePublicClientAndPkce() {
    given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    given()
        .get("/q/swagger-ui/index.html")
        .then()
        .statusCode(200)
        .body(containsString("passerelle-web"))
        .body(containsString("usePkceWithAuthorizationCodeGrant: true"));
  }

  @Test
  void keycloakLetsThePublicClientComeBackToSwaggerUi() throws Exception {
    JsonNode realm =
        new ObjectMapper().readTree(Path.of("../deploy/keycloak/passerelle-realm.json").toFile());
    JsonNode web = null;
    for (JsonNode client : realm.path("clients")) {
      if (client.path("clientId").asText().equals("passerelle-web")) {
        web = client;
      }
    }
    assertThat(web).isNotNull();
    assertThat(web.path("publicClient").asBoolean()).isTrue();
    assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(web.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
    List<String> redirects = new ArrayList<>();
    web.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
    for (String host : List.of("http://127.0.0.1:8080", "http://localhost:8080")) {
      String callback = host + "/q/swagger-ui/oauth2-redirect.html";
      assertThat(redirects)
          .as(callback)
          .anyMatch(
              uri ->
                  uri.endsWith("*")
                      ? callback.startsWith(uri.substring(0, uri.length() - 1))
                      : callback.equals(uri));
    }
    List<String> origins = new ArrayList<>();
    web.path("webOrigins").forEach(origin -> origins.add(origin.asText()));
    assertThat(origins).containsAnyOf("+", "http://127.0.0.1:8080");
  }
}
