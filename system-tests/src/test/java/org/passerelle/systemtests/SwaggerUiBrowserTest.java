package org.passerelle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/**
 * The API reference as a front-end developer uses it: the gateway's Swagger UI in Debian's headless
 * Chromium, driven by playwright-core (src/test/browser/swagger-ui.mjs). The page lists every
 * domain of the merged document, "Authorize" signs in at Keycloak with the authorization code flow
 * and PKCE, and "Try it out" then answers with the signed-in person's data.
 */
class SwaggerUiBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BROWSER =
      Path.of(System.getProperty("passerelle.browser", "target/browser"));
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final String USER = "site-staff-fr";
  private static final String TRY_PATH = "/api/v1/sites";

  @Test
  void swaggerUiListsEveryDomainSignsInWithPkceAndTriesAnOperation() throws Exception {
    String gateway = Platform.get().gateway();
    JsonNode seen;
    boolean added = KeycloakAdmin.allowSwaggerUiAt(gateway);
    try {
      seen = driveSwaggerUi(gateway);
    } finally {
      if (added) {
        forgetQuietly(gateway);
      }
    }

    assertThat(seen.path("pageStatus").asInt()).isEqualTo(200);
    assertThat(seen.path("title").asText()).startsWith("Passerelle API");

    // Every tag of the merged document is listed, so every domain (tag group) is there.
    JsonNode document =
        JSON.readTree(given().baseUri(gateway).get("/q/openapi?format=json").asString());
    List<String> documentTags = new ArrayList<>();
    document.path("tags").forEach(tag -> documentTags.add(tag.path("name").asText()));
    List<String> shownTags = new ArrayList<>();
    seen.path("tags").forEach(tag -> shownTags.add(tag.asText()));
    assertThat(shownTags).containsExactlyElementsOf(documentTags);
    List<String> domains = new ArrayList<>();
    for (JsonNode group : document.path("x-tagGroups")) {
      domains.add(group.path("name").asText());
      group.path("tags").forEach(tag -> assertThat(shownTags).contains(tag.asText()));
    }
    assertThat(domains).hasSize(4);

    // "Authorize" went to Keycloak as the public client, with a S256 code challenge, and came
    // back to this gateway's Swagger UI.
    JsonNode authorize = seen.path("authorizeRequest");
    JsonNode codeFlow =
        document
            .path("components")
            .path("securitySchemes")
            .elements()
            .next()
            .path("flows")
            .path("authorizationCode");
    assertThat(authorize.path("host").asText())
        .isEqualTo(URI.create(codeFlow.path("authorizationUrl").asText()).getAuthority());
    assertThat(authorize.path("responseType").asText()).isEqualTo("code");
    assertThat(authorize.path("clientId").asText()).isEqualTo("passerelle-web");
    assertThat(authorize.path("codeChallengeMethod").asText()).isEqualTo("S256");
    assertThat(authorize.path("hasCodeChallenge").asBoolean()).isTrue();
    assertThat(authorize.path("redirectUri").asText())
        .isEqualTo(gateway + "/q/swagger-ui/oauth2-redirect.html");
    assertThat(seen.path("authorized").asBoolean()).isTrue();
    assertThat(seen.path("consoleErrors")).as("errors in the browser's console").isEmpty();

    // "Try it out" called the gateway with the token it got, and showed what the API answered:
    // the same sites as the same person gets with a token of their own.
    JsonNode tried = seen.path("tryItOut");
    assertThat(tried.path("origin").asText()).isEqualTo(gateway);
    assertThat(tried.path("sentBearerToken").asBoolean()).isTrue();
    assertThat(tried.path("status").asInt()).isEqualTo(200);
    assertThat(tried.path("shownStatus").asText()).isEqualTo("200");
    List<String> sitesSeen = new ArrayList<>();
    tried.path("body").path("items").forEach(site -> sitesSeen.add(site.path("code").asText()));
    List<String> sitesExpected =
        given()
            .baseUri(gateway)
            .header("Authorization", Tokens.bearer(USER))
            .get(TRY_PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("items.code");
    assertThat(sitesSeen).isNotEmpty().containsExactlyElementsOf(sitesExpected);
  }

  /** A failed clean-up must not hide why the test failed. */
  private static void forgetQuietly(String gateway) {
    try {
      KeycloakAdmin.forgetSwaggerUiAt(gateway);
    } catch (IOException | RuntimeException e) {
      System.err.println("could not remove Swagger UI at " + gateway + " from Keycloak: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs the browser script; fails with what it saw and where its screenshot is if it fails. */
  private static JsonNode driveSwaggerUi(String gateway) throws IOException, InterruptedException {
    assertThat(CHROMIUM)
        .as("Chromium (./passerelle test installs it: apt-get install -y chromium)")
        .isExecutable();
    assertThat(BROWSER.resolve("node_modules/playwright-core"))
        .as("playwright-core (npm ci in %s, done by the build)", BROWSER)
        .isDirectory();
    Path screenshot = AppProcess.LOGS.resolve("swagger-ui-failure.png");
    Files.createDirectories(AppProcess.LOGS);
    Path output = AppProcess.LOGS.resolve("swagger-ui-browser.json");
    ProcessBuilder builder =
        new ProcessBuilder("node", "swagger-ui.mjs")
            .directory(BROWSER.toFile())
            .redirectOutput(output.toFile())
            .redirectError(AppProcess.LOGS.resolve("swagger-ui-browser.log").toFile());
    builder.environment().put("PASSERELLE_GATEWAY_URL", gateway);
    builder.environment().put("PASSERELLE_BROWSER_USER", USER);
    builder.environment().put("PASSERELLE_BROWSER_PASSWORD", Tokens.demoPassword());
    builder.environment().put("PASSERELLE_TRY_PATH", TRY_PATH);
    builder.environment().put("CHROMIUM", CHROMIUM.toString());
    builder.environment().put("PASSERELLE_SCREENSHOT", screenshot.toString());
    Process process = builder.start();
    boolean ended = process.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      // Chromium runs under node: kill it too, or it lingers on a 2-core machine.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String seen = Files.readString(output, StandardCharsets.UTF_8).strip();
    assertThat(ended && process.exitValue() == 0)
        .as("the browser script failed (screenshot: %s); it saw: %s", screenshot, seen)
        .isTrue();
    return JSON.readTree(seen.lines().reduce((first, last) -> last).orElse("{}"));
  }
}
