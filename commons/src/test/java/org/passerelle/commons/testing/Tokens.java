package org.passerelle.commons.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the real Keycloak started by {@code ./passerelle test}, for the demo
 * users of {@code deploy/keycloak}. Cached per user: tokens live 15 minutes.
 */
public final class Tokens {

  public static final String ISSUER =
      System.getenv()
          .getOrDefault("PASSERELLE_OIDC_URL", "http://127.0.0.1:8180/realms/passerelle");
  private static final String PASSWORD =
      System.getenv().getOrDefault("PASSERELLE_DEMO_PASSWORD", "passerelle");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, Object> SIGN_IN_LOCKS = new ConcurrentHashMap<>();

  private record Cached(String token, long expiresAtMillis) {}

  private Tokens() {}

  /** Password grant through the public front-end client. */
  public static String of(String username) {
    return cached(
        "user:" + username,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "passerelle-web",
            "username",
            username,
            "password",
            PASSWORD));
  }

  /** Client-credentials grant of a regional office's system, e.g. {@code integration-fr}. */
  public static String ofClient(String clientId) {
    return cached(
        "client:" + clientId,
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            clientId,
            "client_secret",
            clientId + "-secret"));
  }

  /** The demo users' password, for tests that sign in as a person would (in a browser). */
  public static String demoPassword() {
    return PASSWORD;
  }

  public static String bearer(String username) {
    return "Bearer " + of(username);
  }

  /** The {@code sub} of this demo user's tokens, as services record who did what. */
  public static String subject(String username) {
    return claims(username).path("sub").asText();
  }

  /**
   * The {@code email} of this demo user's tokens: the realm's default {@code email} scope puts it,
   * with {@code email_verified}, in every user's token. A learner applies with this one only.
   */
  public static String email(String username) {
    JsonNode claims = claims(username);
    if (!claims.path("email").isTextual() || !claims.path("email_verified").asBoolean(false)) {
      throw new IllegalStateException(
          "the token of " + username + " carries no verified email: check deploy/keycloak");
    }
    return claims.path("email").asText();
  }

  /** The claims of this demo user's access token. */
  public static JsonNode claims(String username) {
    String payload = of(username).split("\\.")[1];
    try {
      return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable token of " + username, e);
    }
  }

  private static String cached(String cacheKey, Map<String, String> form) {
    Cached cached = CACHE.get(cacheKey);
    if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 60_000) {
      return cached.token();
    }
    // One sign-in per user at a time: with brute-force protection on, Keycloak refuses a user's
    // concurrent password grants as invalid credentials (and counts them as failures).
    synchronized (SIGN_IN_LOCKS.computeIfAbsent(cacheKey, key -> new Object())) {
      cached = CACHE.get(cacheKey);
      if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 60_000) {
        return cached.token();
      }
      JsonNode body = post(form);
      String token = body.path("access_token").asText();
      long expiresIn = body.path("expires_in").asLong(60);
      CACHE.put(cacheKey, new Cached(token, System.currentTimeMillis() + expiresIn * 1000));
      return token;
    }
  }

  private static JsonNode post(Map<String, String> form) {
    String encoded =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused the token request (" + response.statusCode() + ")");
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Keycloak is not reachable at " + ISSUER + ": run ./passerelle infra", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
