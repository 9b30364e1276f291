package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * Sites and programmes: platform admins create and change them (ETag, If-Match, Idempotency-Key,
 * duplicates, bad input on every field), every other role is refused writing and reads them.
 */
@QuarkusTest
class ReferenceDataResourceTest {

  static final String SITES = "/api/v1/sites";
  static final String PROGRAMMES = "/api/v1/programmes";

  /** Every role but platform-admin, each refused every write. */
  static final List<String> NOT_ADMINS =
      List.of(
          "country-admin-fr",
          "country-admin-ma",
          "site-staff-fr",
          "site-staff-ma",
          "learner-fr",
          "learner-ma",
          "partner-fr",
          "partner-ma",
          "integration-fr",
          "integration-ma");

  @Inject EntityManager entityManager;

  static RequestSpecification as(String caller) {
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType(ContentType.JSON);
    }
    return Api.as(caller);
  }

  /** A code no other test uses: the country's prefix and random letters. */
  static String newSiteCode(String country) {
    return country + "-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  static String newProgrammeCode() {
    return "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  static String siteBody(String code, String country, String timeZone) {
    return """
        {"code": "%s", "name": "École du numérique de Test", "city": "Montreuil",
         "region": "Île-de-France", "country": "%s", "timeZone": "%s"}
        """
        .formatted(code, country, timeZone);
  }

  /** A site created by a platform admin; its code. */
  static String createSite(String country, String timeZone) {
    String code = newSiteCode(country);
    as("platform-admin").body(siteBody(code, country, timeZone)).post(SITES).then().statusCode(201);
    return code;
  }

  static String programmeBody(String code) {
    return """
        {"code": "%s",
         "titles": {"fr": "Technicien cybersécurité", "en": "Cybersecurity technician",
                    "ar": "تقني الأمن السيبراني"},
         "jobTrack": "CYBERSECURITY",
         "certification": {"framework": "RNCP", "code": "RNCP38500", "level": 5},
         "durationWeeks": 32,
         "competencyBlocks": [
           {"code": "BC01", "titleFr": "Sécuriser un réseau", "titleEn": "Secure a network",
            "titleAr": "تأمين شبكة"},
           {"code": "BC02", "titleFr": "Détecter les incidents", "titleEn": "Detect incidents",
            "titleAr": "كشف الحوادث"},
           {"code": "BC03", "titleFr": "Répondre aux incidents", "titleEn": "Respond to incidents",
            "titleAr": "الاستجابة للحوادث"}]}
        """
        .formatted(code);
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private long sites() {
    return count("select count(*) from site");
  }

  private long programmes() {
    return count("select count(*) from programme") * 1000
        + count("select count(*) from competency_block");
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> blocks(String programme) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (List<Object[]>)
                    entityManager
                        .createNativeQuery(
                            "select code, position, title_en from competency_block"
                                + " where programme_code = ?1 order by position")
                        .setParameter(1, programme)
                        .getResultList());
  }

  private static void invalid(ValidatableResponse response, String field) {
    response
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  private static ValidatableResponse patch(String path, String ifMatch, String body) {
    RequestSpecification request = as("platform-admin").body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.patch(path).then();
  }

  @Test
  void everyAuthenticatedCallerReadsSitesAndProgrammes() {
    as("learner-ma")
        .queryParam("size", 100)
        .get(SITES)
        .then()
        .statusCode(200)
        .body("items.code", hasItems("FR-CERGY", "FR-SEVRAN", "MA-CASABLANCA", "MA-FES"));
    as("partner-fr")
        .queryParam("country", "MA")
        .queryParam("size", 100)
        .get(SITES)
        .then()
        .statusCode(200)
        .body("items.code", hasItems("MA-CASABLANCA", "MA-FES"))
        .body("items.country", everyItem(equalTo("MA")))
        .body("items.find { it.code == 'MA-FES' }.timeZone", equalTo("Africa/Casablanca"));
    as("learner-fr")
        .queryParam("size", 100)
        .get(PROGRAMMES)
        .then()
        .statusCode(200)
        .body("items.code", hasItems("WEB-DEV", "AI-DEV"))
        .body("items.find { it.code == 'WEB-DEV' }.certification.level", equalTo(5))
        .body("items.find { it.code == 'WEB-DEV' }.competencyBlocks.code", contains("BC01", "BC02"))
        .body(
            "items.find { it.code == 'WEB-DEV' }.titles.ar", equalTo("مطور الويب والويب المتنقل"));
    for (String caller : NOT_ADMINS) {
      as(caller)
          .get(SITES + "/MA-FES")
          .then()
          .statusCode(200)
          .header("ETag", "\"0\"")
          .body("code", equalTo("MA-FES"))
          .body("city", equalTo("Fès"))
          .body("timeZone", equalTo("Africa/Casablanca"));
      as(caller)
          .get(PROGRAMMES + "/WEB-DEV")
          .then()
          .statusCode(200)
          .header("ETag", "\"0\"")
          .body("jobTrack", equalTo("WEB_MOBILE_DEVELOPMENT"))
          .body("certification.framework", equalTo("RNCP"))
          .body("certification.code", equalTo("RNCP37674"))
          .body("durationWeeks", equalTo(28))
          .body("competencyBlocks.code", contains("BC01", "BC02"))
          .body(
              "competencyBlocks[1].titleEn",
              equalTo("Develop the back end of a secure web or mobile web application"));
    }
    given().get(SITES).then().statusCode(401);
    given().get(SITES + "/MA-FES").then().statusCode(401);
    given().get(PROGRAMMES + "/WEB-DEV").then().statusCode(401);
    as("learner-fr").queryParam("size", 101).get(SITES).then().statusCode(400);
    as("learner-fr").queryParam("size", 101).get(PROGRAMMES).then().statusCode(400);
    as("learner-fr").queryParam("country", "XX").get(SITES).then().statusCode(400);
    as("learner-fr")
        .queryParam("page", 21474837)
        .queryParam("size", 100)
        .get(SITES)
        .then()
        .statusCode(400);
    as("learner-fr")
        .get(SITES + "/FR-NOWHERE")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as("learner-fr")
        .get(PROGRAMMES + "/NO-SUCH")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void platformAdminsCreateReadAndChangeSites() {
    String code = newSiteCode("FR");
    as("platform-admin")
        .body(siteBody(code, "FR", "Europe/Paris"))
        .post(SITES)
        .then()
        .statusCode(201)
        .header("Location", endsWith(SITES + "/" + code))
        .header("ETag", "\"0\"")
        .body("code", equalTo(code))
        .body("name", equalTo("École du numérique de Test"))
        .body("country", equalTo("FR"))
        .body("version", equalTo(0));
    assertThat(
            count("select count(*) from site where code = '" + code + "' and city = 'Montreuil'"))
        .isEqualTo(1);
    as("learner-ma")
        .get(SITES + "/" + code)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("region", equalTo("Île-de-France"))
        .body("timeZone", equalTo("Europe/Paris"));

    patch(
            SITES + "/" + code,
            "\"0\"",
            "{\"name\": \"  Campus de Montreuil \", \"timeZone\": \"Europe/Brussels\"}")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("name", equalTo("Campus de Montreuil"))
        .body("city", equalTo("Montreuil"))
        .body("timeZone", equalTo("Europe/Brussels"))
        .body("code", equalTo(code))
        .body("country", equalTo("FR"));
    // the merge-patch media type, and a patch that changes nothing keeps the version
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"city\": \"Montreuil\"}")
        .patch(SITES + "/" + code)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
    patch(SITES + "/" + code, "\"0\"", "{\"city\": \"Bagnolet\"}")
        .statusCode(412)
        .contentType("application/problem+json");
    patch(SITES + "/" + code, null, "{\"city\": \"Bagnolet\"}")
        .statusCode(428)
        .contentType("application/problem+json");
    patch(SITES + "/FR-NOWHERE", "\"0\"", "{\"city\": \"Bagnolet\"}").statusCode(404);
    // the code and the country never change; required fields cannot be removed
    invalid(patch(SITES + "/" + code, "\"1\"", "{\"code\": \"FR-OTHER\"}"), "code");
    invalid(patch(SITES + "/" + code, "\"1\"", "{\"country\": \"MA\"}"), "country");
    invalid(patch(SITES + "/" + code, "\"1\"", "{\"name\": null}"), "name");
    invalid(patch(SITES + "/" + code, "\"1\"", "{\"city\": \" \"}"), "city");
    invalid(
        patch(SITES + "/" + code, "\"1\"", "{\"region\": \"" + "r".repeat(101) + "\"}"), "region");
    invalid(patch(SITES + "/" + code, "\"1\"", "{\"timeZone\": \"Europe/Atlantis\"}"), "timeZone");
    invalid(patch(SITES + "/" + code, "\"1\"", "{\"timeZone\": \"+02:00\"}"), "timeZone");
    patch(SITES + "/" + code, "\"1\"", "{").statusCode(400);
    as("platform-admin")
        .get(SITES + "/" + code)
        .then()
        .header("ETag", "\"1\"")
        .body("city", equalTo("Montreuil"))
        .body("region", equalTo("Île-de-France"))
        .body("timeZone", equalTo("Europe/Brussels"));
  }

  @Test
  void aSiteCodeIsTakenOnceAndRetriesWithTheSameKeyReturnTheFirstResult() {
    String code = newSiteCode("MA");
    String key = "site-" + UUID.randomUUID();
    String body = siteBody(code, "MA", "Africa/Casablanca");
    as("platform-admin")
        .header("Idempotency-Key", key)
        .body(body)
        .post(SITES)
        .then()
        .statusCode(201);
    long before = sites();
    as("platform-admin")
        .header("Idempotency-Key", key)
        .body(body)
        .post(SITES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("code", equalTo(code));
    as("platform-admin")
        .body(body.replace("Montreuil", "Rabat"))
        .post(SITES)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/conflict"));
    as("platform-admin")
        .header("Idempotency-Key", key)
        .body(body.replace("Montreuil", "Rabat"))
        .post(SITES)
        .then()
        .statusCode(422);
    assertThat(sites()).isEqualTo(before);
    as("platform-admin").get(SITES + "/" + code).then().body("city", equalTo("Montreuil"));
  }

  @Test
  void badSitesAreRefusedNamingTheFieldAndNothingIsWritten() {
    String code = newSiteCode("FR");
    String good = siteBody(code, "FR", "Europe/Paris");
    String[][] bad = {
      {good.replace(code, code.toLowerCase(Locale.ROOT)), "code"},
      {good.replace(code, "FR-" + "A".repeat(62)), "code"},
      {good.replace(code, "FR--DOUBLE"), "code"},
      {good.replace(code, "FR_SEVRAN"), "code"},
      {good.replace("\"code\": \"" + code + "\",", ""), "code"},
      {good.replace(code, "MA" + code.substring(2)), "code"},
      {good.replace("École du numérique de Test", " "), "name"},
      {good.replace("École du numérique de Test", "n".repeat(201)), "name"},
      {good.replace("\"name\": \"École du numérique de Test\",", ""), "name"},
      {good.replace("\"Montreuil\"", "\"" + "c".repeat(101) + "\""), "city"},
      {good.replace("\"Montreuil\"", "\"\""), "city"},
      {good.replace("Île-de-France", "r".repeat(101)), "region"},
      {good.replace("\"Île-de-France\"", "null"), "region"},
      {good.replace("\"country\": \"FR\"", "\"country\": \"XX\""), "country"},
      {good.replace("\"country\": \"FR\"", "\"country\": \"fr\""), "country"},
      {good.replace("Europe/Paris", "Europe/Atlantis"), "timeZone"},
      {good.replace("Europe/Paris", "UTC+1"), "timeZone"},
      {good.replace("Europe/Paris", "z".repeat(65)), "timeZone"},
      {good.replace("\"Europe/Paris\"", "3"), "timeZone"},
      {good.replace("}", ", \"version\": 4}"), "version"},
    };
    long before = sites();
    for (String[] example : bad) {
      invalid(as("platform-admin").body(example[0]).post(SITES).then(), example[1]);
    }
    as("platform-admin").body("{").post(SITES).then().statusCode(400);
    as("platform-admin").body("[]").post(SITES).then().statusCode(400);
    assertThat(sites()).isEqualTo(before);
    as("platform-admin").get(SITES + "/" + code).then().statusCode(404);
  }

  @Test
  void onlyPlatformAdminsWriteReferenceData() {
    String site = createSite("FR", "Europe/Paris");
    String programme = newProgrammeCode();
    as("platform-admin").body(programmeBody(programme)).post(PROGRAMMES).then().statusCode(201);
    long sitesBefore = sites();
    long programmesBefore = programmes();
    for (String caller : NOT_ADMINS) {
      as(caller)
          .body(siteBody(newSiteCode("FR"), "FR", "Europe/Paris"))
          .post(SITES)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      as(caller)
          .header("If-Match", "\"0\"")
          .body("{\"name\": \"Renamed\"}")
          .patch(SITES + "/" + site)
          .then()
          .statusCode(403);
      as(caller)
          .body(programmeBody(newProgrammeCode()))
          .post(PROGRAMMES)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      as(caller)
          .header("If-Match", "\"0\"")
          .body("{\"durationWeeks\": 3}")
          .patch(PROGRAMMES + "/" + programme)
          .then()
          .statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(siteBody(newSiteCode("FR"), "FR", "Europe/Paris"))
        .post(SITES)
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(programmeBody(newProgrammeCode()))
        .post(PROGRAMMES)
        .then()
        .statusCode(401);
    assertThat(sites()).isEqualTo(sitesBefore);
    assertThat(programmes()).isEqualTo(programmesBefore);
    as("platform-admin")
        .get(SITES + "/" + site)
        .then()
        .header("ETag", "\"0\"")
        .body("name", equalTo("École du numérique de Test"));
    as("platform-admin")
        .get(PROGRAMMES + "/" + programme)
        .then()
        .header("ETag", "\"0\"")
        .body("durationWeeks", equalTo(32));
  }

  @Test
  void platformAdminsCreateProgrammesWithTheirCompetencyBlocks() {
    String code = newProgrammeCode();
    as("platform-admin")
        .body(programmeBody(code))
        .post(PROGRAMMES)
        .then()
        .statusCode(201)
        .header("Location", endsWith(PROGRAMMES + "/" + code))
        .header("ETag", "\"0\"")
        .body("code", equalTo(code))
        .body("titles.en", equalTo("Cybersecurity technician"))
        .body("jobTrack", equalTo("CYBERSECURITY"))
        .body("certification.framework", equalTo("RNCP"))
        .body("certification.code", equalTo("RNCP38500"))
        .body("certification.level", equalTo(5))
        .body("durationWeeks", equalTo(32))
        .body("competencyBlocks.code", contains("BC01", "BC02", "BC03"));
    assertThat(blocks(code))
        .extracting(row -> row[0] + "@" + row[1])
        .containsExactly("BC01@1", "BC02@2", "BC03@3");
    as("partner-ma")
        .get(PROGRAMMES + "/" + code)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("titles.ar", equalTo("تقني الأمن السيبراني"))
        .body("competencyBlocks[2].titleFr", equalTo("Répondre aux incidents"));

    // without blocks nor certification code, in the Moroccan framework
    String moroccan = newProgrammeCode();
    as("platform-admin")
        .body(
            """
            {"code": "%s", "titles": {"fr": "Données", "en": "Data", "ar": "البيانات"},
             "jobTrack": "DATA", "certification": {"framework": "MA-CNC", "level": 6},
             "durationWeeks": 104}
            """
                .formatted(moroccan))
        .post(PROGRAMMES)
        .then()
        .statusCode(201)
        .body("certification.code", nullValue())
        .body("competencyBlocks", equalTo(List.of()));

    // taken once; retries with the same key return the first result
    long before = programmes();
    as("platform-admin")
        .body(programmeBody(code))
        .post(PROGRAMMES)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    String key = "programme-" + UUID.randomUUID();
    String again = newProgrammeCode();
    for (int i = 0; i < 2; i++) {
      as("platform-admin")
          .header("Idempotency-Key", key)
          .body(programmeBody(again))
          .post(PROGRAMMES)
          .then()
          .statusCode(201)
          .body("code", equalTo(again));
    }
    assertThat(programmes()).isEqualTo(before + 1003);
  }

  @Test
  void badProgrammesAreRefusedNamingTheFieldAndNothingIsWritten() {
    String code = newProgrammeCode();
    String good = programmeBody(code);
    String block =
        "{\"code\": \"B%d\", \"titleFr\": \"f\", \"titleEn\": \"e\", \"titleAr\": \"a\"}";
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append(block.formatted(i));
    }
    String blocks = good.substring(good.indexOf("\"competencyBlocks\""), good.lastIndexOf('}'));
    String[][] bad = {
      {good.replace(code, "p-lower"), "code"},
      {good.replace(code, "P".repeat(65)), "code"},
      {good.replace("\"code\": \"" + code + "\",", ""), "code"},
      {good.replace("\"Technicien cybersécurité\"", "\"  \""), "titles.fr"},
      {good.replace("Cybersecurity technician", "t".repeat(201)), "titles.en"},
      {good.replace("\"ar\": \"تقني الأمن السيبراني\"", "\"ar\": null"), "titles.ar"},
      {good.replace("\"CYBERSECURITY\"", "\"ROBOTICS\""), "jobTrack"},
      {good.replace("\"jobTrack\": \"CYBERSECURITY\",", ""), "jobTrack"},
      {
        good.replace("\"framework\": \"RNCP\"", "\"framework\": \"EQF\""), "certification.framework"
      },
      {
        good.replace("\"framework\": \"RNCP\"", "\"framework\": \"rncp\""),
        "certification.framework"
      },
      {good.replace("\"RNCP38500\"", "\"38500\""), "certification.code"},
      {good.replace("\"RNCP38500\"", "\"RNCP 38500\""), "certification.code"},
      {good.replace("\"level\": 5", "\"level\": 2"), "certification.level"},
      {good.replace("\"level\": 5", "\"level\": 9"), "certification.level"},
      {good.replace("\"level\": 5", "\"level\": \"five\""), "certification.level"},
      {good.replace(", \"level\": 5", ""), "certification.level"},
      {good.replace("\"durationWeeks\": 32", "\"durationWeeks\": 0"), "durationWeeks"},
      {good.replace("\"durationWeeks\": 32", "\"durationWeeks\": 105"), "durationWeeks"},
      {good.replace("\"durationWeeks\": 32,", ""), "durationWeeks"},
      {good.replace(blocks, "\"competencyBlocks\": [" + many + "]\n"), "competencyBlocks"},
      {good.replace("\"code\": \"BC02\"", "\"code\": \"BC01\""), "competencyBlocks[1].code"},
      {good.replace("\"code\": \"BC03\"", "\"code\": \"bc 3\""), "competencyBlocks[2].code"},
      {good.replace("\"Sécuriser un réseau\"", "\"\""), "competencyBlocks[0].titleFr"},
      {good.replace("Detect incidents", "d".repeat(301)), "competencyBlocks[1].titleEn"},
      {good.replace("\"تأمين شبكة\"", "null"), "competencyBlocks[0].titleAr"},
    };
    long before = programmes();
    for (String[] example : bad) {
      invalid(as("platform-admin").body(example[0]).post(PROGRAMMES).then(), example[1]);
    }
    as("platform-admin").body("{").post(PROGRAMMES).then().statusCode(400);
    assertThat(programmes()).isEqualTo(before);
    as("platform-admin").get(PROGRAMMES + "/" + code).then().statusCode(404);
  }

  @Test
  void aProgrammeChangesByMergePatchAndItsBlocksAreReplaced() {
    String code = newProgrammeCode();
    as("platform-admin").body(programmeBody(code)).post(PROGRAMMES).then().statusCode(201);
    String url = PROGRAMMES + "/" + code;

    patch(url, "\"0\"", "{\"titles\": {\"en\": \"Cyber technician\"}, \"durationWeeks\": 30}")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("titles.en", equalTo("Cyber technician"))
        .body("titles.fr", equalTo("Technicien cybersécurité"))
        .body("durationWeeks", equalTo(30))
        .body("certification.code", equalTo("RNCP38500"));
    // certification merges field by field; a null code removes it
    patch(url, "\"1\"", "{\"certification\": {\"code\": null, \"level\": 6}}")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("certification.framework", equalTo("RNCP"))
        .body("certification.code", nullValue())
        .body("certification.level", equalTo(6));
    // the blocks alone: replaced in the new order (one removed, one added), a new version
    patch(
            url,
            "\"2\"",
            """
            {"competencyBlocks": [
              {"code": "BC03", "titleFr": "Répondre", "titleEn": "Respond", "titleAr": "استجابة"},
              {"code": "BC01", "titleFr": "Sécuriser", "titleEn": "Secure", "titleAr": "تأمين"},
              {"code": "BC04", "titleFr": "Auditer", "titleEn": "Audit", "titleAr": "تدقيق"}]}
            """)
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("version", equalTo(3))
        .body("competencyBlocks.code", contains("BC03", "BC01", "BC04"))
        .body("competencyBlocks.titleEn", contains("Respond", "Secure", "Audit"));
    assertThat(blocks(code))
        .extracting(row -> row[0] + "@" + row[1] + ":" + row[2])
        .containsExactly("BC03@1:Respond", "BC01@2:Secure", "BC04@3:Audit");
    // the same list again changes nothing, nor does an empty patch
    patch(
            url,
            "\"3\"",
            """
            {"competencyBlocks": [
              {"code": "BC03", "titleFr": "Répondre", "titleEn": "Respond", "titleAr": "استجابة"},
              {"code": "BC01", "titleFr": "Sécuriser", "titleEn": "Secure", "titleAr": "تأمين"},
              {"code": "BC04", "titleFr": "Auditer", "titleEn": "Audit", "titleAr": "تدقيق"}]}
            """)
        .statusCode(200)
        .header("ETag", "\"3\"");
    patch(url, "\"3\"", "{}").statusCode(200).header("ETag", "\"3\"");
    // a framework change is checked with the level and code the programme keeps
    patch(url, "\"3\"", "{\"certification\": {\"framework\": \"MA-CNC\"}, \"jobTrack\": \"AI\"}")
        .statusCode(200)
        .header("ETag", "\"4\"")
        .body("certification.framework", equalTo("MA-CNC"))
        .body("certification.level", equalTo(6))
        .body("jobTrack", equalTo("AI"));

    // refused: stale or missing If-Match, bad fields, removing required ones, changing the code
    patch(url, "\"3\"", "{\"durationWeeks\": 12}").statusCode(412);
    patch(url, null, "{\"durationWeeks\": 12}").statusCode(428);
    invalid(patch(url, "\"4\"", "{\"code\": \"OTHER\"}"), "code");
    invalid(patch(url, "\"4\"", "{\"titles\": null}"), "titles");
    invalid(patch(url, "\"4\"", "{\"titles\": {\"fr\": \" \"}}"), "titles.fr");
    invalid(patch(url, "\"4\"", "{\"jobTrack\": \"ROBOTICS\"}"), "jobTrack");
    invalid(
        patch(url, "\"4\"", "{\"certification\": {\"framework\": \"EQF\"}}"),
        "certification.framework");
    invalid(
        patch(url, "\"4\"", "{\"certification\": {\"framework\": null}}"),
        "certification.framework");
    invalid(patch(url, "\"4\"", "{\"certification\": {\"level\": 2}}"), "certification.level");
    invalid(patch(url, "\"4\"", "{\"certification\": {\"level\": 9}}"), "certification.level");
    invalid(
        patch(url, "\"4\"", "{\"certification\": {\"framework\": \"RNCP\", \"code\": \"CNC-12\"}}"),
        "certification.code");
    invalid(patch(url, "\"4\"", "{\"certification\": {\"code\": \"x\"}}"), "certification.code");
    invalid(patch(url, "\"4\"", "{\"durationWeeks\": 105}"), "durationWeeks");
    invalid(patch(url, "\"4\"", "{\"durationWeeks\": null}"), "durationWeeks");
    invalid(patch(url, "\"4\"", "{\"competencyBlocks\": null}"), "competencyBlocks");
    invalid(
        patch(
            url,
            "\"4\"",
            """
            {"competencyBlocks": [
              {"code": "BC01", "titleFr": "a", "titleEn": "b", "titleAr": "c"},
              {"code": "BC01", "titleFr": "d", "titleEn": "e", "titleAr": "f"}]}
            """),
        "competencyBlocks[1].code");
    patch(PROGRAMMES + "/NO-SUCH", "\"0\"", "{\"durationWeeks\": 12}").statusCode(404);
    as("platform-admin")
        .get(url)
        .then()
        .header("ETag", "\"4\"")
        .body("durationWeeks", equalTo(30))
        .body("certification.framework", equalTo("MA-CNC"))
        .body("competencyBlocks.code", contains("BC03", "BC01", "BC04"));
    assertThat(blocks(code)).hasSize(3);

    // every block removed
    patch(url, "\"4\"", "{\"competencyBlocks\": []}")
        .statusCode(200)
        .header("ETag", "\"5\"")
        .body("competencyBlocks", equalTo(List.of()));
    assertThat(blocks(code)).isEmpty();
  }
}
