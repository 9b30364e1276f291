package org.passerelle.contract.openapi;

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

  @Test
  void aSchemaNameEndingInADigitOrDifferingOnlyInCaseFailsTheMerge() throws Exception {
    // What a service's scan makes of two nested records both named Entry.
    assertThatThrownBy(
            () ->
                OpenApiMerger.merge(
                    List.of(
                        document(
                            "",
                            "\"Entry\": {\"type\": \"object\"},"
                                + " \"Entry1\": {\"type\": \"string\"}"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Entry1 ends in a digit")
        .hasMessageContaining("@Schema(name = ...)");
    assertThatThrownBy(
            () ->
                OpenApiMerger.merge(
                    List.of(
                        document("", "\"CohortStatus\": {\"type\": \"string\"}"),
                        document("", "\"Cohortstatus\": {\"type\": \"object\"}"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cohortstatus and CohortStatus differ only in case");
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
            "200", "400", "401", "403", "404", "409", "412", "413", "415", "422", "429", "500",
            "503", "504");
    assertThat(change.at("/security/0/keycloak")).isEmpty();
    assertThat(change.at("/x-roles/0").asText()).isEqualTo("platform-admin");
    // Quarkus' generic text gives way to the gateway's; a service's own text is kept.
    assertThat(change.at("/responses/401/$ref").asText())
        .isEqualTo("#/components/responses/Problem401");
    assertThat(change.at("/responses/412/$ref").asText())
        .isEqualTo("#/components/responses/Problem412");

    JsonNode verify = published.at("/paths/~1api~1v1~1certificates~1{publicId}/get");
    assertThat(names(verify.path("responses")))
        .containsExactlyInAnyOrder("200", "404", "429", "500", "503", "504");
    assertThat(verify.has("security")).isFalse();
    assertThat(verify.at("/responses/404/description").asText()).isEqualTo("No such id");
    assertThat(verify.at("/responses/404/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");

    JsonNode list = published.at("/paths/~1api~1v1~1sites/get");
    assertThat(names(list.path("responses")))
        .containsExactlyInAnyOrder("200", "401", "403", "429", "500", "503", "504");
    assertThat(published.at("/components/schemas/Problem/type").asText()).isEqualTo("object");
  }

  @Test
  void everyAnswerDocumentsTheHeadersTheGatewayPutsOnIt() throws Exception {
    String paths =
        """
        "/api/v1/sites/{code}": {
          "get": {"operationId": "getSite",
            "responses": {"200": {"description": "The site"}, "404": {"description": "None"}},
            "security": [{"keycloak": ["site-staff"]}]}}""";
    ObjectNode published =
        OpenApiMerger.publish(
            OpenApiMerger.merge(List.of(document(paths, ""))), "https://sso.example/realms/p");

    List<String> counted =
        List.of(
            "Access-Control-Allow-Origin",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset");
    JsonNode responses = published.at("/paths/~1api~1v1~1sites~1{code}/get/responses");
    assertThat(names(responses.at("/200/headers"))).containsExactlyElementsOf(counted);
    assertThat(names(responses.at("/404/headers"))).containsExactlyElementsOf(counted);
    assertThat(responses.at("/200/headers/RateLimit-Reset/$ref").asText())
        .isEqualTo("#/components/headers/RateLimit-Reset");
    JsonNode shared = published.at("/components/responses");
    // The token is checked before the request is counted: a 401 has no rate-limit headers.
    assertThat(names(shared.at("/Problem401/headers")))
        .containsExactly("Access-Control-Allow-Origin");
    assertThat(names(shared.at("/Problem403/headers"))).containsExactlyElementsOf(counted);
    assertThat(names(shared.at("/Problem429/headers"))).contains("Retry-After");
    assertThat(names(shared.at("/Problem503/headers"))).contains("Retry-After");
    assertThat(names(shared.at("/Problem504/headers"))).doesNotContain("Retry-After");
    for (String header : names(published.at("/components/headers"))) {
      JsonNode schema = published.at("/components/headers/" + header + "/schema");
      if (schema.path("type").asText().equals("integer")) {
        assertThat(schema.path("format").asText()).as(header).isEqualTo("int32");
        assertThat(schema.path("minimum").asInt()).as(header).isZero();
      }
    }
    assertThat(published.at("/servers/0/x-internal").asBoolean(true)).isFalse();
    assertThat(published.at("/components/securitySchemes/keycloak/description").asText())
        .contains("RFC8725");
  }

  @Test
  void aStringBoundedByItsFormatOrPatternGetsThatMaxLength() throws Exception {
    String schemas =
        """
        "Request": {"type": "object", "properties": {
          "id": {"type": "string", "format": "uuid"},
          "on": {"type": "string", "format": "date"},
          "at": {"type": ["string", "null"], "format": "date-time"},
          "siteCode": {"type": "string", "pattern": "(FR|MA)-[A-Z0-9-]{1,61}"},
          "note": {"type": "string", "pattern": "[^\\\\p{C}]*"},
          "name": {"type": "string", "pattern": "\\\\s*\\\\S[\\\\s\\\\S]*", "maxLength": 200},
          "status": {"type": "string", "enum": ["OPEN"]},
          "intake": {"type": "string", "description": "The intake", "$ref": "#/components/schemas/Id"}}},
        "Id": {"type": "string", "format": "uuid"}""";
    ObjectNode published =
        OpenApiMerger.publish(
            OpenApiMerger.merge(List.of(document("", schemas))), "https://sso.example/realms/p");

    JsonNode properties = published.at("/components/schemas/Request/properties");
    assertThat(properties.at("/id/maxLength").asInt()).isEqualTo(36);
    assertThat(properties.at("/on/maxLength").asInt()).isEqualTo(10);
    assertThat(properties.at("/at/maxLength").asInt()).isEqualTo(35);
    assertThat(properties.at("/siteCode/maxLength").asInt()).isEqualTo(64);
    assertThat(properties.at("/note").has("maxLength")).isFalse();
    assertThat(properties.at("/name/maxLength").asInt()).isEqualTo(200);
    assertThat(properties.at("/status").has("maxLength")).isFalse();
    assertThat(properties.at("/intake/maxLength").asInt()).isEqualTo(36);
  }

  private static String listOf(String resource, String schema) {
    return "\"/api/v1/"
        + resource
        + "\": {\"get\": {\"operationId\": \"list-"
        + resource
        + "\", \"responses\": {\"200\": {\"description\": \"ok\", \"content\":"
        + " {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Page"
        + schema
        + "\"}}}}}}}";
  }

  private static String page(String schema) {
    return "\"Page"
        + schema
        + "\": {\"type\": \"object\", \"properties\": {\"items\": {\"type\": \"array\","
        + " \"items\": {\"$ref\": \"#/components/schemas/"
        + schema
        + "\"}}}}";
  }

  @Test
  void aResourceAnsweredByAGetShowsCreatedAtAndUpdatedAt() throws Exception {
    String stamped =
        "\"DeviceView\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\":"
            + " \"string\"}, \"createdAt\": {\"type\": \"string\"}, \"updatedAt\":"
            + " {\"type\": \"string\"}}}";
    OpenApiMerger.merge(
        List.of(document(listOf("devices", "DeviceView"), page("DeviceView") + "," + stamped)));

    String unstamped =
        "\"LoanView\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\":"
            + " \"string\"}, \"createdAt\": {\"type\": \"string\"}}}";
    assertThatThrownBy(
            () ->
                OpenApiMerger.merge(
                    List.of(
                        document(listOf("loans", "LoanView"), page("LoanView") + "," + unstamped))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LoanView lacks updatedAt")
        .hasMessageNotContaining("lacks createdAt");
  }

  @Test
  void aRenamedFieldStaysOnlyMarkedDeprecated() throws Exception {
    String kept =
        "\"PrizeView\": {\"type\": \"object\", \"properties\": {\"site\": {\"type\":"
            + " \"string\", \"deprecated\": true}, \"siteCode\": {\"type\": \"string\"}}}";
    OpenApiMerger.merge(List.of(document("", kept)));

    String silent =
        "\"BlockRequest\": {\"type\": \"object\", \"properties\": {\"titleFr\":"
            + " {\"type\": \"string\"}}}";
    assertThatThrownBy(() -> OpenApiMerger.merge(List.of(document("", silent))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BlockRequest.titleFr is not marked deprecated");
  }
}
