package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.SqlCounter;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * What one submission costs the database (issue 18): the statements a POST sends and its commits,
 * counted at the JDBC level on the request's thread (requests run on virtual threads; the outbox
 * relay and the consumers on platform threads of their own). Before issue 18 a staff submission of
 * a new person with an Idempotency-Key sent 15 statements, then the relay 5 more in 2 commits (one
 * of them to find the outbox empty): 20 statements and 3 commits per POST. Issue 20 added one
 * select: the country's webhook subscriptions, which the submission tells (ADR 0045).
 */
@QuarkusTest
@TestProfile(SubmissionCostTest.Counting.class)
public class SubmissionCostTest {

  /**
   * The data source counts through {@link SqlCounter}. Only the submissions write to the outbox (no
   * consumer), and the relay reads it only when a commit wakes it up (no idle poll to count).
   */
  public static class Counting implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.jdbc.driver", SqlCounter.DRIVER,
          "passerelle.events.consumer.enabled", "false",
          "passerelle.events.relay.idle-poll", "PT1H");
    }
  }

  @Inject EntityManager entityManager;

  private UUID sevran;

  @BeforeEach
  void intake() {
    sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    // The first request of a run loads classes and caches: not what a submission costs.
    Fixtures.submit("site-staff-fr", sevran, "FR-SEVRAN");
    awaitAllSent();
  }

  private void awaitAllSent() {
    await().atMost(Duration.ofSeconds(30)).until(() -> Api.count(entityManager, UNSENT) == 0);
  }

  private static final String UNSENT = "select count(*) from outbox_event where sent_at is null";

  private static long relayCommits() {
    return commits(SqlCounter.of(SqlCounter.calls(), call -> call.thread().equals("outbox-relay")));
  }

  /** The request's calls to the database while it ran. */
  private static List<SqlCounter.Call> during(Runnable request) {
    SqlCounter.start();
    request.run();
    return SqlCounter.of(SqlCounter.stop(), SqlCounter.Call::virtualThread);
  }

  private static String listed(List<SqlCounter.Call> calls) {
    return calls.stream()
        .map(call -> call.sql() + (call.batched() > 0 ? " [batch of " + call.batched() + "]" : ""))
        .collect(Collectors.joining("\n  ", "\n  ", "\n"));
  }

  private static long statements(List<SqlCounter.Call> calls) {
    return calls.stream().filter(SqlCounter.Call::statement).count();
  }

  private static long commits(List<SqlCounter.Call> calls) {
    return calls.stream().filter(SqlCounter.Call::commit).count();
  }

  private static long rollbacks(List<SqlCounter.Call> calls) {
    return calls.stream().filter(SqlCounter.Call::rollback).count();
  }

  @Test
  void staffSubmittingANewPersonWithAnIdempotencyKey() {
    String key = "cost-" + UUID.randomUUID();
    String payload = body(sevran, "FR-SEVRAN", email());
    List<SqlCounter.Call> first =
        during(
            () ->
                Api.as("site-staff-fr")
                    .header("Idempotency-Key", key)
                    .body(payload)
                    .post(APPLICATIONS)
                    .then()
                    .statusCode(201));
    System.out.println("submit, staff, new person, Idempotency-Key:" + listed(first));
    assertThat(commits(first)).as(listed(first)).isEqualTo(1);
    assertThat(rollbacks(first)).as(listed(first)).isZero();
    assertThat(statements(first)).as(listed(first)).isLessThanOrEqualTo(13);
    // The unique index decides whether the person already applied: no count before the insert.
    assertThat(first).noneMatch(call -> call.sql().startsWith("select count("));

    List<SqlCounter.Call> replay =
        during(
            () ->
                Api.as("site-staff-fr")
                    .header("Idempotency-Key", key)
                    .body(payload)
                    .post(APPLICATIONS)
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "true"));
    System.out.println("replay:" + listed(replay));
    assertThat(commits(replay)).as(listed(replay)).isEqualTo(1);
    assertThat(statements(replay)).as(listed(replay)).isLessThanOrEqualTo(2);
  }

  @Test
  void staffSubmittingWithoutAKey() {
    List<SqlCounter.Call> calls =
        during(
            () ->
                Api.as("site-staff-fr")
                    .body(body(sevran, "FR-SEVRAN", email()))
                    .post(APPLICATIONS)
                    .then()
                    .statusCode(201));
    System.out.println("submit, staff, new person, no key:" + listed(calls));
    assertThat(commits(calls)).as(listed(calls)).isEqualTo(1);
    assertThat(statements(calls)).as(listed(calls)).isLessThanOrEqualTo(11);
  }

  @Test
  void aLearnerSubmittingForThemself() {
    UUID intake = Fixtures.openIntake(entityManager, "FR-CERGY");
    List<SqlCounter.Call> calls =
        during(
            () ->
                Api.as("learner-fr")
                    .body(body(intake, "FR-CERGY", Tokens.email("learner-fr")))
                    .post(APPLICATIONS)
                    .then()
                    .statusCode(201));
    System.out.println("submit, learner:" + listed(calls));
    assertThat(commits(calls)).as(listed(calls)).isEqualTo(1);
    assertThat(statements(calls)).as(listed(calls)).isLessThanOrEqualTo(14);
  }

  /**
   * The relay sends each commit's events in one transaction of its own, and then waits for the next
   * commit: it does not read the outbox again only to find it empty.
   */
  @Test
  void theRelaySendsEachSubmissionInOneTransaction() {
    SqlCounter.start();
    for (int i = 1; i <= 2; i++) {
      Fixtures.submit("site-staff-fr", sevran, "FR-SEVRAN");
      int batches = i;
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Api.count(entityManager, UNSENT) == 0 && relayCommits() >= batches);
    }
    List<SqlCounter.Call> relay =
        SqlCounter.of(SqlCounter.stop(), call -> call.thread().equals("outbox-relay"));
    System.out.println("relay, two submissions one after the other:" + listed(relay));
    assertThat(commits(relay)).as(listed(relay)).isEqualTo(2);
  }

  @Test
  void aDuplicateIsOneRolledBackTransaction() {
    String email = email();
    Api.as("site-staff-fr")
        .body(body(sevran, "FR-SEVRAN", email))
        .post(APPLICATIONS)
        .then()
        .statusCode(201);
    List<SqlCounter.Call> calls =
        during(
            () ->
                Api.as("site-staff-fr")
                    .header("Idempotency-Key", "cost-" + UUID.randomUUID())
                    .body(body(sevran, "FR-SEVRAN", email))
                    .post(APPLICATIONS)
                    .then()
                    .statusCode(409)
                    .body("status", equalTo(409)));
    System.out.println("duplicate:" + listed(calls));
    assertThat(commits(calls)).as(listed(calls)).isZero();
    assertThat(rollbacks(calls)).as(listed(calls)).isEqualTo(1);
    assertThat(statements(calls)).as(listed(calls)).isLessThanOrEqualTo(6);
    assertThat(calls).noneMatch(call -> call.sql().startsWith("select count("));
  }
}
