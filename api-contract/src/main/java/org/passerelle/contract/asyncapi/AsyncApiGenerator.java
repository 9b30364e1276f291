package org.passerelle.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the platform's AsyncAPI 3.0 document at build time, from the event JSON Schemas each
 * service keeps in {@code src/main/resources/events/schemas/<event>.v<N>.json}, read from the
 * service's jar (or its classes directory, in a build that stops before packaging): one channel per
 * service topic and one per dead-letter topic, one message per schema file with the schema
 * embedded. Schema files are discovered, never listed: adding one publishes it.
 */
public final class AsyncApiGenerator {

  /** Where a service's schemas are in its jar. */
  static final String SCHEMAS = "events/schemas";

  /** Where they are in the repository, as the document names them. */
  static final String SOURCES = "src/main/resources/" + SCHEMAS;

  static final String KAFKA_BINDING_VERSION = "0.5.0";
  static final String PAYLOAD_FORMAT = "application/schema+json;version=draft-07";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every string quoted: unquoted, YAML 1.1 readers would take e.g. 18_25 for a number. */
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .build();

  private static final Pattern FILE_NAME =
      Pattern.compile("([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\\.v([1-9][0-9]*)\\.json");

  /**
   * Keywords of JSON Schema 2019-09 and 2020-12 that draft-07, the dialect the document declares,
   * does not have and that would change what validates: a schema using one must not be published
   * under the wrong dialect. ({@code $defs} is only a place for {@code $ref} targets, which resolve
   * the same in draft-07; annotations such as {@code deprecated} change nothing.)
   */
  private static final Set<String> NOT_DRAFT_07 =
      Set.of(
          "$anchor",
          "$dynamicRef",
          "$dynamicAnchor",
          "$recursiveRef",
          "$recursiveAnchor",
          "$vocabulary",
          "prefixItems",
          "unevaluatedItems",
          "unevaluatedProperties",
          "dependentRequired",
          "dependentSchemas",
          "minContains",
          "maxContains");

  /** Keywords whose value is a map of names to schemas. */
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "definitions", "$defs");

  /** Keywords whose value is data, not a schema. */
  private static final Set<String> DATA = Set.of("enum", "const", "default", "examples");

  /** One event type: a schema file. */
  record EventSchema(String name, int version, String source, JsonNode schema) {}

  /** One service: its topic carries every event it has a schema for. */
  record Service(String name, List<EventSchema> events) {

    String topic() {
      return name + ".events";
    }

    String type(EventSchema event) {
      return "org.passerelle." + name + "." + event.name() + ".v" + event.version();
    }
  }

  private AsyncApiGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || !args[0].endsWith(".json")) {
      throw new IllegalArgumentException(
          "usage: AsyncApiGenerator <output.json> <name>-service=<its jar or classes directory>...");
    }
    List<Service> services = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(args[i] + " is not <name>-service=<jar or directory>");
      }
      services.add(read(args[i].substring(0, equals), Path.of(args[i].substring(equals + 1))));
    }
    ObjectNode document = generate(services);
    Path json = Path.of(args[0]);
    Path yaml = json.resolveSibling(json.getFileName().toString().replaceFirst("json$", "yaml"));
    Files.createDirectories(json.toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), document);
    YAML.writeValue(yaml.toFile(), document);
  }

  /**
   * Reads every event schema of a service ({@code <name>-service}) from its jar or classes
   * directory.
   */
  static Service read(String artifact, Path classes) throws IOException {
    if (!artifact.endsWith("-service")) {
      throw new IllegalArgumentException(artifact + " is not a <name>-service");
    }
    String name = artifact.substring(0, artifact.length() - "-service".length());
    List<EventSchema> events;
    if (Files.isDirectory(classes)) {
      events = schemas(artifact, classes.resolve(SCHEMAS));
    } else if (Files.isRegularFile(classes)) {
      try (FileSystem jar = FileSystems.newFileSystem(classes)) {
        events = schemas(artifact, jar.getPath(SCHEMAS));
      }
    } else {
      throw new IllegalArgumentException(classes + " (" + artifact + ") does not exist");
    }
    events.sort(Comparator.comparing(EventSchema::name).thenComparing(EventSchema::version));
    return new Service(name, events);
  }

  private static List<EventSchema> schemas(String artifact, Path schemas) throws IOException {
    List<EventSchema> events = new ArrayList<>();
    if (!Files.isDirectory(schemas)) {
      return events;
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(schemas)) {
      files = listing.filter(file -> file.toString().endsWith(".json")).toList();
    }
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String source = artifact + "/" + SOURCES + "/" + fileName;
      Matcher matcher = FILE_NAME.matcher(fileName);
      if (!matcher.matches()) {
        throw new IllegalStateException(
            source + ": event schema files are named <event-name>.v<N>.json");
      }
      JsonNode schema = JSON.readTree(Files.readAllBytes(file));
      if (schema == null || !schema.isObject()) {
        throw new IllegalStateException(source + " is not a JSON Schema object");
      }
      events.add(
          new EventSchema(matcher.group(1), Integer.parseInt(matcher.group(2)), source, schema));
    }
    return events;
  }

  public static ObjectNode generate(List<Service> services) {
    ObjectNode document = JSON.createObjectNode();
    document.put("asyncapi", "3.0.0");
    document.put("id", "urn:org:passerelle:events");
    ObjectNode info = document.putObject("info");
    info.put("title", "Passerelle events");
    info.put("version", "v1");
    info.put("description", DESCRIPTION);
    document.put("defaultContentType", "application/json");
    ObjectNode local = document.putObject("servers").putObject("local");
    local.put("host", "127.0.0.1:9092");
    local.put("protocol", "kafka");
    local.put("title", "Local stack");
    local.put(
        "description",
        "The broker `./passerelle up` starts (port `PASSERELLE_KAFKA_PORT`, 9092 by default)."
            + " Each deployment has its own brokers; topics and messages are the same.");
    ObjectNode channels = document.putObject("channels");
    ObjectNode operations = document.putObject("operations");
    ObjectNode messages = document.putObject("components").putObject("messages");

    for (Service service : services) {
      String events = camel(service.name()) + "Events";
      String deadLetters = camel(service.name()) + "DeadLetters";
      channel(
          channels,
          events,
          service.topic(),
          "Every event "
              + service.name()
              + "-service publishes, in one topic. Record key and `ce_subject`: the id of the"
              + " aggregate the event is about, so one aggregate's events stay in order.");
      channel(
          channels,
          deadLetters,
          service.topic() + ".dlq",
          "Events of `"
              + service.topic()
              + "` that a Passerelle consumer could not process after its retries: the original"
              + " key, value and headers, plus `dlq_error`, `dlq_consumer`, `dlq_attempts`,"
              + " `dlq_topic`, `dlq_partition` and `dlq_offset`. For operators: integrators"
              + " follow `"
              + service.topic()
              + "` only.");
      ObjectNode sending =
          operation(
              operations,
              "send" + capitalised(events),
              events,
              service.name() + "-service publishes its events",
              "Sent from the service's transactional outbox once the change is committed, in"
                  + " commit order, at least once. Integrators subscribe to `"
                  + service.topic()
                  + "` with a consumer group of their own.");
      ObjectNode parking =
          operation(
              operations,
              "send" + capitalised(deadLetters),
              deadLetters,
              "Passerelle consumers park the events of " + service.topic(),
              "A consumer of `"
                  + service.topic()
                  + "` that still fails on an event after its retries copies it here and moves"
                  + " on.");
      ArrayNode sent = (ArrayNode) sending.get("messages");
      ArrayNode parked = (ArrayNode) parking.get("messages");

      for (EventSchema event : service.events()) {
        String type = service.type(event);
        messages.set(type, message(service, event));
        String key = event.name() + ".v" + event.version();
        for (String name : List.of(events, deadLetters)) {
          ((ObjectNode) channels.get(name).get("messages"))
              .putObject(key)
              .put("$ref", "#/components/messages/" + type);
        }
        sent.addObject().put("$ref", "#/channels/" + events + "/messages/" + key);
        parked.addObject().put("$ref", "#/channels/" + deadLetters + "/messages/" + key);
      }
    }
    return document;
  }

  private static void channel(ObjectNode channels, String name, String topic, String description) {
    ObjectNode channel = channels.putObject(name);
    channel.put("address", topic);
    channel.put("title", topic);
    channel.put("description", description);
    channel.putArray("servers").addObject().put("$ref", "#/servers/local");
    channel.putObject("messages");
    channel
        .putObject("bindings")
        .putObject("kafka")
        .put("topic", topic)
        .put("bindingVersion", KAFKA_BINDING_VERSION);
  }

  /** Adds a {@code send} operation on a channel, with no messages yet. */
  private static ObjectNode operation(
      ObjectNode operations, String name, String channel, String title, String description) {
    ObjectNode operation = operations.putObject(name);
    operation.put("action", "send");
    operation.putObject("channel").put("$ref", "#/channels/" + channel);
    operation.put("title", title);
    operation.put("description", description);
    operation.putArray("messages");
    return operation;
  }

  private static ObjectNode message(Service service, EventSchema event) {
    String type = service.type(event);
    JsonNode schema = event.schema();
    ObjectNode message = JSON.createObjectNode();
    message.put("name", type);
    message.put("title", event.name() + " v" + event.version());
    if (schema.hasNonNull("description")) {
      message.put("summary", schema.get("description").asText());
    }
    String id = schema.path("$id").asText("");
    message.put(
        "description",
        "`ce_type` "
            + type
            + ", published by "
            + service.name()
            + "-service on `"
            + service.topic()
            + "`. Data schema: `"
            + event.source()
            + "`"
            + (id.isEmpty() ? "" : " (`$id` " + id + ")")
            + ".");
    message.put("contentType", "application/json");
    message.set("headers", headers(service, type));
    ObjectNode payload = message.putObject("payload");
    payload.put("schemaFormat", PAYLOAD_FORMAT);
    payload.set(
        "schema",
        draft07(schema, "#/components/messages/" + type + "/payload/schema", event.source()));
    ObjectNode key = JSON.createObjectNode();
    key.put("type", "string");
    key.put("format", "uuid");
    key.put("description", "The aggregate id, the same as `ce_subject`.");
    ObjectNode kafka = message.putObject("bindings").putObject("kafka");
    kafka.set("key", key);
    kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
    return message;
  }

  /** The CloudEvents 1.0 Kafka binary-mode headers of one event type. */
  private static ObjectNode headers(Service service, String type) {
    ObjectNode headers = JSON.createObjectNode();
    headers.put("type", "object");
    headers.put(
        "description",
        "CloudEvents 1.0 attributes as Kafka record headers (binary mode), UTF-8 strings."
            + " Ignore headers you do not know.");
    ArrayNode required = headers.putArray("required");
    for (String name :
        List.of(
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_subject",
            "ce_time",
            "content-type")) {
      required.add(name);
    }
    ObjectNode properties = headers.putObject("properties");
    header(properties, "ce_specversion", "CloudEvents specification version.").put("const", "1.0");
    header(
            properties,
            "ce_id",
            "Event id: the publisher's outbox row id, the same on every delivery of the event."
                + " Deduplicate by it.")
        .put("format", "uuid");
    header(properties, "ce_source", "The publishing service.").put("const", "/" + service.name());
    header(properties, "ce_type", "Event type, including the data schema's major version.")
        .put("const", type);
    header(properties, "ce_subject", "Id of the aggregate the event is about; the record key too.")
        .put("format", "uuid");
    header(properties, "ce_time", "When the change was committed (RFC 3339, UTC).")
        .put("format", "date-time");
    header(properties, "content-type", "Media type of the record value.")
        .put("const", "application/json");
    header(
            properties,
            "ce_country",
            "Extension: the country the fact belongs to (ISO 3166-1 alpha-2); absent for a fact"
                + " of no country.")
        .putArray("enum")
        .add("FR")
        .add("MA");
    header(properties, "ce_site", "Extension: the site code; absent for a fact of no one site.")
        .put("pattern", "^[A-Z]{2}-[A-Z0-9-]+$");
    header(
            properties,
            "traceparent",
            "W3C Trace Context of the request that caused the event, when there was one.")
        .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    return headers;
  }

  private static ObjectNode header(ObjectNode properties, String name, String description) {
    return properties.putObject(name).put("type", "string").put("description", description);
  }

  /**
   * The schema as embedded in the document: without {@code $schema} and {@code $id} (the document
   * declares the dialect, and an {@code $id} would change what references resolve against), local
   * references re-rooted at the schema's place in the document. Fails on what would not mean the
   * same there: keywords draft-07 does not have and references to other files.
   */
  static JsonNode draft07(JsonNode schema, String pointer, String source) {
    ObjectNode copy = schema.deepCopy();
    copy.remove("$schema");
    copy.remove("$id");
    rewrite(copy, pointer, source, false);
    return copy;
  }

  private static void rewrite(JsonNode node, String pointer, String source, boolean schemaMap) {
    if (node.isArray()) {
      node.forEach(item -> rewrite(item, pointer, source, false));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      String keyword = entry.getKey();
      JsonNode value = entry.getValue();
      if (schemaMap) {
        rewrite(value, pointer, source, false);
      } else if (NOT_DRAFT_07.contains(keyword)) {
        throw new IllegalStateException(
            source + ": " + keyword + " is not a JSON Schema draft-07 keyword");
      } else if (keyword.equals("$ref")) {
        String target = value.asText();
        if (!target.startsWith("#")) {
          throw new IllegalStateException(
              source + ": $ref " + target + " leaves the file; event schemas are self-contained");
        }
        entry.setValue(JSON.getNodeFactory().textNode(pointer + target.substring(1)));
      } else if (!DATA.contains(keyword)) {
        rewrite(value, pointer, source, SCHEMA_MAPS.contains(keyword));
      }
    }
  }

  private static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String camel(String name) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

  private static final String DESCRIPTION =
      """
      The domain events the Passerelle services publish to Kafka, for integrators (regional \
      offices) subscribing with any Kafka client. Generated at build time from the JSON Schemas \
      kept next to each service; every schema is embedded here.

      **Envelope.** CloudEvents 1.0 in Kafka binary mode: the attributes are `ce_*` record \
      headers (UTF-8 strings), the record value is the event data as JSON (each message's \
      payload). One topic per service; the record key is the aggregate id (`ce_subject`).

      **Ordering.** Per aggregate only: an aggregate's events share a record key, hence a \
      partition, and arrive in the order they were committed. Nothing is ordered across \
      aggregates or topics.

      **Delivery.** At least once. An event can arrive more than once (for example when a \
      publisher dies between sending and recording the send): deduplicate by `ce_id`, which \
      never changes for one event.

      **Compatibility.** Ignore event types and JSON properties you do not know. A schema only \
      changes compatibly; a breaking change is a new type (`...v2`), and both versions may be \
      published during a transition.

      **Dead letters.** An event a Passerelle consumer still cannot process after its retries \
      is copied to `<topic>.dlq` with its key, value and headers, plus `dlq_error` (the \
      failure), `dlq_consumer` (the consumer group that gave up), `dlq_attempts`, and \
      `dlq_topic`, `dlq_partition`, `dlq_offset` (where the original record is).
      """;
}
