package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.placement.FollowUp;
import org.passerelle.placement.KnownApplication;
import org.passerelle.placement.KnownCohort;
import org.passerelle.placement.Learner;
import org.passerelle.placement.Placement;
import org.passerelle.placement.PlacementStatus;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.repository.FollowUpRepository;
import org.passerelle.placement.repository.KnownApplicationRepository;
import org.passerelle.placement.repository.KnownCohortRepository;
import org.passerelle.placement.repository.LearnerRepository;
import org.passerelle.placement.repository.PlacementRepository;

/**
 * The facts the impact indicators are computed from, read from placement-service's projection of
 * the other services' events (learners, cohorts, applications) and its own follow-ups and
 * placements: one query per table for a set of countries, joined here.
 */
@ApplicationScoped
public class LearnerFactsService {

  private final LearnerRepository learners;
  private final KnownCohortRepository cohorts;
  private final KnownApplicationRepository applications;
  private final FollowUpRepository followUps;
  private final PlacementRepository placements;
  private final FollowUpCalendar calendar;

  LearnerFactsService(
      LearnerRepository learners,
      KnownCohortRepository cohorts,
      KnownApplicationRepository applications,
      FollowUpRepository followUps,
      PlacementRepository placements,
      FollowUpCalendar calendar) {
    this.learners = learners;
    this.cohorts = cohorts;
    this.applications = applications;
    this.followUps = followUps;
    this.placements = placements;
    this.calendar = calendar;
  }

  /**
   * Every learner of these countries (ISO codes) a cohort seated, with the follow-ups of their
   * latest exit and their RECORDED placements, ordered by learner id.
   */
  @Transactional
  public List<LearnerFacts> learners(Set<String> countries) {
    if (countries.isEmpty()) {
      return List.of();
    }
    Map<UUID, KnownCohort> cohortsById = cohorts(countries);
    Map<UUID, Placement> placementsById =
        placements.inCountries(countries).stream()
            .collect(Collectors.toMap(placement -> placement.id, Function.identity()));
    Map<UUID, List<Placement>> recorded =
        placementsById.values().stream()
            .filter(placement -> placement.status == PlacementStatus.RECORDED)
            .sorted(Comparator.comparing((Placement placement) -> placement.situationOn))
            .collect(Collectors.groupingBy(placement -> placement.learnerId));
    Map<UUID, List<FollowUp>> followUpsByLearner =
        followUps.inCountries(countries).stream()
            .sorted(Comparator.comparingInt(followUp -> followUp.offsetMonths))
            .collect(Collectors.groupingBy(followUp -> followUp.learnerId));
    return learners.seatedIn(countries).stream()
        .sorted(Comparator.comparing(learner -> learner.learnerId))
        .map(
            learner ->
                facts(
                    learner,
                    cohortsById.get(learner.cohortId),
                    followUpsByLearner.getOrDefault(learner.learnerId, List.of()).stream()
                        .filter(followUp -> followUp.exitDate.equals(learner.exitDate))
                        .map(followUp -> followUp(followUp, placementsById))
                        .toList(),
                    recorded.getOrDefault(learner.learnerId, List.of()).stream()
                        .map(LearnerFactsService::placement)
                        .toList()))
        .toList();
  }

  /** Every application of these countries, for the funnel, ordered by application id. */
  @Transactional
  public List<ApplicationFacts> applications(Set<String> countries) {
    if (countries.isEmpty()) {
      return List.of();
    }
    Map<UUID, KnownCohort> cohortsById = cohorts(countries);
    return applications.inCountries(countries).stream()
        .sorted(Comparator.comparing(application -> application.applicationId))
        .map(application -> application(application, cohortsById.get(application.cohortId)))
        .toList();
  }

  private Map<UUID, KnownCohort> cohorts(Set<String> countries) {
    return cohorts.inCountries(countries).stream()
        .collect(Collectors.toMap(cohort -> cohort.cohortId, Function.identity()));
  }

  private LearnerFacts facts(
      Learner learner,
      KnownCohort cohort,
      List<LearnerFacts.FollowUpFact> followUpFacts,
      List<LearnerFacts.PlacementFact> placementFacts) {
    return new LearnerFacts(
        learner.learnerId,
        learner.country,
        learner.siteCode != null ? learner.siteCode : cohort == null ? null : cohort.siteCode,
        learner.programmeCode != null
            ? learner.programmeCode
            : cohort == null ? null : cohort.programmeCode,
        learner.cohortId,
        cohort == null ? null : cohort.startDate,
        cohort == null ? null : cohort.endDate,
        cohort == null ? List.of() : List.copyOf(cohort.funderPartnerIds),
        learner.enrolledAt == null ? null : calendar.day(learner.country, learner.enrolledAt),
        learner.withdrewBeforeStartAt != null,
        learner.transferredIn,
        learner.exitKind,
        learner.exitDate,
        learner.exitReason,
        learner.certification,
        learner.certificationBlocks == null ? List.of() : List.copyOf(learner.certificationBlocks),
        learner.sessionDays,
        learner.attendedDays,
        learner.gender,
        learner.ageBand,
        learner.educationLevel,
        learner.jobSeeker,
        learner.categoriesAsOf == null || learner.priorityPublics == null
            ? null
            : List.copyOf(learner.priorityPublics),
        learner.erasedAt != null,
        followUpFacts,
        placementFacts);
  }

  private static LearnerFacts.FollowUpFact followUp(
      FollowUp followUp, Map<UUID, Placement> placementsById) {
    Placement recorded =
        followUp.placementId == null ? null : placementsById.get(followUp.placementId);
    return new LearnerFacts.FollowUpFact(
        followUp.offsetMonths,
        followUp.dueOn,
        followUp.status,
        recorded == null ? null : recorded.situation,
        recorded != null && recorded.durableEmployment);
  }

  private static LearnerFacts.PlacementFact placement(Placement placement) {
    return new LearnerFacts.PlacementFact(
        placement.situation,
        placement.situationOn,
        placement.startDate,
        placement.contractType,
        placement.durationMonths,
        placement.durableEmployment);
  }

  private static ApplicationFacts application(KnownApplication application, KnownCohort cohort) {
    return new ApplicationFacts(
        application.applicationId,
        application.cohortId,
        application.country,
        application.siteCode,
        cohort == null ? null : cohort.programmeCode,
        cohort == null ? null : cohort.startDate,
        application.submittedOn,
        application.acceptedOn != null);
  }
}
