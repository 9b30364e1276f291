package org.passerelle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's merged OpenAPI document as published ({@code /q/openapi?format=json}): its
 * operations, their parameters, request schemas and roles ({@code x-roles}). The matrix and the
 * bad-input run are generated from it, so an operation added later is attacked without anyone
 * editing a test.
 */
final class OpenApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private final JsonNode document;
  private final List<Operation> operations = new ArrayList<>();

  /** A parameter of an operation: {@code in} is path, query or header. */
  record Parameter(String name, String in, boolean required, JsonNode schema) {}

  /**
   * One operation. {@code roles} is empty when any signed-in caller may call it ({@code
   * Authenticated}); {@code secured} is false for public operations.
   */
  record Operation(
      String method,
      String path,
      String operationId,
      boolean secured,
      Optional<Set<String>> roles,
      List<Parameter> parameters,
      List<String> bodyMediaTypes,
      JsonNode bodySchema,
      boolean bodyRequired) {

    String name() {
      return method + " " + path;
    }

    boolean hasPathParameters() {
      return path.contains("{");
    }

    List<Parameter> in(String where) {
      return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    Optional<Parameter> parameter(String where, String name) {
      return in(where).stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The JSON media type of its body (application/json first), if it takes a JSON body. */
    Optional<String> jsonMediaType() {
      if (bodyMediaTypes.contains("application/json")) {
        return Optional.of("application/json");
      }
      return bodyMediaTypes.stream().filter(t -> t.endsWith("json")).findFirst();
    }

    /** Whether a caller with these realm roles passes the operation's role check. */
    boolean allowsRoles(Set<String> callerRoles) {
      return roles.map(allowed -> allowed.stream().anyMatch(callerRoles::contains)).orElse(true);
    }

    /** A list: paginated with page/size. */
    boolean isList() {
      return method.equals("GET")
          && (parameter("query", "page").isPresent() || parameter("query", "size").isPresent());
    }
  }

  private OpenApi(JsonNode document) {
    this.document = document;
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      List<Parameter> shared = parameters(path.getValue().path("parameters"));
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        JsonNode operation = entry.getValue();
        List<Parameter> parameters = new ArrayList<>(shared);
        parameters.addAll(parameters(operation.path("parameters")));
        JsonNode security = operation.path("security");
        boolean secured = security.isArray() && !security.isEmpty();
        Optional<Set<String>> roles = Optional.empty();
        if (operation.has("x-roles")) {
          Set<String> names = new TreeSet<>();
          operation.path("x-roles").forEach(role -> names.add(role.asText()));
          roles = Optional.of(names);
        }
        List<String> mediaTypes = new ArrayList<>();
        JsonNode content = operation.path("requestBody").path("content");
        content.fieldNames().forEachRemaining(mediaTypes::add);
        JsonNode bodySchema = null;
        for (String mediaType : mediaTypes) {
          if (mediaType.endsWith("json")) {
            bodySchema = content.path(mediaType).path("schema");
            break;
          }
        }
        operations.add(
            new Operation(
                entry.getKey().toUpperCase(),
                path.getKey(),
                operation.path("operationId").asText(entry.getKey() + " " + path.getKey()),
                secured,
                roles,
                List.copyOf(parameters),
                List.copyOf(mediaTypes),
                bodySchema,
                operation.path("requestBody").path("required").asBoolean(false)));
      }
    }
  }

  /** Reads the document the gateway publishes. */
  static OpenApi fetch(String gateway) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway + "/q/openapi?format=json"))
            .header("Accept", "application/json")
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the gateway's OpenAPI answered " + response.statusCode());
      }
      return new OpenApi(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the gateway's OpenAPI document", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  List<Operation> operations() {
    return operations;
  }

  /**
   * The schema with its references followed and {@code allOf} merged: the keywords next to a {@code
   * $ref} (OpenAPI 3.1) are kept and win over the referenced schema's.
   */
  JsonNode resolve(JsonNode schema) {
    if (schema == null || schema.isMissingNode() || !schema.isObject()) {
      return JSON.createObjectNode();
    }
    ObjectNode resolved = JSON.createObjectNode();
    if (schema.has("$ref")) {
      resolved.setAll((ObjectNode) resolve(referenced(schema.path("$ref").asText())));
    }
    for (JsonNode part : schema.path("allOf")) {
      resolved.setAll((ObjectNode) resolve(part));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
        resolved.set(field.getKey(), field.getValue());
      }
    }
    return resolved;
  }

  private JsonNode referenced(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("unsupported reference " + ref);
    }
    JsonNode target = document.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalStateException("dangling reference " + ref);
    }
    return target;
  }

  private List<Parameter> parameters(JsonNode nodes) {
    List<Parameter> parameters = new ArrayList<>();
    for (JsonNode node : nodes) {
      JsonNode parameter = node.has("$ref") ? referenced(node.path("$ref").asText()) : node;
      parameters.add(
          new Parameter(
              parameter.path("name").asText(),
              parameter.path("in").asText(),
              parameter.path("required").asBoolean(false),
              parameter.path("schema")));
    }
    return parameters;
  }
}
