package org.passerelle.commons.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Keeps published event schemas from changing incompatibly (DESIGN §4, ADR 0004).
 *
 * <p>The data of every event a service emits has a JSON Schema at {@code
 * events/schemas/<event-name>.v<N>.json} (main resources). Once a version is released, a copy of
 * its schema is kept as a baseline at {@code events/released/<event-name>.v<N>.json} (test
 * resources), and from then on that version may only change <em>compatibly</em>: every consumer
 * written against the released schema still works, and every event already published still
 * validates against the new schema. Anything else is a new version, {@code
 * <event-name>.v<N+1>.json}, published next to the old one.
 *
 * <p>Compatible changes (the only ones):
 *
 * <ul>
 *   <li>annotations anywhere: {@code title}, {@code description}, {@code examples}, {@code
 *       $comment}, {@code deprecated};
 *   <li>adding an <em>optional</em> property to an object the released schema closed with {@code
 *       additionalProperties: false} (and whose {@code patternProperties}, if any, do not match the
 *       name): no published event can carry it, and consumers must ignore properties they do not
 *       know (README);
 *   <li>adding a {@code $defs} entry (it only matters once referenced, and changing a {@code $ref}
 *       is incompatible).
 * </ul>
 *
 * <p>Everything else is incompatible: removing a property; adding a required property; making a
 * property required or no longer required; changing {@code type}, {@code format}, {@code pattern},
 * {@code enum} or {@code const} values (adding or removing one), minimum/maximum and length/size
 * constraints, {@code items}, {@code additionalProperties}, {@code $ref}, {@code $id}, {@code
 * $schema}; adding or removing a subschema in {@code allOf}/{@code anyOf}/{@code prefixItems},
 * {@code patternProperties} or {@code dependentSchemas}; any change inside {@code not}, {@code if}
 * or {@code oneOf} (where relaxing can reject). The comparison recurses into {@code properties},
 * {@code items}, {@code prefixItems}, {@code additionalProperties}, {@code $defs}, {@code
 * allOf}/{@code anyOf}, {@code then}/{@code else} and the other subschema keywords with the same
 * rules. Keywords it does not know are treated conservatively: adding, removing or changing one is
 * incompatible. The order of {@code enum}, {@code type} and {@code required} values does not
 * matter, nor does {@code 1} versus {@code 1.0}; an absent {@code additionalProperties}, {@code
 * items}, {@code unevaluatedProperties}, {@code unevaluatedItems} or {@code propertyNames} is the
 * same as {@code true}.
 *
 * <p>Each incompatibility is reported with the JSON Pointer of the schema keyword it concerns, for
 * example {@code /properties/country/enum: value "DZ" added}.
 *
 * <p>A schema must also say the version its file name says: its {@code $id} ends with the file name
 * and its {@code title} names {@code v<N>}.
 */
public final class SchemaCompatibility {

  /** Where a service's current schemas are, on its classpath (main resources). */
  public static final String SCHEMAS = "events/schemas/";

  /** Where a service's released baselines are, on its test classpath (test resources). */
  public static final String RELEASED = "events/released/";

  private static final Pattern FILE_NAME =
      Pattern.compile("([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\\.v([1-9][0-9]*)\\.json");
  private static final Pattern TITLE_VERSION = Pattern.compile("\\bv([0-9]+)\\b");

  private static final Set<String> ANNOTATIONS =
      Set.of("title", "description", "examples", "$comment", "deprecated");

  /** Subschema keywords where an absent value means {@code true} (no constraint). */
  private static final Set<String> ABSENT_MEANS_TRUE =
      Set.of(
          "additionalProperties",
          "items",
          "unevaluatedProperties",
          "unevaluatedItems",
          "propertyNames",
          "additionalItems");

  /** Keywords whose value is one subschema, compared recursively with the same rules. */
  private static final Set<String> SUBSCHEMA =
      Set.of(
          "additionalProperties",
          "items",
          "unevaluatedProperties",
          "unevaluatedItems",
          "propertyNames",
          "additionalItems",
          "contains",
          "then",
          "else");

  /** Keywords whose value is an array of subschemas, compared position by position. */
  private static final Set<String> SUBSCHEMA_ARRAY = Set.of("allOf", "anyOf", "prefixItems");

  /** Keywords whose value maps names to subschemas. */
  private static final Set<String> SUBSCHEMA_MAP =
      Set.of("patternProperties", "dependentSchemas", "$defs", "definitions");

  /** Of those, the ones where a new entry constrains nothing by itself. */
  private static final Set<String> DEFINITIONS = Set.of("$defs", "definitions");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Numbers compare by value (1 equals 1.0); everything else the usual way. */
  private static final Comparator<JsonNode> SAME_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private SchemaCompatibility() {}

  /**
   * The incompatibilities of {@code current} with the {@code released} schema of the same event
   * name and version, each as {@code <JSON Pointer>: <what changed>}; empty when compatible.
   */
  public static List<String> incompatibilities(JsonNode released, JsonNode current) {
    List<String> problems = new ArrayList<>();
    compareSchema("", released, current, problems);
    return problems;
  }

  /** {@link #incompatibilities(JsonNode, JsonNode)} of two schema documents. */
  public static List<String> incompatibilities(String released, String current) {
    return incompatibilities(parse(released, "released schema"), parse(current, "current schema"));
  }

  /**
   * What is wrong with the version a schema states, given its file name {@code
   * <event-name>.v<N>.json}: the file name itself, its {@code $id} (must end with the file name)
   * and its {@code title} (must name {@code v<N>} and no other version).
   */
  public static List<String> versionMismatches(String fileName, JsonNode schema) {
    List<String> problems = new ArrayList<>();
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      problems.add(
          "file name " + fileName + " is not <event-name>.v<N>.json (lower-case, kebab-case)");
      return problems;
    }
    String version = name.group(2);
    JsonNode id = schema.path("$id");
    if (!id.isTextual()) {
      problems.add("/$id: missing; it must end with /" + fileName);
    } else if (!id.asText().endsWith("/" + fileName)) {
      problems.add(
          "/$id: "
              + id
              + " does not end with /"
              + fileName
              + " (its name and version must be the file's)");
    }
    JsonNode title = schema.path("title");
    if (!title.isTextual()) {
      problems.add("/title: missing; it must name the version, v" + version);
    } else {
      Set<String> versions = new TreeSet<>();
      Matcher matcher = TITLE_VERSION.matcher(title.asText());
      while (matcher.find()) {
        versions.add(matcher.group(1));
      }
      if (!versions.equals(Set.of(version))) {
        problems.add(
            "/title: "
                + title
                + (versions.isEmpty() ? " names no version" : " names v" + versions)
                + " but the file is v"
                + version);
      }
    }
    return problems;
  }

  /**
   * Fails unless every schema under {@code events/schemas/} has a released baseline under {@code
   * events/released/} that it is compatible with, states its file's version, and every baseline
   * still has its schema. For services' tests; see {@link #releasedSchemaProblems(ClassLoader)}.
   */
  public static void assertReleasedSchemasCompatible() {
    assertReleasedSchemasCompatible(SchemaCompatibility.class.getClassLoader());
  }

  /** {@link #assertReleasedSchemasCompatible()} on the given class loader's resources. */
  public static void assertReleasedSchemasCompatible(ClassLoader loader) {
    List<String> problems = releasedSchemaProblems(loader);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "Event schemas break the versioning policy (DESIGN §4, ADR 0004):\n\n"
              + String.join("\n\n", problems));
    }
  }

  /**
   * Everything {@link #assertReleasedSchemasCompatible()} would fail for, one entry per schema
   * file. Schemas and baselines are listed from the directories the class loader finds {@code
   * events/schemas/} and {@code events/released/} in (a module's {@code target/classes} and {@code
   * target/test-classes}); those inside dependency jars belong to other modules, which check them.
   * Finding no {@code events/schemas/} directory at all is a problem too: the check would otherwise
   * pass without checking anything.
   */
  public static List<String> releasedSchemaProblems(ClassLoader loader) {
    Map<String, Path> schemas = list(loader, SCHEMAS);
    Map<String, Path> released = list(loader, RELEASED);
    List<String> problems = new ArrayList<>();
    if (schemas.isEmpty()) {
      problems.add(
          "No event schema found: no "
              + SCHEMAS
              + "*.json in a directory of the classpath. Call this check only from a module that"
              + " publishes events, with its schemas in src/main/resources/"
              + SCHEMAS);
    }
    for (Map.Entry<String, Path> entry : schemas.entrySet()) {
      String file = entry.getKey();
      JsonNode current;
      try {
        current = read(entry.getValue());
      } catch (IllegalArgumentException e) {
        problems.add(SCHEMAS + file + ": " + e.getMessage());
        continue;
      }
      List<String> versionProblems = versionMismatches(file, current);
      if (!versionProblems.isEmpty()) {
        problems.add(
            SCHEMAS
                + file
                + " does not state the version its file name says:"
                + bullets(versionProblems));
      }
      Path baseline = released.get(file);
      if (baseline == null) {
        problems.add(
            SCHEMAS
                + file
                + " has no released baseline "
                + RELEASED
                + file
                + ". If this event version is new, copy the schema to"
                + " src/test/resources/"
                + RELEASED
                + file
                + " in the change that first releases it (cp src/main/resources/"
                + SCHEMAS
                + file
                + " src/test/resources/"
                + RELEASED
                + "); from then on it may only change compatibly.");
        continue;
      }
      List<String> incompatibilities;
      try {
        incompatibilities = incompatibilities(read(baseline), current);
      } catch (IllegalArgumentException e) {
        problems.add(RELEASED + file + ": " + e.getMessage());
        continue;
      }
      if (!incompatibilities.isEmpty()) {
        problems.add(
            SCHEMAS
                + file
                + " changed incompatibly since it was released (baseline "
                + RELEASED
                + file
                + "):"
                + bullets(incompatibilities)
                + "\nA released version may only change compatibly: events already published"
                + " must still validate and consumers written against it must still work. Revert"
                + " these changes and publish the new shape as "
                + SCHEMAS
                + nextVersion(file)
                + " (a new event version, emitted alongside or instead of this one) with its own"
                + " baseline; keep the baseline of this version unchanged.");
      }
    }
    for (String file : released.keySet()) {
      if (!schemas.containsKey(file)) {
        problems.add(
            RELEASED
                + file
                + " has no current schema "
                + SCHEMAS
                + file
                + ": a released event version cannot be deleted or renamed, consumers still"
                + " read it. Restore src/main/resources/"
                + SCHEMAS
                + file
                + " (publish changes as a new version next to it). Retiring a version once no"
                + " consumer reads it is a decision of its own: it removes both files.");
      }
    }
    return problems;
  }

  private static String nextVersion(String file) {
    Matcher matcher = FILE_NAME.matcher(file);
    if (!matcher.matches()) {
      return "<event-name>.v<N+1>.json";
    }
    return matcher.group(1) + ".v" + (Long.parseLong(matcher.group(2)) + 1) + ".json";
  }

  private static String bullets(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append("\n  - ").append(line);
    }
    return text.toString();
  }

  // --- comparison ---------------------------------------------------------------------------

  private static void compareSchema(
      String path, JsonNode released, JsonNode current, List<String> problems) {
    if (released.isObject() && current.isObject()) {
      compareObjectSchema(path, released, current, problems);
    } else if (!same(released, current)) {
      problems.add(at(path) + ": schema changed from " + released + " to " + current);
    }
  }

  private static void compareObjectSchema(
      String path, JsonNode released, JsonNode current, List<String> problems) {
    compareProperties(path, released, current, problems);
    Set<String> keywords = new TreeSet<>();
    keywords.addAll(fields(released).keySet());
    keywords.addAll(fields(current).keySet());
    keywords.removeAll(ANNOTATIONS);
    keywords.remove("properties");
    keywords.remove("required");
    for (String keyword : keywords) {
      String where = path + "/" + escape(keyword);
      JsonNode before = released.get(keyword);
      JsonNode after = current.get(keyword);
      if (SUBSCHEMA.contains(keyword)) {
        compareSubschema(where, keyword, before, after, problems);
      } else if (SUBSCHEMA_ARRAY.contains(keyword) && isArray(before) && isArray(after)) {
        if (before.size() != after.size()) {
          problems.add(
              at(where)
                  + ": "
                  + before.size()
                  + " subschemas became "
                  + after.size()
                  + changed(before, after));
        } else {
          for (int i = 0; i < before.size(); i++) {
            compareSchema(where + "/" + i, before.get(i), after.get(i), problems);
          }
        }
      } else if (SUBSCHEMA_MAP.contains(keyword) && isObject(before) && isObject(after)) {
        compareSubschemaMap(where, keyword, before, after, problems);
      } else if (DEFINITIONS.contains(keyword) && before == null && isObject(after)) {
        // New definitions constrain nothing until referenced; a new $ref is reported.
      } else if (keyword.equals("enum") && isArray(before) && isArray(after)) {
        compareEnum(where, before, after, problems);
      } else if (keyword.equals("type") && typeSet(before) != null && typeSet(after) != null) {
        if (!typeSet(before).equals(typeSet(after))) {
          problems.add(at(where) + ": changed from " + before + " to " + after);
        }
      } else {
        compareValue(where, before, after, problems);
      }
    }
  }

  private static void compareProperties(
      String path, JsonNode released, JsonNode current, List<String> problems) {
    JsonNode beforeProperties = released.get("properties");
    JsonNode afterProperties = current.get("properties");
    Set<String> requiredBefore = names(released.get("required"));
    Set<String> requiredAfter = names(current.get("required"));
    boolean propertiesComparable =
        (beforeProperties == null || beforeProperties.isObject())
            && (afterProperties == null || afterProperties.isObject());
    if (!propertiesComparable || requiredBefore == null || requiredAfter == null) {
      compareValue(path + "/properties", beforeProperties, afterProperties, problems);
      compareValue(path + "/required", released.get("required"), current.get("required"), problems);
      return;
    }
    Map<String, JsonNode> before = fields(beforeProperties);
    Map<String, JsonNode> after = fields(afterProperties);
    for (Map.Entry<String, JsonNode> property : before.entrySet()) {
      String name = property.getKey();
      String where = path + "/properties/" + escape(name);
      if (!after.containsKey(name)) {
        problems.add(
            at(where)
                + ": "
                + (requiredBefore.contains(name) ? "required" : "optional")
                + " property \""
                + name
                + "\" removed");
      } else {
        compareSchema(where, property.getValue(), after.get(name), problems);
      }
    }
    for (String name : after.keySet()) {
      if (before.containsKey(name)) {
        continue;
      }
      String where = path + "/properties/" + escape(name);
      if (requiredAfter.contains(name)) {
        problems.add(
            at(where)
                + ": required property \""
                + name
                + "\" added (events already published do not carry it)");
      } else {
        String openness = openness(released, name);
        if (openness != null) {
          problems.add(
              at(where)
                  + ": optional property \""
                  + name
                  + "\" added, but "
                  + openness
                  + ", so events already published may carry \""
                  + name
                  + "\" with another shape");
        }
      }
    }
    for (String name : requiredAfter) {
      if (!requiredBefore.contains(name)
          && !(after.containsKey(name) && !before.containsKey(name))) {
        problems.add(
            at(path + "/required")
                + ": \""
                + name
                + "\" became required (events already published may not carry it)");
      }
    }
    for (String name : requiredBefore) {
      if (!requiredAfter.contains(name)
          && !(before.containsKey(name) && !after.containsKey(name))) {
        problems.add(
            at(path + "/required")
                + ": \""
                + name
                + "\" is no longer required (consumers rely on it being present)");
      }
    }
  }

  /** Why the released object could already hold a property {@code name}; null if it could not. */
  private static String openness(JsonNode released, String name) {
    JsonNode additional = released.get("additionalProperties");
    if (additional == null || !additional.equals(BooleanNode.FALSE)) {
      return "the released object was open (additionalProperties "
          + (additional == null ? "absent" : additional.toString())
          + ", not false)";
    }
    JsonNode patterns = released.get("patternProperties");
    if (patterns != null && patterns.isObject()) {
      for (String pattern : fields(patterns).keySet()) {
        boolean matches;
        try {
          matches = Pattern.compile(pattern).matcher(name).find();
        } catch (PatternSyntaxException e) {
          matches = true;
        }
        if (matches) {
          return "the released patternProperties \"" + pattern + "\" admits that name";
        }
      }
    }
    return null;
  }

  private static void compareSubschema(
      String where, String keyword, JsonNode before, JsonNode after, List<String> problems) {
    if (ABSENT_MEANS_TRUE.contains(keyword)) {
      before = before == null ? BooleanNode.TRUE : before;
      after = after == null ? BooleanNode.TRUE : after;
    }
    if (before == null || after == null) {
      compareValue(where, before, after, problems);
    } else if (before.isArray() && after.isArray()) {
      if (before.size() != after.size()) {
        problems.add(at(where) + ": changed from " + before + " to " + after);
      } else {
        for (int i = 0; i < before.size(); i++) {
          compareSchema(where + "/" + i, before.get(i), after.get(i), problems);
        }
      }
    } else {
      compareSchema(where, before, after, problems);
    }
  }

  private static void compareSubschemaMap(
      String where, String keyword, JsonNode before, JsonNode after, List<String> problems) {
    Map<String, JsonNode> beforeFields = fields(before);
    Map<String, JsonNode> afterFields = fields(after);
    for (Map.Entry<String, JsonNode> entry : beforeFields.entrySet()) {
      String name = entry.getKey();
      if (!afterFields.containsKey(name)) {
        problems.add(at(where + "/" + escape(name)) + ": removed");
      } else {
        compareSchema(
            where + "/" + escape(name), entry.getValue(), afterFields.get(name), problems);
      }
    }
    if (!DEFINITIONS.contains(keyword)) {
      for (Map.Entry<String, JsonNode> entry : afterFields.entrySet()) {
        if (!beforeFields.containsKey(entry.getKey())) {
          problems.add(at(where + "/" + escape(entry.getKey())) + ": added " + entry.getValue());
        }
      }
    }
  }

  private static void compareEnum(
      String where, JsonNode before, JsonNode after, List<String> problems) {
    for (JsonNode value : after) {
      if (!contains(before, value)) {
        problems.add(at(where) + ": value " + value + " added");
      }
    }
    for (JsonNode value : before) {
      if (!contains(after, value)) {
        problems.add(at(where) + ": value " + value + " removed");
      }
    }
  }

  private static void compareValue(
      String where, JsonNode before, JsonNode after, List<String> problems) {
    if (before == null && after == null) {
      return;
    }
    if (before == null) {
      problems.add(at(where) + ": added " + after);
    } else if (after == null) {
      problems.add(at(where) + ": removed (was " + before + ")");
    } else if (!same(before, after)) {
      problems.add(at(where) + ": changed from " + before + " to " + after);
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  private static String changed(JsonNode before, JsonNode after) {
    return " (changed from " + before + " to " + after + ")";
  }

  private static boolean same(JsonNode a, JsonNode b) {
    return a.equals(SAME_VALUE, b);
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode element : array) {
      if (same(element, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isArray(JsonNode node) {
    return node != null && node.isArray();
  }

  private static boolean isObject(JsonNode node) {
    return node != null && node.isObject();
  }

  /** {@code type} as a set of names, or null when it is not a string or array of strings. */
  private static Set<String> typeSet(JsonNode type) {
    if (type == null) {
      return null;
    }
    if (type.isTextual()) {
      return Set.of(type.asText());
    }
    return names(type);
  }

  /** An array of strings as a set (absent is empty), or null when it is something else. */
  private static Set<String> names(JsonNode array) {
    if (array == null) {
      return new LinkedHashSet<>();
    }
    if (!array.isArray()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode element : array) {
      if (!element.isTextual()) {
        return null;
      }
      names.add(element.asText());
    }
    return names;
  }

  private static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    if (object != null) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        fields.put(field.getKey(), field.getValue());
      }
    }
    return fields;
  }

  /** One JSON Pointer reference token (RFC 6901). */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String at(String pointer) {
    return pointer.isEmpty() ? "(root)" : pointer;
  }

  // --- files --------------------------------------------------------------------------------

  private static JsonNode parse(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return parse(Files.readString(file), file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The {@code *.json} files of a resource directory, by file name, first on the classpath wins.
   */
  private static Map<String, Path> list(ClassLoader loader, String directory) {
    Map<String, Path> files = new TreeMap<>();
    try {
      for (URL url : Collections.list(loader.getResources(directory))) {
        if (!url.getProtocol().equals("file")) {
          continue;
        }
        Path dir = Path.of(url.toURI());
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> entries = Files.list(dir)) {
          entries
              .filter(Files::isRegularFile)
              .filter(file -> file.getFileName().toString().endsWith(".json"))
              .sorted()
              .forEach(file -> files.putIfAbsent(file.getFileName().toString(), file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + " on the classpath", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list " + directory + " on the classpath", e);
    }
    return files;
  }
}
