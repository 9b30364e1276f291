package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.placement.KnownApplication;
import org.passerelle.placement.repository.KnownApplicationRepository;

/**
 * The applications the impact indicators' funnel counts (issue 17), written only from
 * enrollment-service's events: the cohort, the day submitted and the day first accepted, in the
 * country's calendar. Either event may arrive first; a replay changes nothing.
 */
@ApplicationScoped
public class KnownApplicationService {

  private final KnownApplicationRepository applications;
  private final FollowUpCalendar calendar;

  KnownApplicationService(KnownApplicationRepository applications, FollowUpCalendar calendar) {
    this.applications = applications;
    this.calendar = calendar;
  }

  @Transactional
  public void submitted(
      UUID applicationId, UUID cohortId, String country, String site, OffsetDateTime at) {
    KnownApplication application = application(applicationId, cohortId, country, site);
    LocalDate day = calendar.day(country, at);
    if (application.submittedOn == null || day.isBefore(application.submittedOn)) {
      application.submittedOn = day;
    }
  }

  @Transactional
  public void accepted(
      UUID applicationId, UUID cohortId, String country, String site, OffsetDateTime at) {
    KnownApplication application = application(applicationId, cohortId, country, site);
    LocalDate day = calendar.day(country, at);
    if (application.acceptedOn == null || day.isBefore(application.acceptedOn)) {
      application.acceptedOn = day;
    }
  }

  private KnownApplication application(
      UUID applicationId, UUID cohortId, String country, String site) {
    // both events of an application are keyed by it on enrollment.events: one partition, in turn
    return applications
        .findByIdOptional(applicationId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(
            () -> {
              KnownApplication application = new KnownApplication();
              application.applicationId = applicationId;
              application.cohortId = cohortId;
              application.country = country;
              application.siteCode = site;
              applications.persist(application);
              return application;
            });
  }
}
