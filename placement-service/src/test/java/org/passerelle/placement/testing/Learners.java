package org.passerelle.placement.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.commons.testing.TopicRecords;

/**
 * Learners as enrollment's and cohort's events leave them in placement-service's projection,
 * written straight into it: the job offer and candidacy tests only read the projection (its
 * consumers, and their tests through the broker, are another part of issue 16).
 */
public final class Learners {

  private static boolean enrollmentEventsConsumed;

  private Learners() {}

  /** A learner of this site, without an account, with or without consent to CV sharing. */
  public static UUID of(String site, boolean cvSharing) {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em().createNativeQuery(
                        "insert into learner (learner_id, country, site_code, cv_sharing_consent,"
                            + " consents_as_of) values (?1, ?2, ?3, ?4, now())")
                    .setParameter(1, id)
                    .setParameter(2, site.substring(0, 2))
                    .setParameter(3, site)
                    .setParameter(4, cvSharing)
                    .executeUpdate());
    return id;
  }

  /** A person placement-service heard of (a consent, an account link) but no cohort seated. */
  public static UUID withoutSite(String country) {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em().createNativeQuery(
                        "insert into learner (learner_id, country, cv_sharing_consent,"
                            + " consents_as_of) values (?1, ?2, true, now())")
                    .setParameter(1, id)
                    .setParameter(2, country)
                    .executeUpdate());
    return id;
  }

  /**
   * The learner this demo user's account is linked to (learner-fr, learner-ma): the one already
   * linked when another test linked it, else a new one of this site.
   */
  public static synchronized UUID linked(String user, String site) {
    // enrollment's own tests, earlier in the same run, link these demo accounts to records no
    // cohort seated: once placement-service applied their events, none can relink it mid-test
    if (!enrollmentEventsConsumed) {
      Config config = ConfigProvider.getConfig();
      TopicRecords.awaitConsumed(
          config.getValue("kafka.bootstrap.servers", String.class),
          config.getValue("passerelle.events.consumer.group", String.class),
          "enrollment.events",
          Duration.ofMinutes(2));
      enrollmentEventsConsumed = true;
    }
    String subject = Tokens.subject(user);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<UUID> found =
                  em().createNativeQuery(
                          "select learner_id from learner where account_subject = ?1", UUID.class)
                      .setParameter(1, subject)
                      .getResultList();
              if (!found.isEmpty()) {
                // a learner here is one a cohort seated
                em().createNativeQuery(
                        "update learner set site_code = coalesce(site_code, ?2) where learner_id"
                            + " = ?1")
                    .setParameter(1, found.getFirst())
                    .setParameter(2, site)
                    .executeUpdate();
                return found.getFirst();
              }
              UUID id = UUID.randomUUID();
              em().createNativeQuery(
                      "insert into learner (learner_id, country, site_code, account_subject)"
                          + " values (?1, ?2, ?3, ?4)")
                  .setParameter(1, id)
                  .setParameter(2, site.substring(0, 2))
                  .setParameter(3, site)
                  .setParameter(4, subject)
                  .executeUpdate();
              return id;
            });
  }

  /** Consent to CV sharing as a newer consent-changed would leave it. */
  public static void cvSharing(UUID learnerId, boolean consent) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em().createNativeQuery(
                        "update learner set cv_sharing_consent = ?2, consents_as_of = now(),"
                            + " version = version + 1 where learner_id = ?1")
                    .setParameter(1, learnerId)
                    .setParameter(2, consent)
                    .executeUpdate());
  }

  private static EntityManager em() {
    return CDI.current().select(EntityManager.class).get();
  }
}
