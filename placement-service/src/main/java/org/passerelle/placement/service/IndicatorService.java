package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.IndicatorDefinition;
import org.passerelle.placement.api.IndicatorLearnersView;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.config.IndicatorsConfig;
import org.passerelle.placement.service.IndicatorCalculator.GroupBy;

/**
 * The impact indicators of a period for the caller's scope: the facts of the countries it reaches,
 * narrowed to what it reaches and to the filters asked for, counted by {@link IndicatorCalculator}.
 */
@ApplicationScoped
public class IndicatorService {

  /** What the caller narrows the figures to; null: no filter on that dimension. */
  public record Filters(
      String country, String site, String programmeCode, UUID cohortId, UUID funderPartnerId) {

    boolean match(String country, String site, String programme, UUID cohort, List<UUID> funders) {
      return (this.country == null || this.country.equals(country))
          && (this.site == null || this.site.equals(site))
          && (programmeCode == null || programmeCode.equals(programme))
          && (cohortId == null || cohortId.equals(cohort))
          && (funderPartnerId == null || funders.contains(funderPartnerId));
    }
  }

  /**
   * The facts a period's figures are computed from and, per country whose period is closed, the
   * closure they were read from.
   */
  public record Facts(
      List<LearnerFacts> learners,
      List<ApplicationFacts> applications,
      List<IndicatorsView.Closure> closures) {}

  private final IndicatorFactsService closureAwareFacts;
  private final IndicatorDefinitions definitions;
  private final IndicatorsConfig config;
  private final Now now;

  IndicatorService(
      IndicatorFactsService closureAwareFacts,
      IndicatorDefinitions definitions,
      IndicatorsConfig config,
      Now now) {
    this.closureAwareFacts = closureAwareFacts;
    this.definitions = definitions;
    this.config = config;
    this.now = now;
  }

  /**
   * The one place figures get their facts: for a country whose period [from, to] is closed, the
   * facts frozen by its latest revision, else the live projection (ADR 0028).
   */
  public Facts facts(Set<String> countries, LocalDate from, LocalDate to) {
    IndicatorFactsService.Facts facts = closureAwareFacts.of(countries, from, to);
    return new Facts(facts.learners(), facts.applications(), facts.closures());
  }

  public IndicatorsView indicators(
      LocalDate from,
      LocalDate to,
      GroupBy groupBy,
      Filters filters,
      List<IndicatorDefinition> selected,
      AccessScope scope) {
    Scoped scoped = scoped(from, to, filters, scope);
    List<IndicatorsView.Group> groups =
        new IndicatorCalculator(scoped.context())
            .groups(selected, groupBy, from, to, scoped.learners(), scoped.applications());
    UUID partner = IndicatorScope.fundingPartnerOnly(scope).orElse(null);
    if (groupBy == GroupBy.FUNDER && partner != null) {
      // a co-funded cohort's other funders are not this partner's to read
      groups =
          groups.stream().filter(group -> partner.equals(group.key().funderPartnerId())).toList();
    }
    return new IndicatorsView(
        new IndicatorsView.Period(from, to, scoped.closures()),
        groupBy.parameter(),
        new IndicatorsView.Suppression(
            config.minCell(),
            IndicatorCalculator.SUPPRESSION_RULE,
            IndicatorCalculator.suppressed(groups)),
        now.timestamp(),
        groups);
  }

  /**
   * The learners one figure counts, for staff: the same facts, scope and filters as the figure,
   * without grouping nor suppression (staff read these learners' records anyway).
   */
  public IndicatorLearnersView learners(
      String indicator,
      String category,
      LocalDate from,
      LocalDate to,
      Filters filters,
      AccessScope scope) {
    IndicatorDefinition definition =
        definitions.byId(indicator).orElseThrow(() -> ProblemException.notFound("indicator"));
    Scoped scoped = scoped(from, to, filters, scope);
    Map<String, IndicatorCalculator.Tally> tallies =
        new IndicatorCalculator(scoped.context())
            .tally(definition, from, to, scoped.learners(), scoped.applications());
    IndicatorCalculator.Tally tally = tallies.get(category);
    String counted =
        definition.formula() == IndicatorDefinition.Formula.APPLICATIONS
            ? "APPLICATION"
            : "LEARNER";
    return new IndicatorLearnersView(
        definition.id(),
        definition.version(),
        category,
        from,
        to,
        counted,
        tally == null ? List.of() : tally.numeratorIds(),
        tally == null ? List.of() : tally.denominatorIds(),
        tally == null ? List.of() : tally.unknownIds());
  }

  private record Scoped(
      IndicatorCalculator.Context context,
      List<LearnerFacts> learners,
      List<ApplicationFacts> applications,
      List<IndicatorsView.Closure> closures) {}

  private Scoped scoped(LocalDate from, LocalDate to, Filters filters, AccessScope scope) {
    Set<String> countries = IndicatorScope.countries(scope, definitions.countries());
    if (filters.country() != null) {
      countries = countries.contains(filters.country()) ? Set.of(filters.country()) : Set.of();
    }
    Facts facts =
        countries.isEmpty()
            ? new Facts(List.of(), List.of(), List.of())
            : facts(countries, from, to);
    IndicatorCalculator.Context context =
        IndicatorCalculator.Context.of(config.minCell(), facts.learners());
    List<LearnerFacts> learners =
        facts.learners().stream()
            .filter(
                learner -> {
                  List<UUID> funders =
                      Objects.requireNonNullElse(learner.funderPartnerIds(), List.of());
                  return IndicatorScope.reaches(
                          scope, learner.country(), learner.siteCode(), funders)
                      && filters.match(
                          learner.country(),
                          learner.siteCode(),
                          learner.programmeCode(),
                          learner.cohortId(),
                          funders);
                })
            .toList();
    List<ApplicationFacts> applications =
        facts.applications().stream()
            .filter(
                application -> {
                  List<UUID> funders = context.fundersOf(application.cohortId());
                  return IndicatorScope.reaches(
                          scope, application.country(), application.siteCode(), funders)
                      && filters.match(
                          application.country(),
                          application.siteCode(),
                          application.programmeCode(),
                          application.cohortId(),
                          funders);
                })
            .toList();
    return new Scoped(context, learners, applications, facts.closures());
  }
}
