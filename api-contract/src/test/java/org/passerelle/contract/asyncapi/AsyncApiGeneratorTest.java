package org.passerelle.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncApiGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  /** A service's classes directory, with the schema files given as name, content pairs. */
  private Path service(String name, String... files) throws IOException {
    Path schemas = root.resolve(name + "-service").resolve(AsyncApiGenerator.SCHEMAS);
    Files.createDirectories(schemas);
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(schemas.resolve(files[i]), files[i + 1]);
    }
    return root.resolve(name + "-service");
  }

  private static AsyncApiGenerator.Service read(Path classes) throws IOException {
    return AsyncApiGenerator.read(classes.getFileName().toString(), classes);
  }

  @Test
  void everySchemaFileBecomesAMessageOnItsServiceTopic() throws IOException {
    Path learning =
        service(
            "learning-support",
            "mentor-assigned.v2.json",
            """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "x",
             "type": "object", "required": ["mentorId"],
             "properties": {"mentorId": {"$ref": "#/definitions/id"},
                            "menteeId": {"$ref": "#/$defs/id"}},
             "definitions": {"id": {"type": "string", "format": "uuid"}},
             "$defs": {"id": {"$ref": "#/definitions/id"}}}""",
            "mentor-assigned.v1.json",
            "{\"type\": \"object\"}");
    Path quiet = service("quiet");
    Files.delete(quiet.resolve(AsyncApiGenerator.SCHEMAS));

    JsonNode document = AsyncApiGenerator.generate(List.of(read(learning), read(quiet)));

    assertThat(document.at("/channels/learningSupportEvents/address").asText())
        .isEqualTo("learning-support.events");
    assertThat(document.at("/channels/learningSupportDeadLetters/address").asText())
        .isEqualTo("learning-support.events.dlq");
    assertThat(document.at("/channels/quietEvents/messages").size()).isZero();
    assertThat(document.at("/operations/sendLearningSupportEvents/action").asText())
        .isEqualTo("send");
    assertThat(names(document.at("/channels/learningSupportEvents/messages")))
        .containsExactly("mentor-assigned.v1", "mentor-assigned.v2");
    String type = "org.passerelle.learning-support.mentor-assigned.v2";
    JsonNode message = document.at("/components/messages").path(type);
    assertThat(message.at("/headers/properties/ce_type/const").asText()).isEqualTo(type);
    assertThat(message.at("/headers/properties/ce_source/const").asText())
        .isEqualTo("/learning-support");
    JsonNode schema = message.at("/payload/schema");
    assertThat(schema.has("$schema")).isFalse();
    assertThat(schema.has("$id")).isFalse();
    // A local reference still points at the same place once the schema is inside the document.
    String at = "#/components/messages/" + type + "/payload/schema";
    assertThat(schema.at("/properties/mentorId/$ref").asText()).isEqualTo(at + "/definitions/id");
    assertThat(schema.at("/properties/menteeId/$ref").asText()).isEqualTo(at + "/$defs/id");
    assertThat(schema.at("/$defs/id/$ref").asText()).isEqualTo(at + "/definitions/id");
  }

  @Test
  void refusesWhatWouldNotMeanTheSameInTheDocument() throws IOException {
    Path newer = service("a", "x.v1.json", "{\"prefixItems\": [{\"type\": \"string\"}]}");
    assertThatThrownBy(() -> read(newer).events().forEach(this::embed))
        .hasMessageContaining("prefixItems");
    Path external = service("b", "x.v1.json", "{\"$ref\": \"common.json#/id\"}");
    assertThatThrownBy(() -> read(external).events().forEach(this::embed))
        .hasMessageContaining("common.json");
    Path badName = service("c", "x-v1.json", "{}");
    assertThatThrownBy(() -> read(badName)).hasMessageContaining("<event-name>.v<N>.json");
  }

  @Test
  void propertiesAndDataNamedLikeKeywordsAreLeftAlone() throws IOException {
    Path service =
        service(
            "d",
            "x.v1.json",
            "{\"properties\": {\"prefixItems\": {\"type\": \"string\"}}, \"enum\": [{\"$ref\": 1}]}");
    read(service).events().forEach(this::embed);
  }

  private void embed(AsyncApiGenerator.EventSchema event) {
    AsyncApiGenerator.draft07(event.schema(), "#/p", event.source());
  }

  @Test
  void writesJsonAndTheSameYaml() throws IOException {
    Path output = root.resolve("out/META-INF/asyncapi.json");
    AsyncApiGenerator.main(
        new String[] {
          output.toString(), "e-service=" + service("e", "x.v1.json", "{}").toString()
        });
    JsonNode json = JSON.readTree(output.toFile());
    JsonNode yaml = new YAMLMapper().readTree(output.resolveSibling("asyncapi.yaml").toFile());
    assertThat(yaml).isEqualTo(json);
    assertThat(json.path("asyncapi").asText()).isEqualTo("3.0.0");
  }

  /** A packaged service is read from its jar, and named where its schema files are kept. */
  @Test
  void readsTheSchemasOfAServiceJar() throws IOException {
    Path jar = root.resolve("f-service-1.0.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry(AsyncApiGenerator.SCHEMAS + "/y.v1.json"));
      zip.write("{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("org/example/Other.class"));
      zip.closeEntry();
    }
    AsyncApiGenerator.Service service = AsyncApiGenerator.read("f-service", jar);
    assertThat(service.name()).isEqualTo("f");
    assertThat(service.events()).hasSize(1);
    assertThat(service.events().getFirst().source())
        .isEqualTo("f-service/src/main/resources/events/schemas/y.v1.json");
    assertThatThrownBy(() -> AsyncApiGenerator.read("f", jar))
        .hasMessageContaining("<name>-service");
  }

  private static List<String> names(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }
}
