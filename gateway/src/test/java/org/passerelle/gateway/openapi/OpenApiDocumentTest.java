package org.passerelle.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document the gateway publishes at /q/openapi, as built from the services' own: one coherent
 * surface, secured through Keycloak, with its errors and the bounds of every input documented.
 */
@QuarkusTest
class OpenApiDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Set<String> BOUNDED_FORMATS = Set.of("uuid", "date", "date-time");

  /** A repetition without an upper limit: *, + or {n,}. */
  private static final Pattern UNBOUNDED_REPETITION = Pattern.compile("(?<!\\\\)[*+]|\\{\\d+,}");

  private JsonNode document;

  @BeforeEach
  void fetch() throws Exception {
    document =
        JSON.readTree(
            given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
  }

  @Test
  void servedAsJsonAndYamlWithTheGatewayAsServerAndEveryDomainAsTags() throws Exception {
    String yaml =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(new YAMLMapper().readTree(yaml).path("paths")).isEqualTo(document.path("paths"));

    assertThat(document.at("/info/title").asText()).isEqualTo("Passerelle API");
    // A parked event's data is any JSON, not the getters of Jackson's tree class.
    assertThat(document.at("/components/schemas").has("JsonNode")).isFalse();
    assertThat(document.at("/components/schemas/DeadLetter/properties/data/$ref").isMissingNode())
        .isTrue();
    assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
    assertThat(document.at("/servers/0/description").asText()).contains("gateway");

    Set<String> declared = new TreeSet<>();
    document.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
    Set<String> used = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    document
        .path("x-tagGroups")
        .forEach(
            group -> {
              groups.add(group.path("name").asText());
              group.path("tags").forEach(tag -> assertThat(declared).contains(tag.asText()));
            });
    for (Operation operation : operations()) {
      assertThat(operation.node().path("tags")).as(operation.name()).isNotEmpty();
      operation.node().path("tags").forEach(tag -> used.add(tag.asText()));
    }
    assertThat(declared).containsAll(used);
    assertThat(declared)
        .contains("Applications", "Cohorts", "Certificates", "Partners", "Job offers");
    assertThat(groups)
        .containsExactlyInAnyOrder(
            "enrollment-service", "cohort-service", "partnership-service", "placement-service");
  }

  /**
   * api-contract's build lints META-INF/openapi.json with Spectral (api-contract/spectral), and the
   * gateway's build copies that file into its classes: it is what is served.
   */
  @Test
  void theServedDocumentIsTheFileTheBuildLinted() throws Exception {
    try (InputStream built =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("META-INF/openapi.json")) {
      assertThat(built).isNotNull();
      assertThat(document).isEqualTo(JSON.readTree(built));
    }
  }

  /** Every answer says which headers the gateway puts on it; a 401 is never rate-counted. */
  @Test
  void everyAnswerDocumentsTheGatewaysHeaders() {
    for (Operation operation : operations()) {
      for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
        Set<String> headers = new TreeSet<>();
        resolve(response.getValue()).path("headers").fieldNames().forEachRemaining(headers::add);
        String where = operation.name() + " " + response.getKey();
        assertThat(headers).as(where).contains("Access-Control-Allow-Origin");
        if (response.getKey().equals("401")) {
          assertThat(headers).as(where).doesNotContain("RateLimit-Limit");
        } else {
          assertThat(headers)
              .as(where)
              .contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        }
      }
    }
  }

  @Test
  void operationIdsAreUniqueAndEveryOperationHasOne() {
    Set<String> ids = new HashSet<>();
    for (Operation operation : operations()) {
      String id = operation.node().path("operationId").asText("");
      assertThat(id).as(operation.name()).isNotBlank();
      assertThat(ids.add(id)).as("operationId %s used twice", id).isTrue();
    }
  }

  @Test
  void keycloakIsTheOAuth2SchemeOfEverySecuredOperationButNotOfPublicOnes() {
    JsonNode scheme = document.at("/components/securitySchemes/keycloak");
    assertThat(scheme.path("type").asText()).isEqualTo("oauth2");
    String protocol = "http://127.0.0.1:8180/realms/passerelle/protocol/openid-connect";
    assertThat(scheme.at("/flows/authorizationCode/authorizationUrl").asText())
        .isEqualTo(protocol + "/auth");
    assertThat(scheme.at("/flows/authorizationCode/tokenUrl").asText())
        .isEqualTo(protocol + "/token");
    assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asText())
        .isEqualTo(protocol + "/token");
    assertThat(document.at("/components/securitySchemes").size()).isEqualTo(1);

    for (Operation operation : operations()) {
      JsonNode node = operation.node();
      // the public ones: a certificate's check (ADR 0008) and the open intakes (ADR 0039)
      boolean open =
          operation.name().equals("get /api/v1/certificates/{publicId}")
              || operation.name().equals("get /api/v1/intakes/open");
      if (open) {
        assertThat(node.has("security")).as(operation.name()).isFalse();
        assertThat(node.path("responses").has("401")).isFalse();
        assertThat(node.path("responses").has("403")).isFalse();
      } else {
        assertThat(node.at("/security/0").has("keycloak")).as(operation.name()).isTrue();
        assertThat(node.at("/security/0/keycloak")).as(operation.name()).isEmpty();
      }
    }
  }

  @Test
  void everyOperationDocumentsTheErrorsItCanGiveAsProblems() {
    for (Operation operation : operations()) {
      JsonNode node = operation.node();
      JsonNode responses = node.path("responses");
      Set<String> statuses = new TreeSet<>();
      responses.fieldNames().forEachRemaining(statuses::add);
      assertThat(statuses).as(operation.name()).contains("429", "500", "503", "504");
      boolean body = node.has("requestBody");
      assertThat(statuses.contains("413")).as(operation.name()).isEqualTo(body);
      assertThat(statuses.contains("415")).as(operation.name()).isEqualTo(body);
      boolean ifMatch = false;
      for (JsonNode parameter : node.path("parameters")) {
        ifMatch |= parameter.path("name").asText().equalsIgnoreCase("If-Match");
      }
      assertThat(statuses.contains("412")).as(operation.name()).isEqualTo(ifMatch);
      if (operation.path().contains("{")) {
        assertThat(statuses).as(operation.name()).contains("404");
      }
      for (String status : statuses) {
        if (status.compareTo("400") >= 0) {
          JsonNode response = resolve(responses.path(status));
          assertThat(response.at("/content/application~1problem+json/schema/$ref").asText())
              .as("%s %s", operation.name(), status)
              .isEqualTo("#/components/schemas/Problem");
        }
      }
    }
  }

  /**
   * Every input has bounds: strings a maximum length (or an enumeration, a UUID or date format, or
   * a pattern without unbounded repetition — Bean Validation's @Pattern matches the whole value),
   * arrays a maximum size, numbers a maximum, in request bodies and parameters.
   */
  @Test
  void everyInputIsBounded() {
    List<String> unbounded = new ArrayList<>();
    for (Operation operation : operations()) {
      for (JsonNode parameter : operation.node().path("parameters")) {
        String where = operation.name() + " parameter " + parameter.path("name").asText();
        walk(parameter.path("schema"), where, new HashSet<>(), unbounded);
        if (parameter.path("name").asText().equals("size")
            && parameter.path("in").asText().equals("query")) {
          assertThat(parameter.at("/schema/maximum").isNumber()).as(where).isTrue();
        }
      }
      for (Map.Entry<String, JsonNode> content :
          operation.node().at("/requestBody/content").properties()) {
        String where = operation.name() + " body " + content.getKey();
        walk(content.getValue().path("schema"), where, new HashSet<>(), unbounded);
      }
    }
    assertThat(unbounded).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(unbounded)).as("inputs without bounds").isEmpty();
  }

  private void walk(JsonNode schema, String where, Set<String> seen, List<String> unbounded) {
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asText().replaceFirst("^#/components/schemas/", "");
      if (seen.add(name)) {
        walk(document.at("/components/schemas/" + name), where + ">" + name, seen, unbounded);
      }
      if (!schema.has("type")) {
        return;
      }
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode part : schema.path(combinator)) {
        walk(part, where, seen, unbounded);
      }
    }
    Set<String> types = new HashSet<>();
    if (schema.path("type").isArray()) {
      schema.path("type").forEach(type -> types.add(type.asText()));
    } else if (schema.has("type")) {
      types.add(schema.path("type").asText());
    }
    if (types.contains("string")
        && !schema.has("maxLength")
        && !schema.has("enum")
        && !schema.has("$ref")
        && !BOUNDED_FORMATS.contains(schema.path("format").asText())
        && !(schema.has("pattern")
            && !UNBOUNDED_REPETITION.matcher(schema.path("pattern").asText()).find())) {
      unbounded.add(where + ": string without maxLength");
    }
    if (types.contains("array")) {
      if (!schema.has("maxItems")) {
        unbounded.add(where + ": array without maxItems");
      }
      walk(schema.path("items"), where + "[]", seen, unbounded);
    }
    if ((types.contains("integer") || types.contains("number")) && !schema.has("maximum")) {
      unbounded.add(where + ": number without maximum");
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      walk(property.getValue(), where + "." + property.getKey(), new HashSet<>(seen), unbounded);
    }
    if (schema.path("additionalProperties").isObject()) {
      walk(schema.path("additionalProperties"), where + "{}", seen, unbounded);
    }
  }

  private JsonNode resolve(JsonNode response) {
    String ref = response.path("$ref").asText("");
    return ref.isEmpty() ? response : document.at(ref.substring(1));
  }

  private record Operation(String path, String method, JsonNode node) {
    String name() {
      return method + " " + path;
    }
  }

  private List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (METHODS.contains(method.getKey())) {
          operations.add(new Operation(path.getKey(), method.getKey(), method.getValue()));
        }
      }
    }
    return operations;
  }
}
