package org.passerelle.systemtests;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Request values from the OpenAPI schemas: a valid one (every property filled), and the invalid
 * variants of a body, one defect at a time: a missing required field, a wrong JSON type, a string
 * one character too long and a much longer one, an unknown enum value, a value breaking its pattern
 * or range, an array too long or empty, an unknown reference.
 */
final class Bodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Long enough to be oversize for every field, well under the 1 MiB body limit. */
  static final int HUGE = 100_000;

  /** Longer arrays are bulk sizes (an import's 10,000 rows), tested by their own service. */
  private static final int MAX_GENERATED_ITEMS = 1_000;

  /**
   * A refusal of the client's input (DESIGN §6: "4xx, never 500, and nothing half-written"): any
   * 4xx but 401 and 403, which would say the caller, not the input, is refused.
   */
  static final Set<Integer> REFUSED = refused();

  private static Set<Integer> refused() {
    Set<Integer> statuses = new java.util.TreeSet<>();
    for (int status = 400; status < 500; status++) {
      if (status != 401 && status != 403) {
        statuses.add(status);
      }
    }
    return Set.copyOf(statuses);
  }

  private static final List<String> VALID_CANDIDATES =
      List.of("FR-CERGY", "WEB-DEV", "FR", "CDI", "RNCP", "Passerelle", "A1", "a", "A", "1");
  private static final List<String> REFUSED_CANDIDATES =
      List.of(" ", "\u0001", "!!", "zz", "a b", "ZZZ-");
  private static final List<String> UNKNOWN_CODES =
      List.of("FR-NOWHERE", "NOWHERE", "ZZ-NOWHERE", "ZZ");

  private final OpenApi api;

  Bodies(OpenApi api) {
    this.api = api;
  }

  /** One invalid body: what is wrong with it and the statuses that refuse it correctly. */
  record Case(JsonPointer pointer, String description, JsonNode body, Set<Integer> expected) {}

  /** A valid value of the schema, every optional property filled too. */
  JsonNode valid(JsonNode raw, String name) {
    JsonNode schema = api.resolve(raw);
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0);
    }
    switch (type(schema)) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          object.set(property.getKey(), valid(property.getValue(), property.getKey()));
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int count = Math.max(1, schema.path("minItems").asInt(1));
        for (int i = 0; i < count; i++) {
          array.add(valid(schema.path("items"), name));
        }
        return array;
      }
      case "integer", "number" -> {
        if (schema.has("minimum")) {
          // a decimal minimum (an amount of at least 0.01) is kept as it is, not cut to 0
          JsonNode minimum = schema.path("minimum");
          return minimum.canConvertToExactIntegral()
              ? NODES.numberNode(minimum.asLong())
              : NODES.numberNode(minimum.decimalValue());
        }
        return NODES.numberNode(
            schema.has("maximum") ? Math.min(1, schema.path("maximum").asLong()) : 1);
      }
      case "boolean" -> {
        return NODES.booleanNode(true);
      }
      case "string" -> {
        return NODES.textNode(validString(schema));
      }
      default -> {
        return NODES.textNode("x");
      }
    }
  }

  /** A valid string for a parameter or property schema. */
  String validString(JsonNode schema) {
    String format = schema.path("format").asText("");
    switch (format) {
      case "uuid" -> {
        return UUID.randomUUID().toString();
      }
      case "date" -> {
        return LocalDate.now(ZoneOffset.UTC).toString();
      }
      case "date-time" -> {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
      }
      default -> {}
    }
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0).asText();
    }
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    int min = schema.path("minLength").asInt(0);
    List<String> candidates = new ArrayList<>();
    schema.path("examples").forEach(example -> candidates.add(example.asText()));
    if (schema.has("example")) {
      candidates.add(schema.path("example").asText());
    }
    Optional<Pattern> pattern = pattern(schema);
    pattern.ifPresent(p -> candidates.addAll(alternatives(p.pattern())));
    candidates.addAll(VALID_CANDIDATES);
    candidates.add("Passerelle".repeat(Math.max(1, min / 10 + 1)));
    Optional<String> fitting =
        candidates.stream()
            .filter(c -> c.length() >= min && c.length() <= max)
            .filter(c -> pattern.isEmpty() || pattern.get().matcher(c).matches())
            .findFirst();
    if (fitting.isPresent()) {
      return fitting.get();
    }
    return candidates.stream()
        .filter(c -> c.length() >= min && c.length() <= max)
        .filter(c -> pattern.isEmpty() || pattern.get().matcher(c).find())
        .findFirst()
        .orElse("Passerelle");
  }

  /** A string that breaks the schema's pattern, if it has one that can be broken. */
  Optional<String> patternBreaker(JsonNode schema) {
    Optional<Pattern> pattern = pattern(schema);
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    for (String candidate : REFUSED_CANDIDATES) {
      if (!pattern.get().matcher(candidate).find()) {
        return Optional.of(candidate);
      }
    }
    for (String candidate : REFUSED_CANDIDATES) {
      if (!pattern.get().matcher(candidate).matches()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A code matching the pattern that names nothing, for fields that reference a code. */
  Optional<String> unknownCode(JsonNode schema) {
    Optional<Pattern> pattern = pattern(schema);
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    return UNKNOWN_CODES.stream()
        .filter(c -> c.length() <= max)
        .filter(c -> pattern.isEmpty() || pattern.get().matcher(c).matches())
        .findFirst();
  }

  /**
   * The first property of the body that takes free text (a string without format, enumeration or
   * pattern other than "not blank"), where a lone surrogate is the only defect.
   */
  Optional<JsonPointer> freeText(JsonNode raw, JsonNode base, JsonPointer pointer) {
    JsonNode schema = api.resolve(raw);
    switch (type(schema)) {
      case "string" -> {
        boolean free =
            !schema.has("format")
                && !schema.has("enum")
                && (!schema.has("pattern") || schema.path("pattern").asText().contains("\\S"));
        return free && !pointer.matches() && base.at(pointer).isTextual()
            ? Optional.of(pointer)
            : Optional.empty();
      }
      case "object" -> {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          Optional<JsonPointer> found =
              freeText(
                  property.getValue(),
                  base,
                  pointer.append(JsonPointer.compile("/" + escape(property.getKey()))));
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      }
      case "array" -> {
        return freeText(schema.path("items"), base, pointer.appendIndex(0));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** The variants of a valid body, each with one defect in one of its properties. */
  List<Case> propertyCases(JsonNode bodySchema, JsonNode base) {
    List<Case> cases = new ArrayList<>();
    JsonNode schema = api.resolve(bodySchema);
    if (type(schema).equals("object")) {
      Set<String> required = required(schema);
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        property(
            base,
            JsonPointer.compile("/" + escape(property.getKey())),
            property.getValue(),
            required.contains(property.getKey()),
            property.getKey(),
            cases);
      }
    } else if (type(schema).equals("array")) {
      array(base, JsonPointer.empty(), schema, cases);
    }
    return cases;
  }

  private void property(
      JsonNode base,
      JsonPointer pointer,
      JsonNode raw,
      boolean required,
      String name,
      List<Case> cases) {
    JsonNode schema = api.resolve(raw);
    JsonNode root =
        base.at(pointer).isMissingNode() ? set(base, pointer, valid(schema, name)) : base;
    JsonNode current = root.at(pointer);
    String where = pointer.toString().substring(1).replace('/', '.');
    if (required) {
      cases.add(new Case(pointer, "without required " + where, remove(root, pointer), REFUSED));
    }
    String type = type(schema);
    wrongType(type)
        .ifPresent(
            wrong ->
                cases.add(
                    new Case(
                        pointer,
                        "a wrong JSON type for " + where,
                        set(root, pointer, wrong),
                        REFUSED)));
    switch (type) {
      case "string" -> string(root, pointer, schema, name, where, current.asText(), cases);
      case "integer", "number" -> number(root, pointer, schema, where, cases);
      case "array" -> array(root, pointer, schema, cases);
      case "object" -> {
        Set<String> requiredProperties = required(schema);
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          property(
              root,
              pointer.append(JsonPointer.compile("/" + escape(property.getKey()))),
              property.getValue(),
              requiredProperties.contains(property.getKey()),
              property.getKey(),
              cases);
        }
      }
      default -> {}
    }
  }

  private void string(
      JsonNode root,
      JsonPointer pointer,
      JsonNode schema,
      String name,
      String where,
      String current,
      List<Case> cases) {
    boolean enumerated = schema.path("enum").isArray() && !schema.path("enum").isEmpty();
    if (enumerated) {
      cases.add(
          new Case(
              pointer,
              "an unknown enum value for " + where,
              set(root, pointer, NODES.textNode("NOT_A_VALUE")),
              REFUSED));
      return;
    }
    String format = schema.path("format").asText("");
    if (schema.has("maxLength")) {
      int max = schema.path("maxLength").asInt();
      cases.add(
          new Case(
              pointer,
              where + " one character over its maxLength " + max,
              set(root, pointer, NODES.textNode(pad(current, max + 1))),
              REFUSED));
    }
    cases.add(
        new Case(
            pointer,
            where + " of " + HUGE + " characters",
            set(root, pointer, NODES.textNode(pad(current, HUGE))),
            REFUSED));
    switch (format) {
      case "uuid" -> {
        cases.add(
            new Case(
                pointer,
                "a malformed UUID for " + where,
                set(root, pointer, NODES.textNode("not-a-uuid")),
                REFUSED));
        cases.add(
            new Case(
                pointer,
                "an unknown id for " + where,
                set(root, pointer, NODES.textNode(UUID.randomUUID().toString())),
                REFUSED));
        return;
      }
      case "date" -> {
        cases.add(
            new Case(
                pointer,
                "an impossible date for " + where,
                set(root, pointer, NODES.textNode("2025-02-30")),
                REFUSED));
        return;
      }
      case "date-time" -> {
        cases.add(
            new Case(
                pointer,
                "a malformed instant for " + where,
                set(root, pointer, NODES.textNode("yesterday")),
                REFUSED));
        return;
      }
      default -> {}
    }
    patternBreaker(schema)
        .ifPresent(
            bad ->
                cases.add(
                    new Case(
                        pointer,
                        where + " breaking its pattern " + schema.path("pattern").asText(),
                        set(root, pointer, NODES.textNode(bad)),
                        REFUSED)));
    if (name.endsWith("Code")) {
      unknownCode(schema)
          .ifPresent(
              code ->
                  cases.add(
                      new Case(
                          pointer,
                          "a code naming nothing for " + where + " (" + code + ")",
                          set(root, pointer, NODES.textNode(code)),
                          REFUSED)));
    }
  }

  private void number(
      JsonNode root, JsonPointer pointer, JsonNode schema, String where, List<Case> cases) {
    if (schema.has("minimum")) {
      long below = schema.path("minimum").asLong() - 1;
      cases.add(
          new Case(
              pointer,
              where + " below its minimum",
              set(root, pointer, NODES.numberNode(below)),
              REFUSED));
    }
    if (schema.has("maximum")) {
      long above = schema.path("maximum").asLong() + 1;
      cases.add(
          new Case(
              pointer,
              where + " above its maximum",
              set(root, pointer, NODES.numberNode(above)),
              REFUSED));
    }
    if (type(schema).equals("integer")) {
      cases.add(
          new Case(
              pointer,
              "a fraction for the integer " + where,
              set(root, pointer, NODES.numberNode(1.5)),
              REFUSED));
      cases.add(
          new Case(
              pointer,
              "an integer overflow for " + where,
              set(root, pointer, NODES.numberNode(new BigInteger("100000000000000000000"))),
              REFUSED));
    }
  }

  private void array(JsonNode root, JsonPointer pointer, JsonNode schema, List<Case> cases) {
    JsonNode current = root.at(pointer);
    String where =
        pointer.toString().isEmpty()
            ? "the body"
            : pointer.toString().substring(1).replace('/', '.');
    if (schema.path("minItems").asInt(0) > 0) {
      cases.add(
          new Case(pointer, where + " empty", set(root, pointer, NODES.arrayNode()), REFUSED));
    }
    if (schema.has("maxItems") && current.size() > 0) {
      int count = schema.path("maxItems").asInt() + 1;
      Optional<ArrayNode> longer = longer(schema, current, count);
      if (longer.isPresent()) {
        cases.add(
            new Case(
                pointer,
                where + " with " + count + " items, over its maxItems",
                set(root, pointer, longer.get()),
                REFUSED));
      }
    }
    if (current.size() > 0) {
      JsonPointer first = pointer.appendIndex(0);
      JsonNode items = schema.path("items");
      String type = type(api.resolve(items));
      if (type.equals("object") || type.equals("array")) {
        property(root, first, items, false, "item", cases);
      } else {
        property(root, first, items, false, last(pointer), cases);
      }
    }
  }

  /**
   * {@code count} items: copies of the first, or distinct values where the items must be unique (a
   * set would fold copies into one); empty when that many cannot be made or would be a bulk size.
   */
  private Optional<ArrayNode> longer(JsonNode schema, JsonNode current, int count) {
    if (count > MAX_GENERATED_ITEMS) {
      return Optional.empty();
    }
    ArrayNode longer = NODES.arrayNode();
    if (schema.path("uniqueItems").asBoolean(false)) {
      JsonNode values = api.resolve(schema.path("items")).path("enum");
      if (values.size() < count) {
        return Optional.empty();
      }
      for (int i = 0; i < count; i++) {
        longer.add(values.get(i).deepCopy());
      }
      return Optional.of(longer);
    }
    for (int i = 0; i < count; i++) {
      longer.add(current.get(0).deepCopy());
    }
    return Optional.of(longer);
  }

  private static String last(JsonPointer pointer) {
    String text = pointer.toString();
    return text.substring(text.lastIndexOf('/') + 1);
  }

  /** The value's text made {@code length} characters long (kept valid for its pattern). */
  static String pad(String value, int length) {
    StringBuilder padded = new StringBuilder(value == null ? "" : value);
    if (padded.length() > length) {
      padded.setLength(length);
    }
    while (padded.length() < length) {
      padded.append('A');
    }
    return padded.toString();
  }

  private static Optional<JsonNode> wrongType(String type) {
    return Optional.ofNullable(
        switch (type) {
          case "string" -> NODES.numberNode(12345);
          case "integer", "number" -> NODES.textNode("12");
          case "boolean" -> NODES.textNode("yes");
          case "array" -> NODES.objectNode().put("unexpected", 1);
          case "object" -> NODES.textNode("unexpected");
          default -> null;
        });
  }

  static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      return type.asText();
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    if (schema.has("properties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    if (schema.has("enum") || schema.has("pattern") || schema.has("format")) {
      return "string";
    }
    return "any";
  }

  private static Set<String> required(JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    return required;
  }

  static Optional<Pattern> pattern(JsonNode schema) {
    if (!schema.path("pattern").isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pattern.compile(schema.path("pattern").asText()));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /** The literal alternatives of a pattern like {@code FR|MA} or {@code (PARKED|REDRIVEN)}. */
  private static Set<String> alternatives(String pattern) {
    Set<String> alternatives = new LinkedHashSet<>();
    String bare = pattern.replaceAll("^\\(|\\)$", "");
    if (bare.matches("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*")) {
      for (String alternative : bare.split("\\|")) {
        alternatives.add(alternative);
      }
    }
    return alternatives;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** A copy of the root with the value at the pointer replaced (parents created as objects). */
  static JsonNode set(JsonNode root, JsonPointer pointer, JsonNode value) {
    if (pointer.matches()) {
      return value.deepCopy();
    }
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      object.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode array) {
      int index = pointer.last().getMatchingIndex();
      if (index < array.size()) {
        array.set(index, value.deepCopy());
      } else {
        array.add(value.deepCopy());
      }
    } else {
      throw new IllegalStateException("no container at " + pointer.head() + " in " + root);
    }
    return copy;
  }

  /** A copy of the root without the value at the pointer. */
  static JsonNode remove(JsonNode root, JsonPointer pointer) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy.at(pointer.head());
    if (parent instanceof ObjectNode object) {
      object.remove(pointer.last().getMatchingProperty());
    } else if (parent instanceof ArrayNode array) {
      array.remove(pointer.last().getMatchingIndex());
    }
    return copy;
  }
}
