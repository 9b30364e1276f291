package org.passerelle.gateway.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncApiGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  private Path service(String name, String... files) throws IOException {
    Path schemas = root.resolve(name + "-service").resolve(AsyncApiGenerator.SCHEMAS);
    Files.createDirectories(schemas);
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(schemas.resolve(files[i]), files[i + 1]);
    }
    return root.resolve(name + "-service");
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

    JsonNode document =
        AsyncApiGenerator.generate(
            List.of(AsyncApiGenerator.read(learning), AsyncApiGenerator.read(quiet)));

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
    assertThatThrownBy(() -> AsyncApiGenerator.read(newer).events().forEach(this::embed))
        .hasMessageContaining("prefixItems");
    Path external = service("b", "x.v1.json", "{\"$ref\": \"common.json#/id\"}");
    assertThatThrownBy(() -> AsyncApiGenerator.read(external).events().forEach(this::embed))
        .hasMessageContaining("common.json");
    Path badName = service("c", "x-v1.json", "{}");
    assertThatThrownBy(() -> AsyncApiGenerator.read(badName))
        .hasMessageContaining("<event-name>.v<N>.json");
  }

  @Test
  void propertiesAndDataNamedLikeKeywordsAreLeftAlone() throws IOException {
    Path service =
        service(
            "d",
            "x.v1.json",
            "{\"properties\": {\"prefixItems\": {\"type\": \"string\"}}, \"enum\": [{\"$ref\": 1}]}");
    AsyncApiGenerator.read(service).events().forEach(this::embed);
  }

  private void embed(AsyncApiGenerator.EventSchema event) {
    AsyncApiGenerator.draft07(event.schema(), "#/p", event.source());
  }

  @Test
  void writesJsonAndTheSameYaml() throws IOException {
    Path output = root.resolve("out/META-INF/asyncapi.json");
    AsyncApiGenerator.main(
        new String[] {output.toString(), service("e", "x.v1.json", "{}").toString()});
    JsonNode json = JSON.readTree(output.toFile());
    JsonNode yaml = new YAMLMapper().readTree(output.resolveSibling("asyncapi.yaml").toFile());
    assertThat(yaml).isEqualTo(json);
    assertThat(json.path("asyncapi").asText()).isEqualTo("3.0.0");
  }

  private static List<String> names(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }
}
