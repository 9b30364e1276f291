package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/**
 * The realm locks an account for a while after a burst of wrong passwords, and only that account:
 * on a throwaway user, against the real Keycloak. The demo users always sign in with the right
 * password, so the suite never trips it.
 */
class KeycloakBruteForceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aBurstOfWrongPasswordsLocksThatAccountForAWhileAndNoOther() throws Exception {
    JsonNode realm = KeycloakAdmin.realm();
    assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
    assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
    int threshold = realm.path("failureFactor").asInt();
    assertThat(threshold).isBetween(3, 10);
    // Failures closer together than this lock at once; spaced out, the threshold decides.
    long quick = realm.path("quickLoginCheckMilliSeconds").asLong();

    String username =
        "brute-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    String password = "Right-" + UUID.randomUUID();
    String id = KeycloakAdmin.createUser(username, password);
    try {
      assertThat(signIn(username, password)).isEqualTo(200);
      for (int attempt = 1; attempt <= threshold; attempt++) {
        Thread.sleep(quick + 250);
        assertThat(signIn(username, "wrong-" + attempt)).isNotEqualTo(200);
        assertThat(KeycloakAdmin.bruteForceStatus(id).path("disabled").asBoolean())
            .as("locked after %d wrong passwords", attempt)
            .isEqualTo(attempt == threshold);
      }
      // locked: the right password is refused too, and the account is only held, not disabled
      assertThat(signIn(username, password)).isNotEqualTo(200);
      JsonNode status = KeycloakAdmin.bruteForceStatus(id);
      assertThat(status.path("disabled").asBoolean()).isTrue();
      assertThat(status.path("numFailures").asInt()).isGreaterThanOrEqualTo(threshold);
      // everyone else still signs in
      assertThat(signIn("learner-fr", Tokens.demoPassword())).isEqualTo(200);
    } finally {
      KeycloakAdmin.deleteUser(id);
    }
  }

  /** A password grant as a front-end does it; the HTTP status. */
  private static int signIn(String username, String password)
      throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=passerelle-web&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(Tokens.ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
