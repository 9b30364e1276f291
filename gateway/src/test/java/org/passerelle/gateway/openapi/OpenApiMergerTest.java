package org.passerelle.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SHARED =
      """
      "/api/v1/event-consumers/{consumer}/dead-letters": {
        "get": {"operationId": "listDeadLetters", "responses": {"200": {"description": "ok"}}}
      }""";

  private static JsonNode document(String paths, String schemas) throws Exception {
    return JSON.readTree(
        "{\"openapi\": \"3.1.0\", \"paths\": {"
            + paths
            + "}, \"components\": {\"schemas\": {"
            + schemas
            + "}}}");
  }

  private static String own(String resource) {
    return "\"/api/v1/"
        + resource
        + "\": {\"get\": {\"operationId\": \"list-"
        + resource
        + "\", \"responses\": {\"200\": {\"description\": \"ok\"}}}}";
  }

  @Test
  void aPathAndSchemaIdenticalInSeveralDocumentsArePublishedOnce() throws Exception {
    String problem = "\"Problem\": {\"type\": \"object\"}";
    ObjectNode merged =
        OpenApiMerger.merge(
            List.of(
                document(own("cohorts") + "," + SHARED, problem),
                document(SHARED + "," + own("partners"), problem),
                document(SHARED, problem)));

    assertThat(names(merged.path("paths")))
        .containsExactly(
            "/api/v1/cohorts",
            "/api/v1/event-consumers/{consumer}/dead-letters",
            "/api/v1/partners");
    assertThat(merged.at("/paths/~1api~1v1~1event-consumers~1{consumer}~1dead-letters"))
        .isEqualTo(
            document(SHARED, "").at("/paths/~1api~1v1~1event-consumers~1{consumer}~1dead-letters"));
    assertThat(names(merged.at("/components/schemas"))).containsExactly("Problem");
  }

  @Test
  void aPathDifferingBetweenDocumentsFailsTheMerge() throws Exception {
    String differing = SHARED.replace("\"ok\"", "\"the dead letters\"");
    assertThatThrownBy(
            () ->
                OpenApiMerger.merge(
                    List.of(document(SHARED, ""), document(own("partners") + "," + differing, ""))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/api/v1/event-consumers/{consumer}/dead-letters");
  }

  @Test
  void anOperationIdOnTwoDifferentPathsOrTwoDifferentSchemasOfOneNameFail() throws Exception {
    String sameId = own("cohorts").replace("/api/v1/cohorts", "/api/v1/other");
    assertThatThrownBy(
            () -> OpenApiMerger.merge(List.of(document(own("cohorts"), ""), document(sameId, ""))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("duplicate operationId list-cohorts");
    assertThatThrownBy(
            () ->
                OpenApiMerger.merge(
                    List.of(
                        document("", "\"Problem\": {\"type\": \"object\"}"),
                        document("", "\"Problem\": {\"type\": \"string\"}"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Problem");
  }

  private static List<String> names(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }

  @Test
  void publishingAddsKeycloakAndTheProblemsEachOperationCanGive() throws Exception {
    String paths =
        """
        "/api/v1/sites/{code}": {
          "patch": {"operationId": "changeSite",
            "parameters": [{"name": "If-Match", "in": "header", "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
            "responses": {"200": {"description": "ok"}, "401": {"description": "Not Authorized"}},
            "security": [{"keycloak": ["platform-admin"]}]}},
        "/api/v1/certificates/{publicId}": {
          "get": {"operationId": "verifyCertificate",
            "responses": {"200": {"description": "ok"}, "404": {"description": "No such id"}}}},
        "/api/v1/sites": {
          "get": {"operationId": "listSites", "responses": {"200": {"description": "ok"}},
            "security": [{"keycloak": ["site-staff"]}]}}""";
    ObjectNode published =
        OpenApiMerger.publish(
            OpenApiMerger.merge(List.of(document(paths, ""))), "https://sso.example/realms/p");

    JsonNode scheme = published.at("/components/securitySchemes/keycloak");
    assertThat(scheme.path("type").asText()).isEqualTo("oauth2");
    assertThat(scheme.at("/flows/authorizationCode/authorizationUrl").asText())
        .isEqualTo("https://sso.example/realms/p/protocol/openid-connect/auth");
    assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asText())
        .isEqualTo("https://sso.example/realms/p/protocol/openid-connect/token");

    JsonNode change = published.at("/paths/~1api~1v1~1sites~1{code}/patch");
    assertThat(names(change.path("responses")))
        .containsExactlyInAnyOrder(
            "200", "400", "401", "403", "404", "409", "412", "413", "415", "422", "429", "503",
            "504");
    assertThat(change.at("/security/0/keycloak")).isEmpty();
    assertThat(change.at("/x-roles/0").asText()).isEqualTo("platform-admin");
    assertThat(change.at("/responses/401/description").asText()).isEqualTo("Not Authorized");
    assertThat(change.at("/responses/401/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(change.at("/responses/412/$ref").asText())
        .isEqualTo("#/components/responses/Problem412");

    JsonNode verify = published.at("/paths/~1api~1v1~1certificates~1{publicId}/get");
    assertThat(names(verify.path("responses")))
        .containsExactlyInAnyOrder("200", "404", "429", "503", "504");
    assertThat(verify.has("security")).isFalse();
    assertThat(verify.at("/responses/404/description").asText()).isEqualTo("No such id");

    JsonNode list = published.at("/paths/~1api~1v1~1sites/get");
    assertThat(names(list.path("responses")))
        .containsExactlyInAnyOrder("200", "401", "403", "429", "503", "504");
    assertThat(published.at("/components/schemas/Problem/type").asText()).isEqualTo("object");
  }
}
