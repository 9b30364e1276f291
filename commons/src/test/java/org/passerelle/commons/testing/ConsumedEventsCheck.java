package org.passerelle.commons.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.passerelle.commons.events.ConsumedEvent;

/**
 * Checks a service's list of consumed events three ways: every declaration has a running consumer
 * and every consumer is declared; each payload record asks only for fields the producer's schema
 * has, and requires only fields the schema requires, and accepts every value of the schema's enums;
 * the event map in {@code docs/events.md} names exactly these consumptions.
 */
public final class ConsumedEventsCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConsumedEventsCheck() {}

  /**
   * @param consumer the module's name as the event map writes it, e.g. {@code enrollment-service}
   * @param declared the service's {@code ConsumedEvents} list
   * @param running what the service's inbox consumer subscribed to at start
   */
  public static void assertConsistent(
      String consumer, List<ConsumedEvent<?>> declared, List<ConsumedEvent<?>> running) {
    assertThat(keys(running))
        .as("the consumers running in %s are exactly its declared list", consumer)
        .containsExactlyElementsOf(keys(declared));
    for (ConsumedEvent<?> event : declared) {
      assertMatchesSchema(event, schema(event));
    }
    assertThat(documented(consumer))
        .as("docs/events.md lists exactly what %s consumes", consumer)
        .containsExactlyElementsOf(keys(declared));
  }

  /** The producer's schema, read from its module beside this one. */
  static JsonNode schema(ConsumedEvent<?> event) {
    Path path =
        Path.of(
            "..",
            event.producer() + "-service",
            "src/main/resources/events/schemas",
            event.name() + ".v" + event.version() + ".json");
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new AssertionError("no schema for " + event + " at " + path, e);
    }
  }

  static void assertMatchesSchema(ConsumedEvent<?> event, JsonNode schema) {
    JsonNode properties = schema.path("properties");
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(field -> required.add(field.asText()));
    List<String> problems = new ArrayList<>();
    for (RecordComponent component : event.payload().getRecordComponents()) {
      String field = component.getName();
      JsonNode property = properties.get(field);
      if (property == null) {
        problems.add(field + " is not in the schema");
        continue;
      }
      if (!component.isAnnotationPresent(Nullable.class) && !required.contains(field)) {
        problems.add(field + " is optional in the schema: annotate it @Nullable");
      }
      Class<?> type = component.getType();
      if (type.isEnum() && property.has("enum")) {
        Set<String> accepted = new TreeSet<>();
        for (Object constant : type.getEnumConstants()) {
          accepted.add(((Enum<?>) constant).name());
        }
        property
            .get("enum")
            .forEach(
                value -> {
                  if (!value.isNull() && !accepted.contains(value.asText())) {
                    problems.add(field + " cannot read the schema's value " + value.asText());
                  }
                });
      }
    }
    assertThat(problems).as("%s binds to %s", event, event.payload().getSimpleName()).isEmpty();
  }

  /** The rows of docs/events.md's consumed table for this consumer, as topic/event/version. */
  static List<String> documented(String consumer) {
    Path map = Path.of("..", "docs", "events.md");
    List<String> lines;
    try {
      lines = Files.readAllLines(map);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + map, e);
    }
    boolean inTable = false;
    List<String> rows = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = cells(line);
      if (cells.size() == 5
          && cells.equals(List.of("consumer", "topic", "event", "version", "handler"))) {
        inTable = true;
        continue;
      }
      if (!inTable) {
        continue;
      }
      if (cells.isEmpty()) {
        inTable = false;
      } else if (cells.size() == 5 && cells.get(0).equals(consumer)) {
        rows.add(cells.get(1) + " " + cells.get(2) + " v" + cells.get(3));
      }
    }
    return rows.stream().sorted().toList();
  }

  private static List<String> cells(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("|")) {
      return List.of();
    }
    List<String> cells =
        java.util.Arrays.stream(trimmed.substring(1).split("\\|"))
            .map(cell -> cell.strip().replace("`", ""))
            .collect(Collectors.toList());
    return cells.stream().allMatch(cell -> cell.matches("-+|:?-+:?")) ? List.of("-") : cells;
  }

  private static List<String> keys(List<ConsumedEvent<?>> events) {
    return events.stream().map(ConsumedEvent::toString).sorted().toList();
  }
}
