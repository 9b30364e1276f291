package org.passerelle.enrollment.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.Intake;

/**
 * What enrollment's API tests share: an open intake (as cohort-service's events would have made it;
 * CohortEventsTest covers the events themselves) and a complete, valid application body.
 */
public final class Fixtures {

  public static final String APPLICATIONS = "/api/v1/applications";

  private Fixtures() {}

  /** An intake recruiting now at this site, starting in two months, minimum age 18. */
  public static UUID openIntake(EntityManager entityManager, String site) {
    return intake(
        entityManager,
        site,
        LocalDate.now(ZoneOffset.UTC).minusDays(10),
        LocalDate.now(ZoneOffset.UTC).plusDays(30),
        LocalDate.now(ZoneOffset.UTC).plusMonths(2),
        18,
        "RECRUITING");
  }

  public static UUID intake(
      EntityManager entityManager,
      String site,
      LocalDate opensOn,
      LocalDate closesOn,
      LocalDate start,
      Integer minimumAge,
      String status) {
    Intake intake = new Intake();
    intake.id = UUID.randomUUID();
    intake.programmeCode = "WEB-DEV";
    intake.siteCode = site;
    intake.country = site.substring(0, 2);
    intake.startDate = start;
    intake.endDate = start.plusMonths(6);
    intake.capacity = 20;
    intake.recruitmentOpensOn = opensOn;
    intake.recruitmentClosesOn = closesOn;
    intake.minimumAge = minimumAge;
    intake.cohortStatus = status;
    intake.cohortVersion = 0;
    intake.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    QuarkusTransaction.requiringNew().run(() -> entityManager.persist(intake));
    return intake.id;
  }

  /** Whether this demo user is a learner, who applies for themself with their account's email. */
  public static boolean learner(String user) {
    return user.startsWith("learner-");
  }

  /** A fresh email, so each test's applicant is a new person. */
  public static String email() {
    return "applicant-" + UUID.randomUUID() + "@example.org";
  }

  /** A complete application of a person living in the intake's country. */
  public static String body(UUID intakeId, String site, String email) {
    return body(intakeId, site, email, "[]");
  }

  /** As {@link #body(UUID, String, String)} with these priority publics (a JSON array). */
  public static String body(UUID intakeId, String site, String email, String priorityPublics) {
    boolean france = site.startsWith("FR");
    return """
        {"intakeId": "%s",
         "applicant": {
           "firstName": "Amina", "lastName": "Benali", "birthDate": "2001-04-12",
           "email": "%s", "phone": "%s",
           "address": {"line": "12 rue des Lilas", "postalCode": "%s", "city": "%s",
                       "country": "%s"},
           "nationality": "%s", "gender": "FEMALE", "educationLevel": "BAC",
           "employment": {"jobSeekerAgency": "%s", "jobSeekerId": "%s"},
           "priorityPublics": %s,
           "referral": {"source": "MISSION_LOCALE", "contact": "Mme Durand"},
           "motivation": "Je veux devenir développeuse web.",
           "constraints": {"availability": "Full time", "accommodationNeeds": "Ground floor"}},
         "consents": [{"purpose": "APPLICATION_PROCESSING", "granted": true},
                      {"purpose": "FOLLOW_UP_CONTACT", "granted": true}]}
        """
        .formatted(
            intakeId,
            email,
            france ? "+33612345678" : "+212612345678",
            france ? "93270" : "30000",
            france ? "Sevran" : "Fès",
            site.substring(0, 2),
            site.substring(0, 2),
            france ? "FRANCE_TRAVAIL" : "ANAPEC",
            france ? "1234567A" : "AB123456",
            priorityPublics);
  }

  /**
   * Submits as this demo user and returns the new application's id. A fresh person, except for a
   * learner, who applies as themself: with their account's email.
   */
  public static String submit(String user, UUID intakeId, String site) {
    return Api.as(user)
        .body(body(intakeId, site, learner(user) ? Tokens.email(user) : email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
