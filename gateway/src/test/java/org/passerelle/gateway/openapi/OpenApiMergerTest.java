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
}
