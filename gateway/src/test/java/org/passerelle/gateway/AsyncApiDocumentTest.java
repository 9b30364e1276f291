package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The events' AsyncAPI document, served as api-contract built it (its content is checked there,
 * against the services' schema files).
 */
@QuarkusTest
class AsyncApiDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void isPublicAndTheDocumentTheBuildGenerated() throws IOException {
    String body =
        given()
            .get("/q/asyncapi")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    JsonNode document = JSON.readTree(body);

    assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(document.at("/info/title").asText()).isEqualTo("Passerelle events");
    try (InputStream built =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("META-INF/asyncapi.json")) {
      assertThat(built).isNotNull();
      assertThat(document).isEqualTo(JSON.readTree(built));
    }
  }

  @Test
  void yamlOnRequestWithTheSameContent() throws IOException {
    JsonNode json = JSON.readTree(given().get("/q/asyncapi").then().extract().asString());
    String byQuery =
        given()
            .queryParam("format", "yaml")
            .get("/q/asyncapi")
            .then()
            .statusCode(200)
            .contentType("application/yaml")
            .extract()
            .asString();
    assertThat(new YAMLMapper().readTree(byQuery)).isEqualTo(json);
    given()
        .header("Accept", "application/yaml")
        .get("/q/asyncapi")
        .then()
        .statusCode(200)
        .contentType("application/yaml");
    given()
        .header("Accept", "application/json, application/yaml;q=0.5")
        .get("/q/asyncapi")
        .then()
        .statusCode(200)
        .contentType("application/json");
  }
}
