package org.passerelle.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the services' OpenAPI documents into the gateway's one surface, at build time. A path or
 * schema present in several documents (operations every service gets from commons) is published
 * once, and only when it is identical in each. Fails the build on a path that differs between
 * documents, an operation id used by two different operations, or two different schemas with the
 * same name: the public API must never silently shadow a part of itself. Fails too on a schema name
 * a generated client would read badly ({@link #checkSchemaNames}).
 */
public final class OpenApiMerger {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keycloak's realm locally; the build takes PASSERELLE_OIDC_URL, as the gateway does. */
  static final String DEFAULT_ISSUER = "http://127.0.0.1:8180/realms/passerelle";

  private OpenApiMerger() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: OpenApiMerger <output> <input>...");
    }
    List<JsonNode> documents = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Path input = Path.of(args[i]);
      if (!Files.isRegularFile(input)) {
        throw new IllegalStateException(
            input + " is missing: package the services first (./mvnw package from the root)");
      }
      documents.add(JSON.readTree(input.toFile()));
    }
    Path output = Path.of(args[0]);
    Files.createDirectories(output.getParent());
    String issuer = System.getenv().getOrDefault("PASSERELLE_OIDC_URL", DEFAULT_ISSUER);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(output.toFile(), publish(merge(documents), issuer));
  }

  /**
   * The merged document as the gateway publishes it: the Keycloak OAuth2 scheme on every secured
   * operation, the problem+json error responses each operation can give, the headers the gateway
   * adds, and the length bounds formats and patterns imply. Separate from {@link #merge} so
   * collisions are checked on the services' documents as they are.
   */
  public static ObjectNode publish(ObjectNode merged, String issuer) {
    anyJsonForJacksonTrees(merged);
    EdgeContract.apply(merged, issuer);
    StringBounds.apply(merged);
    return merged;
  }

  public static ObjectNode merge(List<JsonNode> documents) {
    ObjectNode merged = JSON.createObjectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", "Passerelle API");
    info.put(
        "description",
        "One API for the Passerelle network of free, inclusive digital schools in France and"
            + " Morocco: applications, cohorts, partnerships and placements.");
    info.put("version", "v1");
    // Relative: the gateway that serves the document, whatever its environment. Public, as every
    // caller (people, partners, office systems) goes through it.
    merged
        .putArray("servers")
        .addObject()
        .put("url", "/")
        .put(
            "description",
            "The Passerelle gateway (this host), the same in each environment: local, staging,"
                + " production")
        .put("x-internal", false);
    ArrayNode tags = merged.putArray("tags");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode securitySchemes = components.putObject("securitySchemes");
    Set<String> tagNames = new HashSet<>();
    Set<String> operationIds = new HashSet<>();
    // Tags are grouped by the domain (service) that declares them first, for readers and
    // renderers that understand x-tagGroups.
    ArrayNode tagGroups = merged.putArray("x-tagGroups");

    for (JsonNode document : documents) {
      ArrayNode groupTags = JSON.createArrayNode();
      for (JsonNode tag : document.path("tags")) {
        if (tagNames.add(tag.path("name").asText())) {
          tags.add(tag);
          groupTags.add(tag.path("name").asText());
        }
      }
      if (!groupTags.isEmpty()) {
        String title = document.path("info").path("title").asText("Passerelle " + tagGroups.size());
        tagGroups
            .addObject()
            .put("name", title.replaceFirst("^Passerelle ", ""))
            .set("tags", groupTags);
      }
      for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
        JsonNode existing = paths.get(path.getKey());
        if (existing != null) {
          // The same shared (commons) operations in several services: published once.
          if (existing.equals(path.getValue())) {
            continue;
          }
          throw new IllegalStateException(
              "duplicate path " + path.getKey() + ", different in two documents");
        }
        for (JsonNode operation : path.getValue()) {
          String operationId = operation.path("operationId").asText(null);
          if (operationId != null && !operationIds.add(operationId)) {
            throw new IllegalStateException("duplicate operationId " + operationId);
          }
        }
        paths.set(path.getKey(), path.getValue());
      }
      JsonNode documentComponents = document.path("components");
      for (Map.Entry<String, JsonNode> schema : documentComponents.path("schemas").properties()) {
        JsonNode existing = schemas.get(schema.getKey());
        if (existing != null && !existing.equals(schema.getValue())) {
          throw new IllegalStateException("two different schemas named " + schema.getKey());
        }
        schemas.set(schema.getKey(), schema.getValue());
      }
      for (Map.Entry<String, JsonNode> scheme :
          documentComponents.path("securitySchemes").properties()) {
        securitySchemes.set(scheme.getKey(), scheme.getValue());
      }
    }
    checkSchemaNames(schemas);
    checkResourceShapes(merged);
    return merged;
  }

  /**
   * Schemas with an id that are not written through the API, so have no creation or change to show:
   * an impact indicator's definition comes with the build from a file, versioned.
   */
  static final Set<String> NOT_WRITTEN = Set.of("IndicatorDefinition");

  /** Fields renamed by issue 20, kept until the sunset only if the document says deprecated. */
  static final Set<String> RENAMED = Set.of("site", "titleFr", "titleEn", "titleAr");

  /**
   * One shape across the services (ADR 0043): a resource, a schema with an {@code id} that a GET
   * answers (alone, in a list or in the list shape's items), shows {@code createdAt} and {@code
   * updatedAt}; and a field renamed for one name per concept ({@link #RENAMED}, replaced by
   * siteCode and titles) appears in no schema unless marked deprecated. Either fails the build.
   */
  static void checkResourceShapes(JsonNode document) {
    JsonNode schemas = document.path("components").path("schemas");
    Set<String> resources = new TreeSet<>();
    for (JsonNode path : document.path("paths")) {
      for (JsonNode content : path.path("get").path("responses").path("200").path("content")) {
        String name = referenced(content.path("schema"));
        JsonNode items = schemas.path(name == null ? "" : name).path("properties").path("items");
        if (items.path("type").asText().equals("array") && referenced(items) != null) {
          name = referenced(items);
        }
        if (name != null
            && schemas.path(name).path("properties").has("id")
            && !NOT_WRITTEN.contains(name)) {
          resources.add(name);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (String resource : resources) {
      JsonNode properties = schemas.path(resource).path("properties");
      for (String field : List.of("createdAt", "updatedAt")) {
        if (!properties.has(field)) {
          problems.add(resource + " lacks " + field);
        }
      }
    }
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      for (Map.Entry<String, JsonNode> field : schema.getValue().path("properties").properties()) {
        if (RENAMED.contains(field.getKey()) && !field.getValue().path("deprecated").asBoolean()) {
          problems.add(
              schema.getKey()
                  + "."
                  + field.getKey()
                  + " is not marked deprecated (siteCode, titles)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "resource shapes differ from the services' one shape (ADR 0043): "
              + String.join("; ", problems));
    }
  }

  /** The schema a {@code $ref} names, or an array's items name; else null. */
  private static String referenced(JsonNode schema) {
    JsonNode target = schema.path("type").asText().equals("array") ? schema.path("items") : schema;
    String ref = target.path("$ref").asText("");
    return ref.startsWith("#/components/schemas/")
        ? ref.substring("#/components/schemas/".length())
        : null;
  }

  /**
   * Generated clients name their models after the schemas. A service's OpenAPI scan gives two
   * classes of the same simple name (two nested {@code Entry} records) the names {@code Entry} and
   * {@code Entry1}: a digit at the end is such a silent renaming, and two names differing only in
   * case become one file on a case-insensitive disk. Either fails the build; the fix is a unique,
   * meaningful {@code @Schema(name = ...)} on the record.
   */
  static void checkSchemaNames(JsonNode schemas) {
    List<String> problems = new ArrayList<>();
    Map<String, String> byLowerCase = new HashMap<>();
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      String name = schema.getKey();
      if (!name.isEmpty() && Character.isDigit(name.charAt(name.length() - 1))) {
        problems.add(name + " ends in a digit (a collision of two classes' simple names, renamed)");
      }
      String other = byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (other != null) {
        problems.add(name + " and " + other + " differ only in case");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "schema names a generated client would read badly; give each record a unique"
              + " @Schema(name = ...): "
              + String.join("; ", problems));
    }
  }

  /**
   * A field typed as Jackson's JsonNode (a parked event's data) holds any JSON value, but the
   * services' scan describes the JsonNode class's getters (isArray, nodeType...) as if they were
   * its content, and generated clients then clash with Jackson's own class. Published as any JSON.
   */
  static void anyJsonForJacksonTrees(ObjectNode document) {
    JsonNode schemas = document.path("components").path("schemas");
    if (!(schemas instanceof ObjectNode named)
        || !named.path("JsonNode").has("properties")
        || !named.at("/JsonNode/properties").has("nodeType")) {
      return;
    }
    named.remove("JsonNode");
    named.remove("JsonNodeType");
    replaceReferences(document, "#/components/schemas/JsonNode");
  }

  private static void replaceReferences(JsonNode node, String ref) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (ref.equals(field.getValue().path("$ref").asText())) {
          ObjectNode any = JSON.createObjectNode();
          any.put("description", "Any JSON value");
          field.setValue(any);
        } else {
          replaceReferences(field.getValue(), ref);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> replaceReferences(element, ref));
    }
  }
}
