package org.passerelle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/**
 * The impact page (/impact/, ADR 0029) as a staff member uses it, in Debian's headless Chromium
 * driven by playwright-core (src/test/browser/impact-page.mjs): it signs in on Keycloak's login
 * form with the code flow and PKCE, draws the indicators of the person's scope for the last twelve
 * months, and every number of every chart (read from the Chart.js instances) is the one the API
 * gives the same person for the same period; suppressed figures (a cohort of two) show no number
 * and say so. The Arabic page is laid out right to left. Screenshots: target/impact-fr.png and
 * impact-ar.png.
 */
class ImpactPageBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BROWSER =
      Path.of(System.getProperty("passerelle.browser", "target/browser"));
  private static final Path SCREENSHOTS = Path.of("target").toAbsolutePath();
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final String STAFF = "site-staff-fr";
  private static final String USER = "country-admin-fr";
  private static final String SITE = "FR-SEVRAN";
  private static final int ENTRANTS = 6;

  /** Which answer of GET /api/v1/indicators each chart draws. */
  private static final Map<String, String> GROUP_BY =
      Map.of("cohorts", "cohort", "funnel", "country", "shares", "country", "sites", "site");

  @Test
  void theChartsShowTheApisNumbersAndTheArabicPageRunsRightToLeft() throws Exception {
    String gateway = Platform.get().gateway();

    // A cohort of the person's country that starts today with six entrants, all women, and one
    // with two entrants: too few to show (suppressed below 5 people).
    String cohort = Platform.scheduleCohort(Platform.asUser(STAFF), SITE);
    Platform.enrolledApplications(STAFF, cohort, SITE, ENTRANTS);
    Platform.startToday(STAFF, cohort).statusCode(200);
    String small = Platform.scheduleCohort(Platform.asUser(STAFF), SITE);
    Platform.enrolledApplications(STAFF, small, SITE, 2);
    Platform.startToday(STAFF, small).statusCode(200);
    // The French sites' day, on which the cohorts start and which ends the page's default period
    // in a browser in Paris.
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    String from = today.plusDays(1).minusYears(1).toString();
    String to = today.toString();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode cohorts = indicators(gateway, from, to, "cohort");
              return entrantsOf(cohorts, cohort) == ENTRANTS && suppressed(cohorts, small);
            });

    // Earlier tests' events may still be reaching placement-service: the page's figures are
    // compared with the API's answers to the page's own queries only from a visit during which
    // the API's answers (every indicator, so a superset of the page's) did not move.
    JsonNode seen = null;
    Map<String, JsonNode> answers = null;
    boolean added = KeycloakAdmin.allowImpactPageAt(gateway);
    try {
      for (int visit = 1; visit <= 4 && answers == null; visit++) {
        Map<String, JsonNode> before = everyIndicator(gateway, from, to);
        seen = driveImpactPage(gateway);
        Map<String, JsonNode> toThePage = answersTo(gateway, seen.path("indicatorQueries"));
        Map<String, JsonNode> after = everyIndicator(gateway, from, to);
        if (before.equals(after)) {
          answers = toThePage;
        }
      }
    } finally {
      if (added) {
        forgetQuietly(gateway);
      }
    }
    assertThat(answers).as("the indicators stayed still during one of four visits").isNotNull();

    // The page signed in as the public client, with a S256 code challenge, back to itself.
    JsonNode authorize = seen.path("authorizeRequest");
    assertThat(authorize.path("responseType").asText()).isEqualTo("code");
    assertThat(authorize.path("clientId").asText()).isEqualTo("passerelle-web");
    assertThat(authorize.path("codeChallengeMethod").asText()).isEqualTo("S256");
    assertThat(authorize.path("hasCodeChallenge").asBoolean()).isTrue();
    assertThat(authorize.path("redirectUri").asText()).startsWith(gateway + "/impact/");
    assertThat(seen.path("consoleErrors")).as("errors in the browser's console").isEmpty();

    JsonNode french = seen.path("fr");
    assertThat(french.path("error").isNull())
        .as("the page's error: %s", french.path("error"))
        .isTrue();
    assertThat(french.path("period").path("from").asText()).isEqualTo(from);
    assertThat(french.path("period").path("to").asText()).isEqualTo(to);
    assertShowsTheApi(french, answers);
    assertThat(shown(french, "cohorts", cohort, "entrants")).isEqualByComparingTo("6");
    assertThat(shown(french, "cohorts", small, "entrants")).as("suppressed: no number").isNull();
    assertThat(french.path("suppressedWord").asText()).isEqualTo("masqué");
    assertThat(seen.path("ar").path("suppressedWord").asText()).isEqualTo("محجوب");
    assertThat(shown(french, "sites", null, "women-share")).isNotNull();
    assertThat(french.path("charts").path("sites").path("labels").toString()).contains(SITE);
    assertThat(french.path("lang").asText()).isEqualTo("fr");
    assertThat(french.path("dir").asText()).isEqualTo("ltr");
    assertThat(french.path("heading").path("left").asDouble())
        .isLessThan(french.path("account").path("left").asDouble());

    // The Arabic page: the same numbers, laid out and drawn from the right.
    JsonNode arabic = seen.path("ar");
    assertThat(arabic.path("lang").asText()).isEqualTo("ar");
    assertThat(arabic.path("dir").asText()).isEqualTo("rtl");
    assertThat(arabic.path("direction").asText()).isEqualTo("rtl");
    double width = arabic.path("viewportWidth").asDouble();
    assertThat(arabic.path("heading").path("right").asDouble()).isGreaterThan(width * 0.9);
    assertThat(arabic.path("account").path("right").asDouble())
        .isLessThan(arabic.path("heading").path("left").asDouble());
    assertThat(arabic.path("heading").path("text").asText()).isEqualTo("أثر باسرال");
    for (String chart : GROUP_BY.keySet()) {
      assertThat(arabic.path("charts").path(chart).path("legendRtl").asBoolean())
          .as("%s legend right to left", chart)
          .isTrue();
      assertThat(arabic.path("charts").path(chart).path("xReversed").asBoolean())
          .as("%s drawn from the right", chart)
          .isTrue();
      assertThat(french.path("charts").path(chart).path("xReversed").asBoolean()).isFalse();
    }
    assertShowsTheApi(arabic, answers);
    assertThat(SCREENSHOTS.resolve("impact-fr.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("impact-ar.png")).isNotEmptyFile();
  }

  /** Every indicator's figures for each grouping the page draws, without their computation time. */
  private static Map<String, JsonNode> everyIndicator(String gateway, String from, String to)
      throws IOException {
    Map<String, JsonNode> answers = new HashMap<>();
    for (String groupBy : Set.copyOf(GROUP_BY.values())) {
      answers.put(groupBy, withoutComputedAt(indicators(gateway, from, to, groupBy)));
    }
    return answers;
  }

  /**
   * The API's answers, per grouping, to the queries the page sent (the same in French and in
   * Arabic): the page asks only for the indicators it draws, and a group that counts nobody in
   * those is not in the answer, so the page is compared with the answer to its own question.
   */
  private static Map<String, JsonNode> answersTo(String gateway, JsonNode queries)
      throws IOException {
    Map<String, String> queryByGroupBy = new HashMap<>();
    for (JsonNode query : queries) {
      String search = query.asText();
      String groupBy =
          Arrays.stream(search.replaceFirst("^\\?", "").split("&"))
              .filter(parameter -> parameter.startsWith("groupBy="))
              .map(parameter -> URLDecoder.decode(parameter.substring(8), StandardCharsets.UTF_8))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the page asked without groupBy: " + search));
      String earlier = queryByGroupBy.putIfAbsent(groupBy, search);
      assertThat(earlier == null || earlier.equals(search))
          .as("the page asked two questions grouped by %s: %s and %s", groupBy, earlier, search)
          .isTrue();
    }
    assertThat(queryByGroupBy.keySet())
        .as("the page's queries %s", queries)
        .containsExactlyInAnyOrderElementsOf(Set.copyOf(GROUP_BY.values()));
    Map<String, JsonNode> answers = new HashMap<>();
    for (Map.Entry<String, String> each : queryByGroupBy.entrySet()) {
      String body =
          given()
              .baseUri(gateway)
              .urlEncodingEnabled(false)
              .header("Authorization", Tokens.bearer(USER))
              .get("/api/v1/indicators" + each.getValue())
              .then()
              .statusCode(200)
              .extract()
              .asString();
      answers.put(each.getKey(), withoutComputedAt(JSON.readTree(body)));
    }
    return answers;
  }

  private static JsonNode withoutComputedAt(JsonNode answer) {
    if (answer instanceof ObjectNode object) {
      object.remove("computedAt");
    }
    return answer;
  }

  /**
   * Every point of every chart is its figure in the API's answer: a count's numerator, a share's
   * value as a percentage, a threshold's minimum; a suppressed figure has no number and its cell
   * says so; a figure the answer does not have is not drawn. And every group of the answer with a
   * figure the chart draws is drawn.
   */
  private static void assertShowsTheApi(JsonNode page, Map<String, JsonNode> answers) {
    String suppressedWord = page.path("suppressedWord").asText(null);
    for (Map.Entry<String, String> each : GROUP_BY.entrySet()) {
      String name = each.getKey();
      JsonNode answer = answers.get(each.getValue());
      JsonNode chart = page.path("charts").path(name);
      assertThat(chart.path("canvas").asText()).as("chart %s", name).isEqualTo("chart-" + name);
      Set<JsonNode> drawnKeys = new HashSet<>();
      Set<String> drawnIndicators = new HashSet<>();
      JsonNode datasets = chart.path("datasets");
      for (int d = 0; d < datasets.size(); d++) {
        JsonNode dataset = datasets.get(d);
        for (int i = 0; i < dataset.path("data").size(); i++) {
          JsonNode ref = dataset.path("refs").get(i);
          JsonNode value = dataset.path("data").get(i);
          JsonNode cell = chart.path("table").path(i).path(d);
          String where =
              "%s: %s of %s (%s)"
                  .formatted(
                      name, ref.path("field").asText(), ref.path("key"), dataset.path("label"));
          drawnKeys.add(ref.path("key"));
          drawnIndicators.add(ref.path("indicator").asText());
          JsonNode figure =
              figure(answer, ref.path("key"), ref.path("indicator").asText(), ref.path("category"));
          if (ref.path("field").asText().equals("threshold.min")) {
            // The label's minimum is a rule, not a count of people: shown even beside a
            // suppressed share.
            BigDecimal expected = figure == null ? null : expected(figure, "threshold.min");
            if (expected == null) {
              assertThat(value.isNull()).as(where).isTrue();
            } else {
              assertThat(value.decimalValue()).as(where).isEqualByComparingTo(expected);
            }
          } else if (figure == null) {
            assertThat(value.isNull()).as(where).isTrue();
            assertThat(ref.path("state").asText()).as(where).isEqualTo("absent");
          } else if (figure.path("suppressed").asBoolean()) {
            assertThat(value.isNull()).as("%s is suppressed: no number", where).isTrue();
            assertThat(ref.path("state").asText()).as(where).isEqualTo("suppressed");
            assertThat(cell.path("state").asText()).as(where).isEqualTo("suppressed");
            assertThat(cell.path("text").asText()).as(where).isEqualTo(suppressedWord);
          } else {
            BigDecimal expected = expected(figure, ref.path("field").asText());
            if (expected == null) {
              assertThat(value.isNull()).as(where).isTrue();
            } else {
              assertThat(value.isNumber()).as(where).isTrue();
              assertThat(value.decimalValue()).as(where).isEqualByComparingTo(expected);
            }
          }
        }
      }
      if (!datasets.isEmpty()) {
        // the page asks only for the indicators it draws, and a group without any of them is left
        // out of its answer (a cohort with applications but no entrant yet, for example)
        Set<JsonNode> answerKeys = new HashSet<>();
        for (JsonNode group : answer.path("groups")) {
          for (JsonNode figure : group.path("figures")) {
            if (drawnIndicators.contains(figure.path("indicator").asText())) {
              answerKeys.add(group.path("key"));
            }
          }
        }
        assertThat(drawnKeys).as("the groups %s draws", name).isEqualTo(answerKeys);
      }
    }
  }

  private static BigDecimal expected(JsonNode figure, String field) {
    JsonNode number =
        switch (field) {
          case "numerator" -> figure.path("numerator");
          case "value" -> figure.path("value");
          case "threshold.min" -> figure.path("threshold").path("min");
          default -> throw new AssertionError("a chart shows an unknown field: " + field);
        };
    if (number.isNull() || number.isMissingNode()) {
      return null;
    }
    return field.equals("numerator")
        ? number.decimalValue()
        : number.decimalValue().movePointRight(2);
  }

  private static JsonNode figure(
      JsonNode answer, JsonNode key, String indicator, JsonNode category) {
    for (JsonNode group : answer.path("groups")) {
      if (!group.path("key").equals(key)) {
        continue;
      }
      for (JsonNode figure : group.path("figures")) {
        if (figure.path("indicator").asText().equals(indicator)
            && nullToMissing(figure.path("category")).equals(nullToMissing(category))) {
          return figure;
        }
      }
    }
    return null;
  }

  private static JsonNode nullToMissing(JsonNode node) {
    return node.isNull() ? JSON.missingNode() : node;
  }

  /** The number a chart shows for a cohort's (or any group's) indicator, null if none. */
  private static BigDecimal shown(JsonNode page, String chart, String cohortId, String indicator) {
    JsonNode datasets = page.path("charts").path(chart).path("datasets");
    for (JsonNode dataset : datasets) {
      for (int i = 0; i < dataset.path("refs").size(); i++) {
        JsonNode ref = dataset.path("refs").get(i);
        JsonNode value = dataset.path("data").get(i);
        if (ref.path("indicator").asText().equals(indicator)
            && (cohortId == null || cohortId.equals(ref.path("key").path("cohortId").asText()))
            && value.isNumber()) {
          return value.decimalValue();
        }
      }
    }
    return null;
  }

  private static JsonNode indicators(String gateway, String from, String to, String groupBy)
      throws IOException {
    String body =
        given()
            .baseUri(gateway)
            .header("Authorization", Tokens.bearer(USER))
            .queryParam("from", from)
            .queryParam("to", to)
            .queryParam("groupBy", groupBy)
            .get("/api/v1/indicators")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readTree(body);
  }

  private static boolean suppressed(JsonNode answer, String cohortId) {
    for (JsonNode group : answer.path("groups")) {
      if (cohortId.equals(group.path("key").path("cohortId").asText())) {
        for (JsonNode figure : group.path("figures")) {
          if (figure.path("indicator").asText().equals("entrants")) {
            return figure.path("suppressed").asBoolean() && !figure.path("numerator").isNumber();
          }
        }
      }
    }
    return false;
  }

  private static long entrantsOf(JsonNode answer, String cohortId) {
    for (JsonNode group : answer.path("groups")) {
      if (cohortId.equals(group.path("key").path("cohortId").asText())) {
        for (JsonNode figure : group.path("figures")) {
          if (figure.path("indicator").asText().equals("entrants")
              && figure.path("category").isNull()) {
            return figure.path("numerator").asLong(-1);
          }
        }
      }
    }
    return -1;
  }

  /** A failed clean-up must not hide why the test failed. */
  private static void forgetQuietly(String gateway) {
    try {
      KeycloakAdmin.forgetImpactPageAt(gateway);
    } catch (IOException | RuntimeException e) {
      System.err.println("could not remove the impact page at " + gateway + " from Keycloak: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs the browser script; fails with what it saw and where its screenshots are if it fails. */
  private static JsonNode driveImpactPage(String gateway) throws IOException, InterruptedException {
    assertThat(CHROMIUM)
        .as("Chromium (./passerelle test installs it: apt-get install -y chromium)")
        .isExecutable();
    assertThat(BROWSER.resolve("node_modules/playwright-core"))
        .as("playwright-core (npm ci in %s, done by the build)", BROWSER)
        .isDirectory();
    Files.createDirectories(AppProcess.LOGS);
    Path output = AppProcess.LOGS.resolve("impact-browser.json");
    ProcessBuilder builder =
        new ProcessBuilder("node", "impact-page.mjs")
            .directory(BROWSER.toFile())
            .redirectOutput(output.toFile())
            .redirectError(AppProcess.LOGS.resolve("impact-browser.log").toFile());
    builder.environment().put("PASSERELLE_GATEWAY_URL", gateway);
    builder.environment().put("PASSERELLE_BROWSER_USER", USER);
    builder.environment().put("PASSERELLE_BROWSER_PASSWORD", Tokens.demoPassword());
    builder.environment().put("PASSERELLE_SCREENSHOTS", SCREENSHOTS.toString());
    builder.environment().put("CHROMIUM", CHROMIUM.toString());
    Process process = builder.start();
    boolean ended = process.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      // Chromium runs under node: kill it too, or it lingers on a 2-core machine.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String seen = Files.readString(output, StandardCharsets.UTF_8).strip();
    assertThat(ended && process.exitValue() == 0)
        .as(
            "the browser script failed (screenshot: %s); it saw: %s",
            SCREENSHOTS.resolve("impact-failure.png"), seen)
        .isTrue();
    return JSON.readTree(seen.lines().reduce((first, last) -> last).orElse("{}"));
  }
}
