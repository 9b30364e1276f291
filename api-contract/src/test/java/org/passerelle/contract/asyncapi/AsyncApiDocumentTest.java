package org.passerelle.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The events' AsyncAPI document this build generated (the file the gateway serves at /q/asyncapi),
 * checked against the services' schema files as a reader of the repository finds them.
 */
class AsyncApiDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SCHEMA_FILE = Pattern.compile("(.+)\\.v(\\d+)\\.json");

  /** Written by the generate-asyncapi step, before the tests (the module's directory is ./). */
  private static final Path DOCUMENT = Path.of("target/documents/META-INF/asyncapi.json");

  private record SchemaFile(String service, String type, Path file) {}

  @Test
  void isAsyncApi3WithOneChannelPerTopicAndOneMessagePerSchemaFile() throws IOException {
    JsonNode document = JSON.readTree(DOCUMENT.toFile());

    assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(document.at("/info/title").asText()).isEqualTo("Passerelle events");
    assertThat(document.at("/servers/local/host").asText()).isEqualTo("127.0.0.1:9092");
    List<String> addresses = new ArrayList<>();
    document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
    assertThat(addresses)
        .contains(
            "enrollment.events",
            "cohort.events",
            "partnership.events",
            "placement.events",
            "enrollment.events.dlq",
            "cohort.events.dlq",
            "partnership.events.dlq",
            "placement.events.dlq");

    List<SchemaFile> files = schemaFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    JsonNode messages = document.at("/components/messages");
    assertThat(messages.size()).isEqualTo(files.size());
    for (SchemaFile file : files) {
      JsonNode message = messages.path(file.type());
      assertThat(message.isObject()).as("message %s", file.type()).isTrue();
      assertThat(message.at("/headers/properties/ce_type/const").asText()).isEqualTo(file.type());
      assertThat(message.at("/headers/properties/ce_source/const").asText())
          .isEqualTo("/" + file.service());
      assertThat(message.path("contentType").asText()).isEqualTo("application/json");
      assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
      // The schema is embedded as written, without the keywords naming its dialect and location
      // (local references aside, which the generator re-roots).
      ObjectNode schema = (ObjectNode) JSON.readTree(file.file().toFile());
      schema.remove(List.of("$schema", "$id"));
      if (schema.findValue("$ref") == null) {
        assertThat(message.at("/payload/schema")).isEqualTo(schema);
      } else {
        assertThat(message.at("/payload/schema/required")).isEqualTo(schema.path("required"));
      }
      assertThat(message.at("/payload/schemaFormat").asText())
          .isEqualTo("application/schema+json;version=draft-07");
      String reference = "#/components/messages/" + file.type();
      assertThat(channelListing(document, file.service() + ".events", reference)).isTrue();
    }

    JsonNode submitted =
        messages.at("/org.passerelle.enrollment.application-submitted.v1/payload/schema/required");
    assertThat(submitted.toString()).contains("\"learnerId\"");
  }

  private static boolean channelListing(JsonNode document, String topic, String reference) {
    for (JsonNode channel : document.path("channels")) {
      if (channel.path("address").asText().equals(topic)) {
        for (JsonNode message : channel.path("messages")) {
          if (message.path("$ref").asText().equals(reference)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Every event schema file the services keep, found the way a reader of the repository would. */
  private static List<SchemaFile> schemaFiles() throws IOException {
    List<SchemaFile> files = new ArrayList<>();
    List<Path> services;
    try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
      services = modules.filter(dir -> dir.getFileName().toString().endsWith("-service")).toList();
    }
    for (Path service : services) {
      Path schemas = service.resolve("src/main/resources/events/schemas");
      if (!Files.isDirectory(schemas)) {
        continue;
      }
      String name = service.getFileName().toString().replaceFirst("-service$", "");
      try (Stream<Path> listing = Files.list(schemas)) {
        for (Path file : listing.filter(f -> f.toString().endsWith(".json")).toList()) {
          Matcher matcher = SCHEMA_FILE.matcher(file.getFileName().toString());
          assertThat(matcher.matches()).as("schema file name %s", file).isTrue();
          String type = "org.passerelle." + name + "." + matcher.group(1) + ".v" + matcher.group(2);
          files.add(new SchemaFile(name, type, file));
        }
      }
    }
    return files;
  }
}
