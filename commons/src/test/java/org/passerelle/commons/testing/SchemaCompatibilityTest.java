package org.passerelle.commons.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the event schema versioning policy (ADR 0004). Plain JUnit, no Quarkus. */
class SchemaCompatibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Shaped like the services' schemas: closed object, formats, pattern, enums, a nested one. */
  private static final String RELEASED =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://passerelle.org/events/test/thing-happened.v1.json",
        "title": "thing-happened v1",
        "description": "A thing happened.",
        "type": "object",
        "required": ["thingId", "site", "country", "kind", "place"],
        "additionalProperties": false,
        "properties": {
          "thingId": {"type": "string", "format": "uuid"},
          "site": {"type": "string", "pattern": "^[A-Z]{2}-[A-Z0-9-]+$"},
          "country": {"enum": ["FR", "MA"]},
          "kind": {"enum": ["BIG", "SMALL"], "description": "How big"},
          "count": {"type": "integer", "minimum": 1},
          "partnerId": {"type": ["string", "null"], "format": "uuid"},
          "place": {
            "type": "object",
            "required": ["city"],
            "additionalProperties": false,
            "properties": {
              "city": {"type": "string", "maxLength": 100},
              "postcode": {"type": "string"}
            }
          },
          "tags": {"type": "array", "items": {"type": "string", "maxLength": 20}}
        }
      }
      """;

  @Test
  void identicalSchemaIsCompatible() {
    assertThat(SchemaCompatibility.incompatibilities(RELEASED, RELEASED)).isEmpty();
  }

  @Test
  void annotationChangesAreCompatible() {
    assertCompatible(
        schema -> {
          schema.put("description", "A thing happened, described better.");
          schema.put("$comment", "reviewed");
          property(schema, "kind").put("description", "How big it is");
          property(schema, "kind").put("deprecated", true);
          property(schema, "site").put("title", "Site code");
          property(schema, "site").putArray("examples").add("FR-SEVRAN");
          nested(schema, "city").put("description", "Where");
        });
  }

  @Test
  void orderOfEnumTypeAndRequiredAndNumberSpellingDoNotMatter() {
    assertCompatible(
        schema -> {
          property(schema, "country").putArray("enum").add("MA").add("FR");
          property(schema, "partnerId").putArray("type").add("null").add("string");
          schema
              .putArray("required")
              .add("place")
              .add("kind")
              .add("country")
              .add("site")
              .add("thingId");
          property(schema, "count").put("minimum", 1.0);
        });
  }

  @Test
  void addingAnOptionalPropertyIsCompatible() {
    assertCompatible(
        schema -> {
          properties(schema).putObject("note").put("type", "string").put("maxLength", 500);
          ((ObjectNode) property(schema, "place").get("properties"))
              .putObject("region")
              .put("type", "string");
        });
  }

  @Test
  void addingAnOptionalPropertyToAnOpenObjectIsIncompatible() {
    ObjectNode released = parse(RELEASED);
    released.remove("additionalProperties");
    ObjectNode current = released.deepCopy();
    properties(current).putObject("note").put("type", "string");

    assertThat(SchemaCompatibility.incompatibilities(released, current))
        .singleElement(STRING)
        .startsWith("/properties/note: optional property \"note\" added")
        .contains("the released object was open (additionalProperties absent, not false)");
  }

  @Test
  void removingAPropertyIsIncompatible() {
    assertIncompatible(
        schema -> properties(schema).remove("count"),
        "/properties/count: optional property \"count\" removed");
    assertIncompatible(
        schema -> {
          properties(schema).remove("site");
          schema.set("required", JSON.valueToTree(List.of("thingId", "country", "kind", "place")));
        },
        "/properties/site: required property \"site\" removed");
  }

  @Test
  void addingARequiredPropertyIsIncompatible() {
    assertIncompatible(
        schema -> {
          properties(schema).putObject("note").put("type", "string");
          ((ArrayNode) schema.get("required")).add("note");
        },
        "/properties/note: required property \"note\" added (events already published do not"
            + " carry it)");
  }

  @Test
  void makingAPropertyRequiredOrOptionalIsIncompatible() {
    assertIncompatible(
        schema -> ((ArrayNode) schema.get("required")).add("count"),
        "/required: \"count\" became required (events already published may not carry it)");
    assertIncompatible(
        schema ->
            schema.set(
                "required", JSON.valueToTree(List.of("thingId", "site", "country", "place"))),
        "/required: \"kind\" is no longer required (consumers rely on it being present)");
  }

  @Test
  void typeChangeIsIncompatible() {
    assertIncompatible(
        schema -> property(schema, "count").put("type", "number"),
        "/properties/count/type: changed from \"integer\" to \"number\"");
    assertIncompatible(
        schema -> property(schema, "partnerId").put("type", "string"),
        "/properties/partnerId/type: changed from [\"string\",\"null\"] to \"string\"");
  }

  @Test
  void addingAnEnumValueIsIncompatible() {
    assertIncompatible(
        schema -> ((ArrayNode) property(schema, "country").get("enum")).add("DZ"),
        "/properties/country/enum: value \"DZ\" added");
  }

  @Test
  void removingAnEnumValueIsIncompatible() {
    assertIncompatible(
        schema -> property(schema, "kind").putArray("enum").add("BIG"),
        "/properties/kind/enum: value \"SMALL\" removed");
  }

  @Test
  void patternChangeIsIncompatible() {
    assertIncompatible(
        schema -> property(schema, "site").put("pattern", "^[A-Z]{2}-[A-Z]+$"),
        "/properties/site/pattern: changed from \"^[A-Z]{2}-[A-Z0-9-]+$\" to"
            + " \"^[A-Z]{2}-[A-Z]+$\"");
  }

  @Test
  void formatChangeIsIncompatible() {
    assertIncompatible(
        schema -> property(schema, "thingId").put("format", "uri"),
        "/properties/thingId/format: changed from \"uuid\" to \"uri\"");
    assertIncompatible(
        schema -> property(schema, "thingId").remove("format"),
        "/properties/thingId/format: removed (was \"uuid\")");
  }

  @Test
  void constraintChangesAreIncompatible() {
    assertIncompatible(
        schema -> property(schema, "count").put("minimum", 0),
        "/properties/count/minimum: changed from 1 to 0");
    assertIncompatible(
        schema -> property(schema, "count").put("maximum", 99),
        "/properties/count/maximum: added 99");
    assertIncompatible(
        schema -> property(schema, "country").remove("enum"),
        "/properties/country/enum: removed (was [\"FR\",\"MA\"])");
    assertIncompatible(
        schema -> property(schema, "kind").put("const", "BIG"),
        "/properties/kind/const: added \"BIG\"");
  }

  @Test
  void additionalPropertiesChangeIsIncompatible() {
    assertIncompatible(
        schema -> schema.put("additionalProperties", true),
        "/additionalProperties: schema changed from false to true");
    assertIncompatible(
        schema -> schema.remove("additionalProperties"),
        "/additionalProperties: schema changed from false to true");
  }

  @Test
  void nestedChangesAreIncompatibleAndNamed() {
    assertIncompatible(
        schema -> nested(schema, "city").put("maxLength", 50),
        "/properties/place/properties/city/maxLength: changed from 100 to 50");
    assertIncompatible(
        schema -> ((ObjectNode) property(schema, "place").get("properties")).remove("postcode"),
        "/properties/place/properties/postcode: optional property \"postcode\" removed");
    assertIncompatible(
        schema -> ((ArrayNode) property(schema, "place").get("required")).add("postcode"),
        "/properties/place/required: \"postcode\" became required (events already published may"
            + " not carry it)");
    assertIncompatible(
        schema -> ((ObjectNode) property(schema, "tags").get("items")).put("maxLength", 10),
        "/properties/tags/items/maxLength: changed from 20 to 10");
    assertIncompatible(
        schema -> property(schema, "tags").remove("items"),
        "/properties/tags/items: schema changed from {\"type\":\"string\",\"maxLength\":20} to"
            + " true");
  }

  @Test
  void changesInDefinitionsAreFoundToo() {
    ObjectNode released = parse(RELEASED);
    released.putObject("$defs").putObject("code").put("type", "string").put("maxLength", 8);
    ObjectNode current = released.deepCopy();
    ((ObjectNode) current.get("$defs").get("code")).put("maxLength", 9);
    ((ObjectNode) current.get("$defs")).putObject("unused").put("type", "string");

    assertThat(SchemaCompatibility.incompatibilities(released, current))
        .containsExactly("/$defs/code/maxLength: changed from 8 to 9");
  }

  @Test
  void unknownKeywordsAreComparedConservatively() {
    assertIncompatible(
        schema -> property(schema, "site").put("x-sensitive", true),
        "/properties/site/x-sensitive: added true");
    assertIncompatible(
        schema -> property(schema, "site").put("default", "FR-SEVRAN"),
        "/properties/site/default: added \"FR-SEVRAN\"");
    assertIncompatible(
        schema -> schema.put("$id", "https://passerelle.org/events/test/thing-happened.v2.json"),
        "/$id: changed from \"https://passerelle.org/events/test/thing-happened.v1.json\" to"
            + " \"https://passerelle.org/events/test/thing-happened.v2.json\"");
  }

  @Test
  void everyIncompatibilityIsListed() {
    ObjectNode current = parse(RELEASED);
    properties(current).remove("count");
    ((ArrayNode) property(current, "country").get("enum")).add("DZ");
    property(current, "site").put("pattern", ".*");

    assertThat(SchemaCompatibility.incompatibilities(parse(RELEASED), current))
        .containsExactlyInAnyOrder(
            "/properties/count: optional property \"count\" removed",
            "/properties/country/enum: value \"DZ\" added",
            "/properties/site/pattern: changed from \"^[A-Z]{2}-[A-Z0-9-]+$\" to \".*\"");
  }

  @Test
  void versionMustMatchTheFileName() {
    assertThat(SchemaCompatibility.versionMismatches("thing-happened.v1.json", parse(RELEASED)))
        .isEmpty();
    assertThat(SchemaCompatibility.versionMismatches("thing-happened.v2.json", parse(RELEASED)))
        .containsExactly(
            "/$id: \"https://passerelle.org/events/test/thing-happened.v1.json\" does not end"
                + " with /thing-happened.v2.json (its name and version must be the file's)",
            "/title: \"thing-happened v1\" names v[1] but the file is v2");
    ObjectNode untitled = parse(RELEASED);
    untitled.put("title", "thing-happened");
    assertThat(SchemaCompatibility.versionMismatches("thing-happened.v1.json", untitled))
        .containsExactly("/title: \"thing-happened\" names no version but the file is v1");
    assertThat(SchemaCompatibility.versionMismatches("ThingHappened.json", parse(RELEASED)))
        .singleElement(STRING)
        .contains("is not <event-name>.v<N>.json");
  }

  // --- the check services run, on throwaway class path directories ---------------------------

  @Test
  void releasedAndCompatibleSchemasPass(@TempDir Path dir) {
    write(dir, "classes/events/schemas/thing-happened.v1.json", describedBetter());
    write(dir, "test-classes/events/released/thing-happened.v1.json", RELEASED);

    assertThatCode(() -> SchemaCompatibility.assertReleasedSchemasCompatible(loader(dir)))
        .doesNotThrowAnyException();
  }

  @Test
  void aSchemaWithoutBaselineFailsAndSaysWhatToDo(@TempDir Path dir) {
    write(dir, "classes/events/schemas/thing-happened.v1.json", RELEASED);

    assertThatThrownBy(() -> SchemaCompatibility.assertReleasedSchemasCompatible(loader(dir)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "events/schemas/thing-happened.v1.json has no released baseline"
                + " events/released/thing-happened.v1.json")
        .hasMessageContaining(
            "copy the schema to src/test/resources/events/released/thing-happened.v1.json in the"
                + " change that first releases it");
  }

  @Test
  void anIncompatibleChangeFailsAndAsksForTheNextVersion(@TempDir Path dir) {
    ObjectNode current = parse(RELEASED);
    ((ArrayNode) property(current, "country").get("enum")).add("DZ");
    write(dir, "classes/events/schemas/thing-happened.v1.json", current.toPrettyString());
    write(dir, "test-classes/events/released/thing-happened.v1.json", RELEASED);

    assertThatThrownBy(() -> SchemaCompatibility.assertReleasedSchemasCompatible(loader(dir)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "events/schemas/thing-happened.v1.json changed incompatibly since it was released")
        .hasMessageContaining("  - /properties/country/enum: value \"DZ\" added")
        .hasMessageContaining("publish the new shape as events/schemas/thing-happened.v2.json");
  }

  @Test
  void deletingAReleasedVersionFails(@TempDir Path dir) {
    write(dir, "classes/events/schemas/thing-happened.v2.json", v2());
    write(dir, "test-classes/events/released/thing-happened.v2.json", v2());
    write(dir, "test-classes/events/released/thing-happened.v1.json", RELEASED);

    assertThatThrownBy(() -> SchemaCompatibility.assertReleasedSchemasCompatible(loader(dir)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "events/released/thing-happened.v1.json has no current schema"
                + " events/schemas/thing-happened.v1.json: a released event version cannot be"
                + " deleted or renamed");
  }

  @Test
  void aSchemaWhoseVersionDisagreesWithItsFileNameFails(@TempDir Path dir) {
    write(dir, "classes/events/schemas/thing-happened.v2.json", RELEASED);
    write(dir, "test-classes/events/released/thing-happened.v2.json", RELEASED);

    assertThatThrownBy(() -> SchemaCompatibility.assertReleasedSchemasCompatible(loader(dir)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "events/schemas/thing-happened.v2.json does not state the version its file name says")
        .hasMessageContaining("/title: \"thing-happened v1\" names v[1] but the file is v2");
  }

  @Test
  void findingNoSchemaFails(@TempDir Path dir) {
    write(dir, "classes/other/readme.txt", "");

    assertThatThrownBy(() -> SchemaCompatibility.assertReleasedSchemasCompatible(loader(dir)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No event schema found");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void assertCompatible(Consumer<ObjectNode> change) {
    ObjectNode current = parse(RELEASED);
    change.accept(current);
    assertThat(SchemaCompatibility.incompatibilities(parse(RELEASED), current))
        .as("compatible change, schema now %s", current)
        .isEmpty();
  }

  private static void assertIncompatible(Consumer<ObjectNode> change, String expected) {
    ObjectNode current = parse(RELEASED);
    change.accept(current);
    assertThat(SchemaCompatibility.incompatibilities(parse(RELEASED), current))
        .as("incompatible change, schema now %s", current)
        .containsExactly(expected);
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode properties(ObjectNode schema) {
    return (ObjectNode) schema.get("properties");
  }

  private static ObjectNode property(ObjectNode schema, String name) {
    return (ObjectNode) properties(schema).get(name);
  }

  private static ObjectNode nested(ObjectNode schema, String name) {
    return (ObjectNode) property(schema, "place").get("properties").get(name);
  }

  private static String describedBetter() {
    ObjectNode schema = parse(RELEASED);
    schema.put("description", "A thing happened, described better.");
    return schema.toPrettyString();
  }

  private static String v2() {
    ObjectNode schema = parse(RELEASED);
    schema.put("$id", "https://passerelle.org/events/test/thing-happened.v2.json");
    schema.put("title", "thing-happened v2");
    return schema.toPrettyString();
  }

  private static void write(Path dir, String file, String content) {
    try {
      Path path = dir.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like a module's test class path: its classes then its test classes, nothing else. */
  private static ClassLoader loader(Path dir) {
    try {
      Files.createDirectories(dir.resolve("classes"));
      Files.createDirectories(dir.resolve("test-classes"));
      return new URLClassLoader(
          new URL[] {
            dir.resolve("classes").toUri().toURL(), dir.resolve("test-classes").toUri().toURL()
          },
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
