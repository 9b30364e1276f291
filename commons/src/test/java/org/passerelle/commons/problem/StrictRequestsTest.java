package org.passerelle.commons.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.problem.Problem;

/**
 * Requests are read strictly (issue 13): a body only as the media type its operation declares, one
 * JSON document with each key once and well-formed text, and query parameters that are unknown to
 * the operation or do not convert answer 400 naming them. Each refusal is problem+json and writes
 * nothing.
 */
@QuarkusTest
class StrictRequestsTest {

  private static final String NOTES = "/test/notes";
  private static final String LOOSE_NOTES = "/test/loose-notes";
  private static final String GOOD = "{\"text\": \"a\", \"colour\": \"RED\"}";

  @Inject EntityManager entityManager;

  @TestHTTPResource("/")
  URI root;

  @Test
  void aBodyOfAnotherMediaTypeIsRefusedWith415AndNothingIsWritten() {
    String before = written();
    for (String path : new String[] {NOTES, LOOSE_NOTES}) {
      for (String type :
          new String[] {"text/plain", "application/xml", "text/csv", "application/problem+json"}) {
        refused(
                given().contentType(type).body(GOOD.getBytes(StandardCharsets.UTF_8)).post(path),
                415,
                "unsupported-media-type")
            .body("detail", containsString("application/json"));
      }
    }
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void aBodyWithoutContentTypeIsRefusedWith415AndNothingIsWritten() throws Exception {
    String id = created();
    String before = written();
    for (String[] call :
        new String[][] {{"POST", NOTES}, {"POST", LOOSE_NOTES}, {"PATCH", NOTES + "/" + id}}) {
      // java.net.http sends no Content-Type unless told, where RestAssured always adds one.
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(root.resolve(call[1].substring(1)))
                      .method(
                          call[0],
                          HttpRequest.BodyPublishers.ofString(
                              "{\"text\": \"b\", \"colour\": \"RED\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(415);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
      assertThat(response.body()).contains(Problem.TYPE_BASE + "unsupported-media-type");
      if (call[0].equals("PATCH")) {
        assertThat(response.body()).contains("application/merge-patch+json");
      }
    }
    assertThat(written()).isEqualTo(before);
    assertThat(text(id)).isEqualTo("a");
  }

  @Test
  void aPatchTakesJsonOrMergePatchOnly() {
    String id = created();
    refused(
        given().contentType("text/plain").body("{\"text\": \"b\"}").patch(NOTES + "/" + id),
        415,
        "unsupported-media-type");
    assertThat(text(id)).isEqualTo("a");
    given()
        .contentType("application/merge-patch+json")
        .body("{\"text\": \"b\"}")
        .patch(NOTES + "/" + id)
        .then()
        .statusCode(200)
        .body("text", equalTo("b"));
    given()
        .contentType("application/json; charset=UTF-8")
        .body("{\"text\": \"c\"}")
        .patch(NOTES + "/" + id)
        .then()
        .statusCode(200);
    assertThat(text(id)).isEqualTo("c");
  }

  @Test
  void contentAfterTheJsonDocumentIsMalformed() {
    String before = written();
    for (String body :
        new String[] {
          GOOD + " {\"text\": \"b\", \"colour\": \"RED\"}",
          GOOD + "]",
          GOOD + " 1",
          GOOD + " x",
          GOOD + GOOD
        }) {
      refused(json().body(body).post(NOTES), 400, "malformed-json");
    }
    refused(json().body(GOOD + " {}").post(NOTES), 400, "malformed-json")
        .body("detail", equalTo("Le corps contient autre chose après le document JSON."));
    assertThat(written()).isEqualTo(before);
    String id =
        json().body(GOOD + " \n\t ").post(NOTES).then().statusCode(200).extract().path("id");
    assertThat(text(id)).isEqualTo("a");
  }

  @Test
  void aKeyGivenTwiceIsMalformedAndNamed() {
    String before = written();
    refused(
            json()
                .header("Accept-Language", "en")
                .body("{\"text\": \"a\", \"colour\": \"RED\", \"text\": \"b\"}")
                .post(NOTES),
            400,
            "malformed-json")
        .body("errors.field", contains("text"))
        .body("detail", equalTo("Field \"text\" appears more than once."));
    refused(
            json()
                .body("{\"text\": \"a\", \"colour\": \"RED\", \"colour\": \"GREEN\"}")
                .post(LOOSE_NOTES),
            400,
            "malformed-json")
        .body("errors.field", contains("colour"));
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void aLoneSurrogateIsRefusedNamingTheFieldNotStoredAsAQuestionMark() {
    String before = written();
    for (String text : new String[] {"a\\ud800b", "\\udc00", "a\\ud83d", "\\ude00\\ud83d"}) {
      refused(
              json().body("{\"text\": \"" + text + "\", \"colour\": \"RED\"}").post(NOTES),
              400,
              "invalid-request")
          .body("errors.field", contains("text"));
    }
    // The same half pair sent as raw bytes (CESU-8) is not UTF-8 at all.
    byte[] raw = "{\"text\": \"a__\", \"colour\": \"RED\"}".getBytes(StandardCharsets.UTF_8);
    int at = new String(raw, StandardCharsets.UTF_8).indexOf("__");
    byte[] cesu = new byte[raw.length + 1];
    System.arraycopy(raw, 0, cesu, 0, at);
    cesu[at] = (byte) 0xED;
    cesu[at + 1] = (byte) 0xA0;
    cesu[at + 2] = (byte) 0x80;
    System.arraycopy(raw, at + 2, cesu, at + 3, raw.length - at - 2);
    ValidatableResponse refusedRaw =
        given().contentType("application/json").body(cesu).post(NOTES).then();
    refusedRaw.statusCode(400).contentType(Problem.MEDIA_TYPE);
    assertThat(written()).isEqualTo(before);

    // A whole pair is a character like any other, and is stored as sent.
    String id =
        json()
            .body("{\"text\": \"\\ud83d\\ude00 ok\", \"colour\": \"RED\"}")
            .post(NOTES)
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertThat(text(id)).isEqualTo("\uD83D\uDE00 ok");
  }

  @Test
  void aQueryParameterThatDoesNotConvertIsA400NamingIt() {
    String[][] cases = {
      {"size=abc", "size"},
      {"size=99999999999", "size"},
      {"page=1.5", "page"},
      {"page=99999999999999999999", "page"},
      {"colour=PURPLE", "colour"},
      {"author=nope", "author"},
      {"since=yesterday", "since"},
      {"tag=" + UUID.randomUUID() + "&tag=nope", "tag"},
      {"size=1000", "size"},
      {"page=-1", "page"}
    };
    for (String[] query : cases) {
      refused(given().get(NOTES + "?" + query[0]), 400, "validation-failed")
          .body("errors.field", contains(query[1]));
    }
    given()
        .get(NOTES + "?size=5&page=0&colour=RED&author=" + UUID.randomUUID() + "&since=2026-01-01")
        .then()
        .statusCode(200)
        .body("size", equalTo(5));
  }

  @Test
  void aQueryParameterThatDoesNotConvertSaysWhatWouldDoInTheCallersLanguage() {
    refused(
            given().header("Accept-Language", "en").get(NOTES + "?since=notadate"),
            400,
            "validation-failed")
        .body("errors.field", contains("since"))
        .body("errors[0].format", equalTo("date"))
        .body("errors[0].example", equalTo("2026-09-01"))
        .body(
            "detail",
            equalTo(
                "Parameter \"since\" takes a date in ISO 8601 format (YYYY-MM-DD), e.g."
                    + " 2026-09-01."))
        .body("errors[0].message", containsString("since"));
    refused(
            given().header("Accept-Language", "fr").get(NOTES + "?page=abc"),
            400,
            "validation-failed")
        .body("errors.field", contains("page"))
        .body("errors[0].format", equalTo("int32"))
        .body("errors[0].example", equalTo("1"))
        .body("detail", equalTo("Le paramètre « page » attend un nombre entier, par exemple 1."));
    refused(
            given().header("Accept-Language", "ar").get(NOTES + "?colour=NOPE"),
            400,
            "validation-failed")
        .body("errors.field", contains("colour"))
        .body("errors[0].accepted", contains("RED", "GREEN"))
        .body("errors[0].message", equalTo("المعامل «colour» يقبل: RED, GREEN."));
    refused(
            given().get(NOTES + "?tag=" + UUID.randomUUID() + "&tag=nope"),
            400,
            "validation-failed")
        .body("errors.field", contains("tag"))
        .body("errors[0].format", equalTo("uuid"));
  }

  @Test
  void aMalformedIdInThePathStaysNotFound() {
    refused(given().get(NOTES + "/not-a-uuid"), 404, "not-found");
    refused(
        given()
            .contentType("application/json")
            .body("{\"text\": \"b\"}")
            .patch(NOTES + "/not-a-uuid"),
        404,
        "not-found");
  }

  @Test
  void anUnknownQueryParameterIsA400NamingItAndTheKnownOnesStillWork() {
    refused(
            given().header("Accept-Language", "en").get(NOTES + "?colour=RED&pagee=1"),
            400,
            "validation-failed")
        .body("errors.field", contains("pagee"))
        .body("errors.message", contains("Parameter \"pagee\" is unknown."))
        .body(
            "detail",
            equalTo(
                "Unknown parameter(s): pagee. This operation accepts:"
                    + " author, colour, page, since, size, tag."));
    // Names are compared exactly; each unknown one is named once, sorted.
    refused(
            given().get(NOTES + "?Size=5&statut=OPEN&statut=CLOSED&size=5&zz=&a"),
            400,
            "validation-failed")
        .body("errors.field", contains("Size", "a", "statut", "zz"))
        .body("errors.message[0]", equalTo("Le paramètre « Size » est inconnu."));
    refused(
            given().header("Accept-Language", "ar").get(NOTES + "?pagee=1"),
            400,
            "validation-failed")
        .header("Content-Language", "ar")
        .body("errors.message", contains("المعامل «pagee» غير معروف."));
    // An unknown parameter is refused before a known one is converted.
    refused(given().get(NOTES + "?size=abc&pagee=1"), 400, "validation-failed")
        .body("errors.field", contains("pagee"));
    given()
        .get(
            NOTES
                + "?size=5&page=0&colour=RED&author="
                + UUID.randomUUID()
                + "&since=2026-01-01&tag="
                + UUID.randomUUID()
                + "&tag="
                + UUID.randomUUID())
        .then()
        .statusCode(200)
        .body("size", equalTo(5));
    given().get(NOTES).then().statusCode(200);
  }

  @Test
  void anOperationWithoutQueryParametersRefusesAnyAndNothingIsWritten() {
    String id = created();
    String before = written();
    refused(given().get(NOTES + "/" + UUID.randomUUID() + "?page=0"), 400, "validation-failed")
        .body("errors.field", contains("page"))
        .body(
            "detail",
            equalTo("Cette opération n'accepte aucun paramètre de requête ; reçu : page."));
    refused(json().body(GOOD).post(NOTES + "?dryRun=true"), 400, "validation-failed")
        .body("errors.field", contains("dryRun"));
    refused(json().body(GOOD).post(LOOSE_NOTES + "?colour=GREEN"), 400, "validation-failed")
        .body("errors.field", contains("colour"));
    refused(
            json().body("{\"text\": \"b\"}").patch(NOTES + "/" + id + "?text=c"),
            400,
            "validation-failed")
        .body("errors.field", contains("text"));
    assertThat(written()).isEqualTo(before);
    assertThat(text(id)).isEqualTo("a");
    // A caller without access is turned away before its parameters are looked at.
    given().get(NOTES + "/scope?x=1").then().statusCode(401);
    // Quarkus' own pages are not API operations and are left alone.
    given().get("/q/health/live?verbose=1").then().statusCode(200);
  }

  @Test
  void locationStartsWithThePublicBaseUrlWhateverTheRequestSays() {
    String location =
        given()
            .contentType("application/json")
            .header("Host", "evil.example")
            .header("X-Forwarded-Host", "evil.example")
            .header("X-Forwarded-Proto", "http")
            .header("Forwarded", "host=evil.example;proto=http")
            .body(GOOD)
            .post(LOOSE_NOTES)
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(location).isEqualTo("https://api.passerelle.test" + LOOSE_NOTES + "/" + id);
    assertThat(text(id)).isEqualTo("a");
  }

  @Test
  void forwardedHeadersAreNotTrusted() {
    given()
        .header("X-Forwarded-Host", "evil.example")
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Prefix", "/evil")
        .header("Forwarded", "host=evil.example;proto=https")
        .get(LOOSE_NOTES + "/address")
        .then()
        .statusCode(200)
        .body(not(containsString("evil")))
        .body(not(containsString("https")));
  }

  private static io.restassured.specification.RequestSpecification json() {
    return given().contentType("application/json");
  }

  private static ValidatableResponse refused(
      io.restassured.response.Response response, int status, String type) {
    return response
        .then()
        .statusCode(status)
        .contentType(Problem.MEDIA_TYPE)
        .body("status", equalTo(status))
        .body("type", equalTo(Problem.TYPE_BASE + type));
  }

  private String created() {
    return json().body(GOOD).post(NOTES).then().statusCode(200).extract().path("id");
  }

  /** Notes stored and events queued: a refused request adds to neither. */
  private String written() {
    return "notes="
        + Api.count(entityManager, "select count(*) from test_note")
        + " events="
        + Api.count(entityManager, "select count(*) from outbox_event");
  }

  private String text(String id) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    entityManager
                        .createNativeQuery("select text from test_note where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getSingleResult());
  }
}
