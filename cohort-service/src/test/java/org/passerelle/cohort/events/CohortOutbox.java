package org.passerelle.cohort.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.commons.testing.EventSchemas;

/** What cohort-service wrote to its outbox about one cohort, as committed. */
public final class CohortOutbox {

  public static final String PREFIX = "org.passerelle.cohort.";
  public static final String SCHEDULED = PREFIX + "cohort-scheduled.v1";
  public static final String CHANGED = PREFIX + "cohort-changed.v1";
  public static final String CANCELLED = PREFIX + "cohort-cancelled.v1";
  public static final String ENROLLED = PREFIX + "learner-enrolled.v1";
  public static final String UNAVAILABLE = PREFIX + "seat-unavailable.v1";
  public static final String FREED = PREFIX + "seat-freed.v1";
  public static final String STARTED = PREFIX + "cohort-started.v1";
  public static final String COMPLETED = PREFIX + "cohort-completed.v1";
  public static final String WITHDREW = PREFIX + "learner-withdrew.v1";
  public static final String TRANSFERRED = PREFIX + "learner-transferred.v1";
  public static final String LEARNER_COMPLETED = PREFIX + "learner-completed.v1";
  public static final String ATTENDANCE_ALERT = PREFIX + "attendance-alert.v1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CohortOutbox() {}

  /**
   * The data of the events of this type about this cohort, oldest first, each checked against its
   * JSON Schema.
   */
  @SuppressWarnings("unchecked")
  public static List<JsonNode> events(EntityManager entityManager, String cohortId, String type) {
    List<String> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (List<String>)
                        entityManager
                            .createNativeQuery(
                                "select data::text from outbox_event where aggregate_id = ?1"
                                    + " and type = ?2 order by seq")
                            .setParameter(1, UUID.fromString(cohortId))
                            .setParameter(2, type)
                            .getResultList());
    List<JsonNode> events = new ArrayList<>();
    for (String row : rows) {
      EventSchemas.assertValid(type, row);
      try {
        events.add(JSON.readTree(row));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return events;
  }

  /** How many events about this cohort the outbox holds, of any type. */
  public static long count(EntityManager entityManager, String cohortId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select count(*) from outbox_event where aggregate_id = ?1")
                            .setParameter(1, UUID.fromString(cohortId))
                            .getSingleResult())
                    .longValue());
  }
}
