package org.passerelle.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Writes out the maxLength a string schema already has: the length of its format (a UUID, a date, a
 * date-time) or the longest value its pattern accepts (Bean Validation's {@code @Pattern} matches
 * the whole value), so that tools which read only maxLength (Spectral's OWASP rules, generated
 * clients) see the bound the services enforce. A pattern with an unbounded repetition is left
 * alone; such a field needs its own {@code @Size}.
 */
final class StringBounds {

  /** The longest value of each format the services use: RFC 9562 and RFC 3339, Java's range. */
  private static final Map<String, Integer> FORMATS =
      Map.of(
          "uuid", 36,
          "date", 10,
          // 2024-05-01T08:30:00.123456789+02:00: Java keeps at most nanoseconds.
          "date-time", 35);

  private StringBounds() {}

  static void apply(JsonNode document) {
    List<ObjectNode> referring = new ArrayList<>();
    walk(document, referring);
    // A string that refers to a component (a description next to $ref) takes that one's bound.
    for (ObjectNode schema : referring) {
      String ref = schema.path("$ref").asText();
      JsonNode target = document.at(ref.substring(1));
      if (target.has("maxLength")) {
        schema.set("maxLength", target.get("maxLength"));
      }
    }
  }

  private static void walk(JsonNode node, List<ObjectNode> referring) {
    if (node instanceof ObjectNode object) {
      if (isString(object)
          && !object.has("maxLength")
          && !object.has("enum")
          && !object.has("const")) {
        if (object.path("$ref").asText().startsWith("#/")) {
          referring.add(object);
        } else {
          bound(object).ifPresent(length -> object.put("maxLength", length));
        }
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        // Examples are values, not schemas.
        if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
          walk(field.getValue(), referring);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> walk(element, referring));
    }
  }

  private static boolean isString(ObjectNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (one.asText().equals("string")) {
          return true;
        }
      }
      return false;
    }
    return type.asText().equals("string");
  }

  private static OptionalInt bound(ObjectNode schema) {
    OptionalInt byPattern =
        schema.has("pattern") ? maxLength(schema.path("pattern").asText()) : OptionalInt.empty();
    Integer byFormat = FORMATS.get(schema.path("format").asText());
    if (byFormat != null && byPattern.isPresent()) {
      return OptionalInt.of(Math.min(byFormat, byPattern.getAsInt()));
    }
    return byFormat != null ? OptionalInt.of(byFormat) : byPattern;
  }

  /**
   * The most characters (code points) a whole value matching this Java regular expression can have,
   * or empty when it is unbounded (*, +, {n,}) or uses what this reading does not follow
   * (back-references).
   */
  static OptionalInt maxLength(String pattern) {
    try {
      Parser parser = new Parser(pattern);
      long length = parser.alternatives();
      if (parser.position != pattern.length() || length < 0 || length > Integer.MAX_VALUE) {
        return OptionalInt.empty();
      }
      return OptionalInt.of((int) length);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return OptionalInt.empty();
    }
  }

  /** A recursive reading of the regex; -1 stands for unbounded. */
  private static final class Parser {
    private final String pattern;
    private int position;

    Parser(String pattern) {
      this.pattern = pattern;
    }

    long alternatives() {
      long longest = sequence();
      while (position < pattern.length() && pattern.charAt(position) == '|') {
        position++;
        long next = sequence();
        longest = longest < 0 || next < 0 ? -1 : Math.max(longest, next);
      }
      return longest;
    }

    private long sequence() {
      long total = 0;
      while (position < pattern.length()
          && pattern.charAt(position) != '|'
          && pattern.charAt(position) != ')') {
        long atom = quantified(atom());
        total = total < 0 || atom < 0 ? -1 : total + atom;
      }
      return total;
    }

    private long atom() {
      char c = pattern.charAt(position++);
      switch (c) {
        case '^', '$' -> {
          return 0;
        }
        case '[' -> {
          skipClass();
          return 1;
        }
        case '\\' -> {
          return escape();
        }
        case '(' -> {
          return group();
        }
        case '*', '+', '?', '{' -> throw new IllegalArgumentException("dangling quantifier");
        default -> {
          return 1;
        }
      }
    }

    private long escape() {
      char c = pattern.charAt(position++);
      if (Character.isDigit(c) || c == 'k') {
        throw new IllegalArgumentException("back-reference");
      }
      if (c == 'p' || c == 'P') {
        if (pattern.charAt(position) == '{') {
          position = pattern.indexOf('}', position) + 1;
        } else {
          position++;
        }
        return 1;
      }
      if (c == 'Q') {
        int end = pattern.indexOf("\\E", position);
        int stop = end < 0 ? pattern.length() : end;
        long length = pattern.codePointCount(position, stop);
        position = end < 0 ? stop : end + 2;
        return length;
      }
      if (c == 'x' && pattern.charAt(position) == '{') {
        position = pattern.indexOf('}', position) + 1;
        return 1;
      }
      if (c == 'x') {
        position += 2;
        return 1;
      }
      if (c == 'u') {
        position += 4;
        return 1;
      }
      // Anchors and boundaries match no character.
      return "bBAzZG".indexOf(c) >= 0 ? 0 : 1;
    }

    private long group() {
      boolean lookaround = false;
      if (pattern.charAt(position) == '?') {
        position++;
        char kind = pattern.charAt(position);
        if (kind == ':' || kind == '>') {
          position++;
        } else if (kind == '=' || kind == '!') {
          position++;
          lookaround = true;
        } else if (kind == '<' && "=!".indexOf(pattern.charAt(position + 1)) >= 0) {
          position += 2;
          lookaround = true;
        } else if (kind == '<') {
          position = pattern.indexOf('>', position) + 1;
        } else {
          // Inline flags: (?s) applies to the rest, (?i:...) is a group.
          while (Character.isLetter(pattern.charAt(position)) || pattern.charAt(position) == '-') {
            position++;
          }
          if (pattern.charAt(position) == ')') {
            position++;
            return 0;
          }
          if (pattern.charAt(position++) != ':') {
            throw new IllegalArgumentException("unknown group");
          }
        }
      }
      long inner = alternatives();
      if (pattern.charAt(position++) != ')') {
        throw new IllegalArgumentException("unclosed group");
      }
      return lookaround ? 0 : inner;
    }

    private void skipClass() {
      int depth = 1;
      if (pattern.charAt(position) == '^') {
        position++;
      }
      // A ] first in a class is a literal.
      if (pattern.charAt(position) == ']') {
        position++;
      }
      while (depth > 0) {
        char c = pattern.charAt(position++);
        if (c == '\\') {
          position++;
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        }
      }
    }

    private long quantified(long atom) {
      if (position >= pattern.length()) {
        return atom;
      }
      char c = pattern.charAt(position);
      long times;
      if (c == '*' || c == '+') {
        position++;
        times = -1;
      } else if (c == '?') {
        position++;
        times = 1;
      } else if (c == '{') {
        int close = pattern.indexOf('}', position);
        String[] bounds = pattern.substring(position + 1, close).split(",", -1);
        position = close + 1;
        if (bounds.length == 1) {
          times = Long.parseLong(bounds[0].trim());
        } else if (bounds[1].isBlank()) {
          times = -1;
        } else {
          times = Long.parseLong(bounds[1].trim());
        }
      } else {
        return atom;
      }
      // Lazy or possessive forms bound the same way.
      if (position < pattern.length()
          && (pattern.charAt(position) == '?' || pattern.charAt(position) == '+')) {
        position++;
      }
      if (times < 0) {
        return atom == 0 ? 0 : -1;
      }
      return atom < 0 ? -1 : atom * times;
    }
  }
}
