package org.passerelle.enrollment.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.api.OwnApplication;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * A learner's own applications with their intakes: those of the records linked to the caller's
 * account (applicant.subject, ADR 0011), in every country; the link itself is how
 * enrollment-service knows a learner, which the other services learn from learner-account-linked
 * (ADR 0023).
 */
@ApplicationScoped
public class OwnApplicationService {

  private final ApplicationRepository applications;
  private final IntakeRepository intakes;

  OwnApplicationService(ApplicationRepository applications, IntakeRepository intakes) {
    this.applications = applications;
    this.intakes = intakes;
  }

  /** Newest first; empty for an account no record is linked to. */
  @Transactional
  public Page<OwnApplication> mine(int page, int size, AccessScope scope) {
    if (!scope.has(Roles.LEARNER)) {
      throw ProblemException.forbidden();
    }
    if (scope.subject() == null) {
      return new Page<>(List.of(), page, size, 0);
    }
    Page<Application> found =
        Page.of(
            applications.find(
                "applicant.subject = ?1",
                Sort.descending("submittedAt").and("id", Sort.Direction.Descending),
                scope.subject()),
            page,
            size,
            application -> application);
    if (found.items().isEmpty()) {
      return new Page<>(List.of(), page, size, found.total(), found.totalIsExact());
    }
    List<UUID> intakeIds =
        found.items().stream().map(application -> application.intakeId).distinct().toList();
    Map<UUID, Intake> byId =
        intakes.list("id in ?1", intakeIds).stream()
            .collect(Collectors.toMap(intake -> intake.id, Function.identity()));
    return new Page<>(
        found.items().stream()
            .map(application -> OwnApplication.of(application, byId.get(application.intakeId)))
            .toList(),
        page,
        size,
        found.total(),
        found.totalIsExact());
  }
}
