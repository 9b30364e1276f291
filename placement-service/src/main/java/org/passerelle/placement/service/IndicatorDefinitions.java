package org.passerelle.placement.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.passerelle.placement.api.IndicatorDefinition;
import org.passerelle.placement.api.IndicatorDefinition.Attribution;
import org.passerelle.placement.api.IndicatorDefinition.Formula;
import org.passerelle.placement.api.IndicatorDefinition.Kind;

/**
 * The impact indicators' definitions, read once from {@code indicators/definitions.json}, the one
 * place they are kept (docs/indicators.md shows them). A definition the calculator could not apply
 * stops the service at start rather than giving wrong figures.
 */
@ApplicationScoped
public class IndicatorDefinitions {

  public static final String RESOURCE = "indicators/definitions.json";

  private static final Set<String> LANGUAGES = Set.of("fr", "en", "ar");
  private static final Set<String> CATEGORY_FIELDS =
      Set.of("gender", "educationLevel", "priorityPublics", "jobSeeker");

  private final List<IndicatorDefinition> all;
  private final Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();

  public IndicatorDefinitions() {
    this(read());
  }

  public IndicatorDefinitions(List<IndicatorDefinition> definitions) {
    definitions.forEach(IndicatorDefinitions::check);
    this.all = List.copyOf(definitions);
    for (IndicatorDefinition definition : all) {
      if (byId.put(definition.id(), definition) != null) {
        throw new IllegalStateException("indicator " + definition.id() + " is defined twice");
      }
    }
  }

  /** Every definition, in the file's order. */
  public List<IndicatorDefinition> all() {
    return all;
  }

  public Optional<IndicatorDefinition> byId(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** The ids, in the file's order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The countries some definition applies to, sorted. */
  public Set<String> countries() {
    Set<String> countries = new TreeSet<>();
    all.forEach(definition -> countries.addAll(definition.countries()));
    return countries;
  }

  /** The definitions of the classpath's file. */
  public static List<IndicatorDefinition> read() {
    try (InputStream in =
        IndicatorDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<IndicatorDefinition> read(InputStream in) throws IOException {
    ObjectMapper json =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return json.readValue(in, DefinitionsFile.class).definitions();
  }

  record DefinitionsFile(List<IndicatorDefinition> definitions) {}

  private static void check(IndicatorDefinition definition) {
    String id = definition.id();
    require(id != null && id.matches("[a-z0-9]+(-[a-z0-9]+)*"), id, "an id in kebab case");
    require(definition.version() >= 1, id, "a version from 1");
    require(
        definition.titles() != null && definition.titles().keySet().equals(LANGUAGES),
        id,
        "titles in fr, en and ar");
    require(
        definition.kind() != null
            && definition.formula() != null
            && definition.attribution() != null
            && definition.parameters() != null,
        id,
        "a kind, a formula, an attribution and parameters");
    require(definition.countries() != null && !definition.countries().isEmpty(), id, "countries");
    require(
        definition.thresholds() != null
            && definition.countries().containsAll(definition.thresholds().keySet()),
        id,
        "thresholds only for its countries");
    require(definition.source() != null && definition.source().label() != null, id, "a source");
    require(
        definition.population() != null && definition.numerator() != null,
        id,
        "its population and numerator in words");
    boolean count =
        definition.formula() == Formula.APPLICATIONS || definition.formula() == Formula.ENTRANTS;
    require(count == (definition.kind() == Kind.COUNT), id, "kind COUNT exactly for a count");
    require(
        count || (definition.denominator() != null && definition.unknown() != null),
        id,
        "its denominator and unknowns in words");
    IndicatorDefinition.Parameters parameters = definition.parameters();
    switch (definition.formula()) {
      case EXIT_KIND ->
          require(
              parameters.exitKinds() != null && !parameters.exitKinds().isEmpty(), id, "exitKinds");
      case CERTIFICATION_OUTCOME ->
          require(
              parameters.outcomes() != null && !parameters.outcomes().isEmpty(), id, "outcomes");
      case CATEGORY_SHARE ->
          require(
              CATEGORY_FIELDS.contains(parameters.field())
                  && parameters.values() != null
                  && !parameters.values().isEmpty(),
              id,
              "a category field and values");
      case SITUATION_AT ->
          require(
              parameters.offsetMonths() != null
                  && parameters.situations() != null
                  && definition.attribution() == Attribution.MEASUREMENT,
              id,
              "offsetMonths, situations and MEASUREMENT");
      case JOB_WITHIN ->
          require(
              parameters.withinMonths() != null
                  && parameters.situations() != null
                  && definition.attribution() == Attribution.MEASUREMENT,
              id,
              "withinMonths, situations and MEASUREMENT");
      default -> require(definition.attribution() != Attribution.MEASUREMENT, id, "no MEASUREMENT");
    }
  }

  private static void require(boolean condition, String id, String what) {
    if (!condition) {
      throw new IllegalStateException("indicator " + id + " in " + RESOURCE + " needs " + what);
    }
  }
}
