package org.passerelle.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gateway adds to the services' operations in the published document: how to get a token
 * (Keycloak, OAuth2) and the RFC 9457 problem responses an operation can give, at the edge or from
 * its service. Generic, from the operation's shape, so a new endpoint is documented without extra
 * work:
 *
 * <ul>
 *   <li>400 when it takes parameters or a body; 404 when its path names a resource;
 *   <li>401 and 403 when it needs a token (never on public operations);
 *   <li>409 and 422 (a state or rule the request breaks) on a method that changes something;
 *   <li>412 only where If-Match is a parameter; 413 and 415 only with a request body;
 *   <li>429 (rate limit), 500 (unexpected error), 503 and 504 (backend unavailable or too slow)
 *       everywhere.
 * </ul>
 *
 * <p>And the headers the gateway puts on every answer: CORS's Access-Control-Allow-Origin, and the
 * RateLimit-* headers on all but 401 (the token is checked before the request is counted), with
 * Retry-After on 429 and 503. A response of the services that only repeats Quarkus' generic text
 * ("Bad Request", "Not Authorized", "Not Allowed") is replaced by the gateway's shared one.
 */
final class EdgeContract {

  static final String SCHEME = "keycloak";
  static final String PROBLEM = "Problem";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Set<String> CHANGING = Set.of("put", "post", "delete", "patch");

  /** Status to the description of the shared response, in the order they are documented. */
  private static final Map<String, String> RESPONSES = new LinkedHashMap<>();

  static {
    RESPONSES.put("400", "The request is malformed or a value is invalid (field errors listed)");
    RESPONSES.put("401", "No valid token: missing, expired, or from another issuer or audience");
    RESPONSES.put("403", "The token's roles, country or sites do not allow this");
    RESPONSES.put("404", "No such resource, or not in the caller's scope");
    RESPONSES.put(
        "409", "The resource's state does not allow this, or the Idempotency-Key was reused");
    RESPONSES.put("412", "If-Match does not name the current version (ETag)");
    RESPONSES.put("413", "The request body is too large");
    RESPONSES.put("415", "The request body's media type is not accepted");
    RESPONSES.put("422", "The request is well-formed but breaks a business rule");
    RESPONSES.put("429", "Too many requests from this client: retry after Retry-After seconds");
    RESPONSES.put(
        "500",
        "An unexpected error in the service; it is logged: quote the X-Request-Id header to report"
            + " it");
    RESPONSES.put("503", "The service behind the gateway is unavailable: retry later");
    RESPONSES.put("504", "The service behind the gateway did not answer in time: retry later");
  }

  /** The texts SmallRye gives a status it adds by itself: they say less than the shared ones. */
  private static final Map<String, String> GENERIC =
      Map.of("400", "Bad Request", "401", "Not Authorized", "403", "Not Allowed");

  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  static final List<String> RATE_LIMIT =
      List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
  static final String RETRY_AFTER = "Retry-After";

  private EdgeContract() {}

  static void apply(ObjectNode document, String issuer) {
    ObjectNode components = object(document, "components");
    ObjectNode schemas = object(components, "schemas");
    if (!schemas.has(PROBLEM)) {
      schemas.set(PROBLEM, problemSchema());
    }
    object(components, "headers").setAll(headers());
    ObjectNode responses = object(components, "responses");
    for (Map.Entry<String, String> response : RESPONSES.entrySet()) {
      ObjectNode problem = problemResponse(response.getValue());
      documentHeaders(response.getKey(), problem);
      responses.set("Problem" + response.getKey(), problem);
    }
    object(components, "securitySchemes").set(SCHEME, securityScheme(issuer));

    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      boolean pathParameters = !path.getValue().path("parameters").isEmpty();
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (METHODS.contains(entry.getKey()) && entry.getValue() instanceof ObjectNode operation) {
          document(path.getKey(), entry.getKey(), operation, pathParameters);
        }
      }
    }
  }

  private static void document(
      String path, String method, ObjectNode operation, boolean pathParameters) {
    boolean secured = secure(operation);
    boolean body = operation.has("requestBody");
    boolean parameters = pathParameters || !operation.path("parameters").isEmpty();
    boolean ifMatch = false;
    for (JsonNode parameter : operation.path("parameters")) {
      ifMatch |=
          "header".equals(parameter.path("in").asText())
              && "if-match".equalsIgnoreCase(parameter.path("name").asText());
    }
    boolean changing = CHANGING.contains(method);
    Set<String> statuses = new TreeSet<>();
    if (parameters || body) {
      statuses.add("400");
    }
    if (secured) {
      statuses.add("401");
      statuses.add("403");
    }
    if (path.contains("{")) {
      statuses.add("404");
    }
    if (changing) {
      statuses.add("409");
      statuses.add("422");
    }
    if (ifMatch) {
      statuses.add("412");
    }
    if (body) {
      statuses.add("413");
      statuses.add("415");
    }
    statuses.add("429");
    statuses.add("500");
    statuses.add("503");
    statuses.add("504");

    ObjectNode responses = object(operation, "responses");
    if (!secured) {
      // A public operation never answers 401 or 403: leave no generated ones behind.
      responses.remove("401");
      responses.remove("403");
    }
    for (Map.Entry<String, JsonNode> response : responses.properties()) {
      if (response.getValue().path("description").asText().equals(GENERIC.get(response.getKey()))) {
        response.setValue(
            NODES.objectNode().put("$ref", "#/components/responses/Problem" + response.getKey()));
      }
    }
    for (String status : statuses) {
      JsonNode existing = responses.get(status);
      if (existing instanceof ObjectNode own && !own.has("$ref")) {
        // The service's own description says more; the body is still a problem.
        ObjectNode content = object(own, "content");
        content.remove("application/json");
        object(content, "application/problem+json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/" + PROBLEM);
      } else if (existing == null) {
        responses.putObject(status).put("$ref", "#/components/responses/Problem" + status);
      }
    }
    for (Map.Entry<String, JsonNode> response : responses.properties()) {
      if (response.getValue() instanceof ObjectNode own && !own.has("$ref")) {
        documentHeaders(response.getKey(), own);
      }
    }
  }

  /**
   * The headers the gateway puts on an answer of this status: every answer passes CORS, and all but
   * 401 passed the rate limiter (see the gateway's ProxyRoutes and RateClasses).
   */
  private static void documentHeaders(String status, ObjectNode response) {
    ObjectNode headers = object(response, "headers");
    List<String> names = new ArrayList<>();
    names.add(ALLOW_ORIGIN);
    if (!status.equals("401")) {
      names.addAll(RATE_LIMIT);
    }
    if (status.equals("429") || status.equals("503")) {
      names.add(RETRY_AFTER);
    }
    for (String name : names) {
      if (!headers.has(name)) {
        headers.putObject(name).put("$ref", "#/components/headers/" + name);
      }
    }
  }

  private static ObjectNode headers() {
    ObjectNode headers = NODES.objectNode();
    headers.set(
        ALLOW_ORIGIN,
        header(
            "The calling page's origin, when it is one of the gateway's configured front-end"
                + " origins (CORS); absent for any other origin, so browsers refuse other sites'"
                + " pages the answer",
            NODES.objectNode().put("type", "string").put("maxLength", 2048)));
    headers.set(
        "RateLimit-Limit",
        header(
            "How many requests this client may make at once (its rate class's burst); a token's"
                + " client and subject, or the source address without a token",
            count()));
    headers.set(
        "RateLimit-Remaining",
        header("How many more requests this client may make now before it gets 429", count()));
    headers.set(
        "RateLimit-Reset",
        header(
            "Seconds until this client may again make RateLimit-Limit requests at once", count()));
    headers.set(
        RETRY_AFTER, header("Seconds to wait before retrying", count().put("maximum", 86400)));
    return headers;
  }

  private static ObjectNode header(String description, ObjectNode schema) {
    ObjectNode header = NODES.objectNode();
    header.put("description", description);
    header.set("schema", schema);
    return header;
  }

  private static ObjectNode count() {
    return NODES.objectNode().put("type", "integer").put("format", "int32").put("minimum", 0);
  }

  /**
   * Whether the operation needs a token; its requirement is made the OAuth2 scheme's. The roles the
   * services list are Keycloak realm roles, not OAuth2 scopes: they move to x-roles and the
   * description, so Swagger UI does not ask Keycloak for scopes that do not exist.
   */
  private static boolean secure(ObjectNode operation) {
    JsonNode security = operation.get("security");
    if (security == null || security.isEmpty()) {
      operation.remove("security");
      return false;
    }
    Set<String> roles = new TreeSet<>();
    for (JsonNode requirement : security) {
      for (JsonNode scopes : requirement) {
        scopes.forEach(role -> roles.add(role.asText()));
      }
    }
    ArrayNode requirement = operation.putArray("security");
    requirement.addObject().putArray(SCHEME);
    if (!roles.isEmpty()) {
      ArrayNode xRoles = operation.putArray("x-roles");
      roles.forEach(xRoles::add);
      String description = operation.path("description").asText("");
      operation.put(
          "description",
          (description.isEmpty() ? "" : description + "\n\n")
              + "Roles: "
              + String.join(", ", roles)
              + ".");
    }
    return true;
  }

  private static ObjectNode securityScheme(String issuer) {
    String protocol = issuer.replaceAll("/+$", "") + "/protocol/openid-connect";
    ObjectNode scheme = NODES.objectNode();
    scheme.put("type", "oauth2");
    scheme.put(
        "description",
        "Keycloak (issuer "
            + issuer
            + "). People sign in through the public client passerelle-web (authorization code"
            + " with PKCE S256); integrations use their confidential client's credentials."
            + " Access tokens are short-lived JWTs (15 minutes in the realm deploy/keycloak ships),"
            + " signed with the realm's keys; the gateway checks them as RFC8725 (JSON Web Token"
            + " Best Current Practices) recommends: signature against the issuer's published keys"
            + " (never alg none), issuer, audience passerelle-api and expiry.");
    ObjectNode flows = scheme.putObject("flows");
    ObjectNode code = flows.putObject("authorizationCode");
    code.put("authorizationUrl", protocol + "/auth");
    code.put("tokenUrl", protocol + "/token");
    code.put("refreshUrl", protocol + "/token");
    code.putObject("scopes");
    ObjectNode credentials = flows.putObject("clientCredentials");
    credentials.put("tokenUrl", protocol + "/token");
    credentials.putObject("scopes");
    return scheme;
  }

  private static ObjectNode problemResponse(String description) {
    ObjectNode response = NODES.objectNode();
    response.put("description", description);
    response
        .putObject("content")
        .putObject("application/problem+json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/" + PROBLEM);
    return response;
  }

  private static ObjectNode problemSchema() {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object").put("description", "RFC 9457 problem details");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string").put("maxLength", 200);
    properties.putObject("title").put("type", "string").put("maxLength", 200);
    properties.putObject("status").put("type", "integer").put("minimum", 400).put("maximum", 599);
    properties.putObject("detail").put("type", "string").put("maxLength", 2000);
    properties.putObject("instance").put("type", "string").put("maxLength", 2000);
    return schema;
  }

  private static ObjectNode object(ObjectNode parent, String name) {
    JsonNode node = parent.get(name);
    return node instanceof ObjectNode object ? object : parent.putObject(name);
  }
}
