package org.passerelle.placement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passerelle.placement.api.IndicatorDefinition;

/**
 * docs/indicators.md shows definitions.json as it is: one table row per definition (id, version,
 * kind, formula, attribution, countries, thresholds, source) and each definition's words.
 */
class IndicatorDocsTest {

  static final Path DOC = Path.of("..", "docs", "indicators.md");

  @Test
  void theDocumentedTableIsTheDefinitionsFile() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    List<String> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : lines) {
      if (line.startsWith("| Id | Version |")) {
        inTable = true;
      } else if (inTable && line.startsWith("| `")) {
        rows.add(line);
      } else if (inTable && !line.startsWith("|")) {
        break;
      }
    }
    List<IndicatorDefinition> definitions = IndicatorDefinitions.read();
    assertThat(rows)
        .containsExactlyElementsOf(definitions.stream().map(IndicatorDocsTest::row).toList());
    String text = String.join("\n", lines);
    for (IndicatorDefinition definition : definitions) {
      assertThat(text).contains(details(definition));
    }
  }

  static String row(IndicatorDefinition definition) {
    IndicatorDefinition.Source source = definition.source();
    return "| `%s` | %d | %s | %s | %s | %s | %s | %s |"
        .formatted(
            definition.id(),
            definition.version(),
            definition.kind(),
            definition.formula(),
            definition.attribution(),
            String.join(", ", definition.countries()),
            thresholds(definition),
            source.url() == null
                ? source.label()
                : "[" + source.label() + "](" + source.url() + ")");
  }

  static String thresholds(IndicatorDefinition definition) {
    if (definition.thresholds().isEmpty()) {
      return "—";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, IndicatorDefinition.ThresholdRule> rule :
        new TreeMap<>(definition.thresholds()).entrySet()) {
      if (rule.getValue().min() != null) {
        parts.add(
            rule.getKey() + " ≥ " + rule.getValue().min().setScale(2, RoundingMode.UNNECESSARY));
      }
      if (rule.getValue().max() != null) {
        parts.add(
            rule.getKey() + " ≤ " + rule.getValue().max().setScale(2, RoundingMode.UNNECESSARY));
      }
    }
    return String.join(", ", parts);
  }

  /** The definition's section: its English title and its words. */
  static String details(IndicatorDefinition definition) {
    StringBuilder text = new StringBuilder();
    text.append("### `%s` — %s\n\n".formatted(definition.id(), definition.titles().get("en")));
    text.append("- Population: ").append(definition.population()).append(".\n");
    text.append("- Numerator: ").append(definition.numerator()).append('.');
    if (definition.denominator() != null) {
      text.append("\n- Denominator: ").append(definition.denominator()).append('.');
    }
    if (definition.unknown() != null) {
      text.append("\n- Unknown: ").append(definition.unknown()).append('.');
    }
    if (definition.breakdown() != null) {
      text.append("\n- Categories: ").append(definition.breakdown()).append('.');
    }
    return text.toString();
  }

  @Test
  void aDefinitionTheCalculatorCouldNotApplyIsRefused() {
    IndicatorDefinition women =
        IndicatorDefinitions.read().stream()
            .filter(definition -> definition.id().equals("women-share"))
            .findFirst()
            .orElseThrow();
    IndicatorDefinition noArabic =
        new IndicatorDefinition(
            women.id(),
            women.version(),
            women.titles().entrySet().stream()
                .filter(title -> !title.getKey().equals("ar"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
            women.kind(),
            women.formula(),
            women.attribution(),
            women.breakdown(),
            women.population(),
            women.numerator(),
            women.denominator(),
            women.unknown(),
            women.parameters(),
            women.countries(),
            women.thresholds(),
            women.source());
    assertThatThrownBy(() -> new IndicatorDefinitions(List.of(noArabic)))
        .hasMessageContaining("women-share")
        .hasMessageContaining("titles");
    assertThatThrownBy(() -> new IndicatorDefinitions(List.of(women, women)))
        .hasMessageContaining("twice");
  }
}
