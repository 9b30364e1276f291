package org.passerelle.placement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.placement.service.IndicatorCalculatorTest.COHORT_A;
import static org.passerelle.placement.service.IndicatorCalculatorTest.COHORT_C;
import static org.passerelle.placement.service.IndicatorCalculatorTest.F1;
import static org.passerelle.placement.service.IndicatorCalculatorTest.F2;
import static org.passerelle.placement.service.IndicatorCalculatorTest.F3;
import static org.passerelle.placement.service.IndicatorCalculatorTest.FROM;
import static org.passerelle.placement.service.IndicatorCalculatorTest.TO;
import static org.passerelle.placement.service.IndicatorCalculatorTest.id;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.api.IndicatorLearnersView;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.service.IndicatorCalculator.GroupBy;
import org.passerelle.problem.ProblemType;

/**
 * Whose figures each caller reads (DESIGN §5) and how filters narrow them, on the hand-built
 * history of {@link IndicatorCalculatorTest}: cohort A at FR-SEVRAN funded by F1 and F2, cohort D
 * at FR-SEVRAN funded by F1, cohort C at MA-FES funded by F3.
 */
class IndicatorServiceTest {

  static final IndicatorService.Filters NONE =
      new IndicatorService.Filters(null, null, null, null, null);

  /** Every fact of the history, whatever the countries asked; records the countries asked. */
  static final class HistoryService extends IndicatorService {
    final List<Set<String>> asked = new ArrayList<>();

    HistoryService() {
      super(
          null,
          IndicatorCalculatorTest.DEFINITIONS,
          () -> 1,
          new Now(Clock.fixed(Instant.parse("2026-07-01T08:00:00Z"), ZoneOffset.UTC)));
    }

    @Override
    public Facts facts(Set<String> countries, LocalDate from, LocalDate to) {
      asked.add(countries);
      return new Facts(
          IndicatorCalculatorTest.learners(IndicatorCalculatorTest.history()).stream()
              .filter(learner -> countries.contains(learner.country()))
              .toList(),
          IndicatorCalculatorTest.applications().stream()
              .filter(application -> countries.contains(application.country()))
              .toList(),
          List.of());
    }
  }

  static AccessScope caller(String role, String country, Set<String> sites, UUID partner) {
    return new AccessScope(
        "subject",
        Set.of(role),
        Optional.ofNullable(country),
        sites,
        Optional.ofNullable(partner).map(UUID::toString));
  }

  static final AccessScope PLATFORM = caller(Roles.PLATFORM_ADMIN, null, Set.of(), null);
  static final AccessScope COUNTRY_FR = caller(Roles.COUNTRY_ADMIN, "FR", Set.of(), null);
  static final AccessScope INTEGRATION_MA = caller(Roles.INTEGRATION, "MA", Set.of(), null);

  static IndicatorsView view(GroupBy groupBy, IndicatorService.Filters filters, AccessScope scope) {
    return new HistoryService()
        .indicators(FROM, TO, groupBy, filters, IndicatorCalculatorTest.DEFINITIONS.all(), scope);
  }

  static List<IndicatorsView.Key> keys(IndicatorsView view) {
    return view.groups().stream().map(IndicatorsView.Group::key).toList();
  }

  static IndicatorsView.Key country(String country) {
    return new IndicatorsView.Key(country, null, null, null, null);
  }

  static IndicatorsView.Key funder(UUID partner) {
    return new IndicatorsView.Key(null, null, null, null, partner);
  }

  static long numerator(IndicatorsView view, String indicator) {
    return view.groups().getFirst().figures().stream()
        .filter(figure -> figure.indicator().equals(indicator) && figure.category() == null)
        .findFirst()
        .orElseThrow()
        .numerator();
  }

  @Test
  void theAnswerSaysItsPeriodGroupingSuppressionAndWhenItWasComputed() {
    IndicatorsView view = view(GroupBy.COUNTRY, NONE, PLATFORM);
    assertThat(view.period()).isEqualTo(new IndicatorsView.Period(FROM, TO, List.of()));
    assertThat(view.groupBy()).isEqualTo("country");
    assertThat(view.suppression().minCell()).isEqualTo(1);
    assertThat(view.suppression().rule()).isEqualTo(IndicatorCalculator.SUPPRESSION_RULE);
    assertThat(view.suppression().suppressedFigures()).isZero();
    assertThat(view.computedAt()).isEqualTo("2026-07-01T08:00:00Z");
  }

  @Test
  void platformAdminsReadEveryCountryAndCountryAdminsAndIntegrationsTheirOwn() {
    assertThat(keys(view(GroupBy.COUNTRY, NONE, PLATFORM)))
        .containsExactly(country("FR"), country("MA"));
    HistoryService service = new HistoryService();
    assertThat(
            keys(
                service.indicators(
                    FROM,
                    TO,
                    GroupBy.COUNTRY,
                    NONE,
                    IndicatorCalculatorTest.DEFINITIONS.all(),
                    COUNTRY_FR)))
        .containsExactly(country("FR"));
    assertThat(service.asked).containsExactly(Set.of("FR"));
    assertThat(keys(view(GroupBy.COUNTRY, NONE, INTEGRATION_MA))).containsExactly(country("MA"));
  }

  @Test
  void siteStaffReadTheirSitesOnly() {
    assertThat(
            keys(
                view(
                    GroupBy.SITE, NONE, caller(Roles.SITE_STAFF, "FR", Set.of("FR-SEVRAN"), null))))
        .containsExactly(new IndicatorsView.Key(null, "FR-SEVRAN", null, null, null));
    assertThat(
            view(GroupBy.SITE, NONE, caller(Roles.SITE_STAFF, "FR", Set.of("FR-CERGY"), null))
                .groups())
        .isEmpty();
  }

  @Test
  void aPartnerReadsTheCohortsItFundsAndOnlyItsOwnFunderGroup() {
    AccessScope f2 = caller(Roles.PARTNER, "FR", Set.of(), F2);
    IndicatorsView byCountry = view(GroupBy.COUNTRY, NONE, f2);
    assertThat(keys(byCountry)).containsExactly(country("FR"));
    assertThat(numerator(byCountry, "entrants")).isEqualTo(8);
    // cohort D (F1 only) is not F2's: only a5 is measured 3 months after
    assertThat(
            byCountry.groups().getFirst().figures().stream()
                .filter(figure -> figure.indicator().equals("positive-exit-3m"))
                .findFirst()
                .orElseThrow()
                .denominator())
        .isEqualTo(1);
    // cohort A is co-funded by F1: F2 does not read F1's group
    assertThat(keys(view(GroupBy.FUNDER, NONE, f2))).containsExactly(funder(F2));
    assertThat(keys(view(GroupBy.FUNDER, NONE, PLATFORM)))
        .containsExactly(funder(F1), funder(F2), funder(F3));
    // a partner's token without a country: the cohorts it funds, wherever they are
    assertThat(keys(view(GroupBy.COUNTRY, NONE, caller(Roles.PARTNER, null, Set.of(), F3))))
        .containsExactly(country("MA"));
    // a partner funding nothing reads nothing
    assertThat(
            view(GroupBy.COUNTRY, NONE, caller(Roles.PARTNER, "FR", Set.of(), id(0xBAD))).groups())
        .isEmpty();
  }

  @Test
  void learnersAndCallersWithoutARoleReadNothing() {
    HistoryService service = new HistoryService();
    assertThat(
            service
                .indicators(
                    FROM,
                    TO,
                    GroupBy.COUNTRY,
                    NONE,
                    IndicatorCalculatorTest.DEFINITIONS.all(),
                    caller(Roles.LEARNER, "FR", Set.of(), null))
                .groups())
        .isEmpty();
    assertThat(service.asked).isEmpty();
  }

  @Test
  void filtersNarrowTheFactsAndAFilterOutsideTheScopeGivesNoGroup() {
    assertThat(
            keys(
                view(
                    GroupBy.COUNTRY,
                    new IndicatorService.Filters("MA", null, null, null, null),
                    PLATFORM)))
        .containsExactly(country("MA"));
    assertThat(
            view(
                    GroupBy.COUNTRY,
                    new IndicatorService.Filters("MA", null, null, null, null),
                    COUNTRY_FR)
                .groups())
        .isEmpty();
    assertThat(
            view(
                    GroupBy.COUNTRY,
                    new IndicatorService.Filters(null, "MA-FES", null, null, null),
                    COUNTRY_FR)
                .groups())
        .isEmpty();
    assertThat(
            keys(
                view(
                    GroupBy.COUNTRY,
                    new IndicatorService.Filters(null, "MA-FES", null, null, null),
                    PLATFORM)))
        .containsExactly(country("MA"));
    assertThat(
            keys(
                view(
                    GroupBy.COUNTRY,
                    new IndicatorService.Filters(null, null, "DEV", null, null),
                    PLATFORM)))
        .containsExactly(country("MA"));
    assertThat(
            keys(
                view(
                    GroupBy.COHORT,
                    new IndicatorService.Filters(null, null, null, COHORT_A, null),
                    PLATFORM)))
        .containsExactly(new IndicatorsView.Key(null, null, null, COHORT_A, null));
    IndicatorsView f2 =
        view(GroupBy.COUNTRY, new IndicatorService.Filters(null, null, null, null, F2), PLATFORM);
    assertThat(keys(f2)).containsExactly(country("FR"));
    // applications of cohort A follow its funders
    assertThat(numerator(f2, "applications")).isEqualTo(3);
    assertThat(
            keys(
                view(
                    GroupBy.COHORT,
                    new IndicatorService.Filters(null, null, null, null, F3),
                    PLATFORM)))
        .containsExactly(new IndicatorsView.Key(null, null, null, COHORT_C, null));
  }

  @Test
  void staffSeeWhichLearnersAFigureCounts() {
    IndicatorLearnersView completion =
        new HistoryService().learners("completion-rate", null, FROM, TO, NONE, COUNTRY_FR);
    assertThat(completion.definitionVersion()).isEqualTo(1);
    assertThat(completion.counted()).isEqualTo("LEARNER");
    assertThat(completion.numerator()).containsExactly(id(1), id(2), id(3), id(4), id(8));
    assertThat(completion.denominator())
        .containsExactly(id(1), id(2), id(3), id(4), id(5), id(6), id(8));
    assertThat(completion.unknown()).containsExactly(id(10));
    IndicatorLearnersView found =
        new HistoryService().learners("dropout-rate", "FOUND_JOB", FROM, TO, NONE, COUNTRY_FR);
    assertThat(found.numerator()).containsExactly(id(5));
    assertThat(found.category()).isEqualTo("FOUND_JOB");
    IndicatorLearnersView applications =
        new HistoryService().learners("accepted-applications", null, FROM, TO, NONE, PLATFORM);
    assertThat(applications.counted()).isEqualTo("APPLICATION");
    assertThat(applications.numerator()).containsExactly(id(101), id(103));
    // outside the scope: nobody
    assertThat(
            new HistoryService()
                .learners("employment-9m", null, FROM, TO, NONE, COUNTRY_FR)
                .denominator())
        .isEmpty();
    // a category nobody is in
    assertThat(
            new HistoryService()
                .learners("dropout-rate", "HEALTH", FROM, TO, NONE, COUNTRY_FR)
                .numerator())
        .isEmpty();
    assertThatThrownBy(() -> new HistoryService().learners("nope", null, FROM, TO, NONE, PLATFORM))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
  }
}
