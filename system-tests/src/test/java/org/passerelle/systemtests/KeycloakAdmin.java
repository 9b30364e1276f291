package org.passerelle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an operator does in Keycloak's admin console: when the gateway gets a new address, the
 * passerelle-web client is told Swagger UI's redirect page (or the impact page) and the gateway's
 * origin there, so signing in can come back to it and exchange the code at the token endpoint
 * (CORS); users are added and removed; the realm's settings and a user's brute-force status are
 * read. As the admin ./passerelle set up: PASSERELLE_KEYCLOAK_ADMIN_PASSWORD, else the password
 * generated for this machine in .local/keycloak-admin-password.
 */
final class KeycloakAdmin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String URL =
      System.getenv().getOrDefault("PASSERELLE_KEYCLOAK_URL", "http://127.0.0.1:8180");
  private static final String REALM = URL + "/admin/realms/passerelle";

  private KeycloakAdmin() {}

  /**
   * Adds the gateway's Swagger UI to the public client (redirect URI and web origin); false if the
   * realm allowed it already.
   */
  static boolean allowSwaggerUiAt(String gateway) throws IOException, InterruptedException {
    return updateWebClient(gateway, swaggerUiRedirect(gateway), true);
  }

  /** Removes what {@link #allowSwaggerUiAt} added, so a long-running realm does not widen. */
  static void forgetSwaggerUiAt(String gateway) throws IOException, InterruptedException {
    updateWebClient(gateway, swaggerUiRedirect(gateway), false);
  }

  /**
   * Adds the gateway's impact page (it comes back to itself, any query) to the public client; false
   * if the realm allowed it already.
   */
  static boolean allowImpactPageAt(String gateway) throws IOException, InterruptedException {
    return updateWebClient(gateway, gateway + "/impact/*", true);
  }

  /** Removes what {@link #allowImpactPageAt} added. */
  static void forgetImpactPageAt(String gateway) throws IOException, InterruptedException {
    updateWebClient(gateway, gateway + "/impact/*", false);
  }

  private static String swaggerUiRedirect(String gateway) {
    return gateway + "/q/swagger-ui/oauth2-redirect.html";
  }

  private static boolean updateWebClient(String gateway, String redirect, boolean allow)
      throws IOException, InterruptedException {
    String token = adminToken();
    JsonNode found =
        send(
            HttpRequest.newBuilder(URI.create(REALM + "/clients?clientId=passerelle-web"))
                .header("Authorization", "Bearer " + token)
                .build());
    ObjectNode client = (ObjectNode) found.get(0);
    boolean changed;
    if (allow) {
      changed = addOnce(client.withArray("redirectUris"), redirect);
      changed |= addOnce(client.withArray("webOrigins"), gateway);
    } else {
      changed = remove(client.withArray("redirectUris"), redirect);
      changed |= remove(client.withArray("webOrigins"), gateway);
    }
    if (!changed) {
      return false;
    }
    send(
        HttpRequest.newBuilder(URI.create(REALM + "/clients/" + client.path("id").asText()))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(client.toString()))
            .build());
    return true;
  }

  private static boolean addOnce(ArrayNode values, String value) {
    for (JsonNode existing : values) {
      if (existing.asText().equals(value)) {
        return false;
      }
    }
    values.add(value);
    return true;
  }

  private static boolean remove(ArrayNode values, String value) {
    boolean removed = false;
    for (int i = values.size() - 1; i >= 0; i--) {
      if (values.get(i).asText().equals(value)) {
        values.remove(i);
        removed = true;
      }
    }
    return removed;
  }

  /** The realm's settings, as the admin API describes them. */
  static JsonNode realm() throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(REALM))
            .header("Authorization", "Bearer " + adminToken())
            .build());
  }

  /** Adds an enabled user with this (non-temporary) password; returns its id. */
  static String createUser(String username, String password)
      throws IOException, InterruptedException {
    ObjectNode user = JSON.createObjectNode();
    user.put("username", username)
        .put("enabled", true)
        .put("email", username + "@example.org")
        .put("emailVerified", true)
        .put("firstName", "Test")
        .put("lastName", "User");
    user.putArray("credentials")
        .addObject()
        .put("type", "password")
        .put("value", password)
        .put("temporary", false);
    String token = adminToken();
    send(
        HttpRequest.newBuilder(URI.create(REALM + "/users"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(user.toString()))
            .build());
    JsonNode found =
        send(
            HttpRequest.newBuilder(
                    URI.create(REALM + "/users?exact=true&username=" + encode(username)))
                .header("Authorization", "Bearer " + token)
                .build());
    return found.get(0).path("id").asText();
  }

  static void deleteUser(String id) throws IOException, InterruptedException {
    send(
        HttpRequest.newBuilder(URI.create(REALM + "/users/" + id))
            .header("Authorization", "Bearer " + adminToken())
            .DELETE()
            .build());
  }

  /** What brute-force detection knows of the user: {@code disabled}, {@code numFailures}, ... */
  static JsonNode bruteForceStatus(String id) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(REALM + "/attack-detection/brute-force/users/" + id))
            .header("Authorization", "Bearer " + adminToken())
            .build());
  }

  /** The admin's password: the caller's variable, else the one generated for this machine. */
  private static String adminPassword() throws IOException {
    String given = System.getenv("PASSERELLE_KEYCLOAK_ADMIN_PASSWORD");
    if (given != null && !given.isBlank()) {
      return given;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(".local/keycloak-admin-password");
      if (Files.isReadable(file)) {
        return Files.readAllLines(file).getFirst().strip();
      }
    }
    throw new IllegalStateException(
        "no Keycloak admin password: set PASSERELLE_KEYCLOAK_ADMIN_PASSWORD or run ./passerelle"
            + " infra, which generates .local/keycloak-admin-password");
  }

  private static String adminToken() throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + encode(System.getenv().getOrDefault("PASSERELLE_KEYCLOAK_ADMIN", "admin"))
            + "&password="
            + encode(adminPassword());
    return send(HttpRequest.newBuilder(
                URI.create(URL + "/realms/master/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form))
            .build())
        .path("access_token")
        .asText();
  }

  private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.method() + " " + request.uri() + " answered " + response.statusCode());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
