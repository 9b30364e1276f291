package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.commons.testing.TopicRecords;

/**
 * Nothing lost, nothing doubled, order kept per aggregate, whatever dies and when (DESIGN §4).
 *
 * <p>cohort-service (the relaying service) takes a few thousand writes: cohorts scheduled, then
 * changed again and again. Two enrollment-service instances in one consumer group (the consuming
 * service, scaled out) build their intakes from cohort-service's events. While the writes go
 * through, cohort-service is killed (SIGKILL) and restarted, the broker is stopped for longer than
 * the relay waits for acknowledgements and restarted, and one enrollment instance is killed and
 * restarted. Afterwards every committed write has exactly one event, every event exactly one effect
 * downstream, in the order of its aggregate.
 *
 * <p>This run has a broker of its own, so stopping it disturbs no other test, and its own databases
 * ({@code _faulttest}).
 */
class EventBackboneFaultTest {

  private static final int COHORTS = 120;
  private static final int CHANGES_PER_COHORT = 24;
  private static final int WRITES = COHORTS * (1 + CHANGES_PER_COHORT);
  private static final int WRITERS = 8;
  private static final int BASE_CAPACITY = 20;
  private static final String CONSUMER_GROUP = "enrollment-faulttest";
  private static final Duration RELAY_WAIT = Duration.ofSeconds(8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static KafkaBroker broker;
  private static AppProcess cohort;
  private static AppProcess enrollmentA;
  private static AppProcess enrollmentB;

  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicLong lastAcknowledged = new AtomicLong();
  private final AtomicInteger retriedRequests = new AtomicInteger();
  private final Map<String, Long> faultTimes = new ConcurrentHashMap<>();

  @BeforeAll
  static void startParts() throws Exception {
    Databases.reset("cohort", "faulttest");
    Databases.reset("enrollment", "faulttest");
    Path dir = Path.of("target/fault-kafka");
    deleteRecursively(dir);
    broker = new KafkaBroker(dir).start();
    broker.createTopics(
        3, "cohort.events", "cohort.events.dlq", "enrollment.events", "enrollment.events.dlq");
    Map<String, String> cohortEnv = new HashMap<>(env("cohort", "cohort-faulttest"));
    cohortEnv.put("PASSERELLE_EVENTS_RELAY_ACKNOWLEDGEMENT_WAIT", RELAY_WAIT.toString());
    cohort = new AppProcess("fault-cohort", "cohort-service", cohortEnv);
    enrollmentA =
        new AppProcess(
            "fault-enrollment-a", "enrollment-service", env("enrollment", CONSUMER_GROUP));
    enrollmentB =
        new AppProcess(
            "fault-enrollment-b", "enrollment-service", env("enrollment", CONSUMER_GROUP));
    for (AppProcess part : List.of(cohort, enrollmentA, enrollmentB)) {
      part.start();
    }
    for (AppProcess part : List.of(cohort, enrollmentA, enrollmentB)) {
      part.awaitReady(Duration.ofSeconds(180));
    }
  }

  @AfterAll
  static void stopParts() {
    for (AppProcess part : new AppProcess[] {cohort, enrollmentA, enrollmentB}) {
      if (part != null) {
        part.stop();
      }
    }
    if (broker != null) {
      broker.stop();
    }
  }

  private static Map<String, String> env(String service, String group) {
    return Map.of(
        "PASSERELLE_DB_NAME",
        "passerelle_" + service + "_faulttest",
        "PASSERELLE_KAFKA_BOOTSTRAP",
        broker.bootstrap(),
        "PASSERELLE_EVENTS_CONSUMER_GROUP",
        group);
  }

  @Test
  void everyWriteHasExactlyOneEffectInOrderWhateverDies() throws Exception {
    long started = System.nanoTime();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<List<UUID>>> work = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int cohorts = COHORTS / WRITERS;
      work.add(writers.submit(() -> write(cohorts)));
    }

    // Scaled out: both enrollment instances hold partitions of cohort.events.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(membersWithPartitions()).isEqualTo(2));

    awaitWrites(WRITES / 5);
    faultTimes.put("cohort-service killed", System.nanoTime());
    cohort.kill();
    cohort.start().awaitReady(Duration.ofSeconds(180));
    faultTimes.put("cohort-service back", System.nanoTime());

    awaitWrites(WRITES * 2 / 5);
    long relayLogStart = relayLogSize();
    faultTimes.put("broker stopped", System.nanoTime());
    broker.stop();
    // The writers go on meanwhile, so the relay has rows to send. The outage outlasts the relay's
    // wait for acknowledgements (RELAY_WAIT): it gives up on a batch while its producer still
    // holds the records behind it, the moment an event once overtook its predecessor.
    AppProcess.sleep(RELAY_WAIT.plusSeconds(8).toMillis());
    broker.start();
    faultTimes.put("broker back", System.nanoTime());

    awaitWrites(WRITES * 3 / 5);
    faultTimes.put("enrollment-service A killed", System.nanoTime());
    enrollmentA.kill();
    AppProcess.sleep(2_000);
    enrollmentA.start().awaitReady(Duration.ofSeconds(180));
    faultTimes.put("enrollment-service A back", System.nanoTime());

    Set<UUID> cohortIds = new HashSet<>();
    for (Future<List<UUID>> result : work) {
      cohortIds.addAll(result.get(10, TimeUnit.MINUTES));
    }
    writers.shutdown();
    long writesDone = lastAcknowledged.get();
    long recovered = System.nanoTime();
    assertThat(cohortIds).hasSize(COHORTS);
    assertThat(acknowledged.get()).isEqualTo(WRITES);

    // Drained: every event the writes produced has been applied downstream.
    Map<UUID, Event> emitted = emittedEvents();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> appliedCount() >= emitted.size());
    long drained = System.nanoTime();
    faultTimes.put("last write acknowledged", writesDone);
    faultTimes.put("every part up again", recovered);

    // 1. Every acknowledged write committed exactly one event at the source.
    assertThat(emitted).hasSize(WRITES);
    Map<UUID, List<Long>> versionsByCohort = new HashMap<>();
    emitted
        .values()
        .forEach(
            e ->
                versionsByCohort
                    .computeIfAbsent(e.cohortId, k -> new ArrayList<>())
                    .add(e.version));
    assertThat(versionsByCohort.keySet()).isEqualTo(cohortIds);
    List<Long> expectedVersions = new ArrayList<>();
    for (long v = 0; v <= CHANGES_PER_COHORT; v++) {
      expectedVersions.add(v);
    }
    versionsByCohort.forEach(
        (id, versions) ->
            assertThat(versions.stream().sorted().toList())
                .as("versions emitted for cohort %s", id)
                .isEqualTo(expectedVersions));

    // 2. Every event applied exactly once downstream: no loss, no duplicate.
    List<Applied> applied = appliedEvents();
    Set<UUID> appliedIds = new HashSet<>();
    applied.forEach(a -> appliedIds.add(a.eventId));
    assertThat(applied).as("inbox rows").hasSize(appliedIds.size());
    assertThat(appliedIds).as("applied events").isEqualTo(emitted.keySet());
    Map<UUID, long[]> intakes = intakes();
    assertThat(intakes.keySet()).isEqualTo(cohortIds);
    intakes.forEach(
        (id, intake) -> {
          assertThat(intake[0]).as("intake %s version", id).isEqualTo(CHANGES_PER_COHORT);
          assertThat(intake[1])
              .as("intake %s capacity", id)
              .isEqualTo(BASE_CAPACITY + CHANGES_PER_COHORT);
        });

    // 3. Per-aggregate order held: each cohort's events were applied in version order.
    Map<UUID, List<Long>> appliedOrder = new LinkedHashMap<>();
    for (Applied a : applied) {
      Event event = emitted.get(a.eventId);
      appliedOrder.computeIfAbsent(event.cohortId, k -> new ArrayList<>()).add(event.version);
    }
    appliedOrder.forEach(
        (id, versions) ->
            assertThat(versions).as("order applied for cohort %s", id).isEqualTo(expectedVersions));

    // The relay has nothing left and says so.
    JsonNode readiness = get(cohort.url() + "/q/health/ready");
    for (JsonNode check : readiness.path("checks")) {
      if ("Outbox relay".equals(check.path("name").asText())) {
        assertThat(check.path("data").path("pendingRows").asLong()).isZero();
      }
    }

    WireCount wire = countOnTheWire();
    assertThat(wire.distinct).isEqualTo(WRITES);
    long relayGaveUp = relayGaveUpSince(relayLogStart);
    assertThat(relayGaveUp).as("times the relay gave up on a batch during the outage").isPositive();
    report(started, writesDone, drained, emitted.size(), applied.size(), wire, relayGaveUp);
  }

  /** Schedules cohorts, then changes each of them in turn, retrying through every outage. */
  private List<UUID> write(int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(schedule());
    }
    for (int change = 1; change <= CHANGES_PER_COHORT; change++) {
      for (UUID id : ids) {
        changeCapacity(id, BASE_CAPACITY + change);
      }
    }
    return ids;
  }

  private UUID schedule() {
    String key = UUID.randomUUID().toString();
    String body =
        """
        {"programmeCode": "WEB-DEV", "siteCode": "FR-SEVRAN", "startDate": "2027-03-01",
         "endDate": "2027-09-24", "capacity": %d}
        """
            .formatted(BASE_CAPACITY);
    while (true) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create(cohort.url() + "/api/v1/cohorts"))
                  .header("Idempotency-Key", key)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      if (response != null && response.statusCode() == 201) {
        acknowledge();
        return UUID.fromString(readTree(response.body()).path("id").asText());
      }
      retry(response);
    }
  }

  /** Idempotent by construction: a change whose answer was lost is seen on the next read. */
  private void changeCapacity(UUID id, int capacity) {
    URI uri = URI.create(cohort.url() + "/api/v1/cohorts/" + id);
    while (true) {
      HttpResponse<String> current = send(HttpRequest.newBuilder(uri).GET());
      if (current == null || current.statusCode() != 200) {
        retry(current);
        continue;
      }
      if (readTree(current.body()).path("capacity").asInt() == capacity) {
        acknowledge();
        return;
      }
      String etag = current.headers().firstValue("ETag").orElseThrow();
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(uri)
                  .header("If-Match", etag)
                  .header("Content-Type", "application/merge-patch+json")
                  .method(
                      "PATCH",
                      HttpRequest.BodyPublishers.ofString("{\"capacity\": " + capacity + "}")));
      if (response != null && response.statusCode() == 200) {
        acknowledge();
        return;
      }
      retry(response);
    }
  }

  private void acknowledge() {
    acknowledged.incrementAndGet();
    lastAcknowledged.accumulateAndGet(System.nanoTime(), Math::max);
  }

  private void retry(HttpResponse<String> response) {
    if (response != null && response.statusCode() < 500 && response.statusCode() != 412) {
      throw new AssertionError(
          "unexpected answer " + response.statusCode() + ": " + response.body());
    }
    retriedRequests.incrementAndGet();
    AppProcess.sleep(100);
  }

  /** The answer, or null when the service could not be reached (it is down: try again). */
  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request
              .header("Authorization", Tokens.bearer("platform-admin"))
              .timeout(Duration.ofSeconds(15))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitWrites(int count) {
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> acknowledged.get() >= count);
  }

  private int membersWithPartitions() throws Exception {
    try (Admin admin = broker.admin()) {
      ConsumerGroupDescription group =
          admin
              .describeConsumerGroups(List.of(CONSUMER_GROUP))
              .describedGroups()
              .get(CONSUMER_GROUP)
              .get(10, TimeUnit.SECONDS);
      int members = 0;
      for (MemberDescription member : group.members()) {
        boolean cohortEvents =
            member.assignment().topicPartitions().stream()
                .anyMatch(p -> p.topic().equals("cohort.events"));
        if (cohortEvents) {
          members++;
        }
      }
      return members;
    }
  }

  private record Event(UUID cohortId, long version) {}

  private record Applied(UUID eventId, long seq) {}

  private record WireCount(int records, int distinct) {}

  /** cohort-service's outbox: what its committed writes emitted. */
  private static Map<UUID, Event> emittedEvents() throws SQLException {
    Map<UUID, Event> events = new HashMap<>();
    try (Connection db = connect("cohort");
        Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select id, aggregate_id, type, coalesce((data::jsonb ->> 'version')::bigint, 0)"
                    + " from outbox_event where topic = 'cohort.events'"
                    // the migration announces the seeded sites; the writes are about cohorts
                    + " and type not like 'org.passerelle.cohort.site-%'")) {
      while (rows.next()) {
        String type = rows.getString(3);
        assertThat(type)
            .isIn(
                "org.passerelle.cohort.cohort-scheduled.v1",
                "org.passerelle.cohort.cohort-changed.v1");
        events.put(
            rows.getObject(1, UUID.class),
            new Event(rows.getObject(2, UUID.class), rows.getLong(4)));
      }
    }
    return events;
  }

  private static long appliedCount() throws SQLException {
    try (Connection db = connect("enrollment");
        Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from inbox_event where consumer = '"
                    + CONSUMER_GROUP
                    + "' and event_type like 'org.passerelle.cohort.%'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** enrollment-service's inbox, in the order the events were applied. */
  private static List<Applied> appliedEvents() throws SQLException {
    List<Applied> applied = new ArrayList<>();
    try (Connection db = connect("enrollment");
        Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select event_id, seq from inbox_event where consumer = '"
                    + CONSUMER_GROUP
                    + "' and event_type like 'org.passerelle.cohort.%' order by seq")) {
      while (rows.next()) {
        applied.add(new Applied(rows.getObject(1, UUID.class), rows.getLong(2)));
      }
    }
    return applied;
  }

  /** The effect itself: each intake's cohort version and capacity, as enrollment holds them. */
  private static Map<UUID, long[]> intakes() throws SQLException {
    Map<UUID, long[]> intakes = new HashMap<>();
    try (Connection db = connect("enrollment");
        Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery("select id, cohort_version, capacity from intake")) {
      while (rows.next()) {
        intakes.put(rows.getObject(1, UUID.class), new long[] {rows.getLong(2), rows.getLong(3)});
      }
    }
    return intakes;
  }

  /** Records on the topic and distinct ce_ids: the difference is what the inboxes absorbed. */
  private static WireCount countOnTheWire() {
    List<ConsumerRecord<String, byte[]>> records =
        TopicRecords.readAll(broker.bootstrap(), "cohort.events", Duration.ofSeconds(60));
    Set<String> ids = new HashSet<>();
    int cohortRecords = 0;
    for (ConsumerRecord<String, byte[]> record : records) {
      String type =
          new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
      if (type.startsWith("org.passerelle.cohort.site-")) {
        continue; // the seeded sites, announced by a migration, not by the writes
      }
      cohortRecords++;
      ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }
    return new WireCount(cohortRecords, ids.size());
  }

  private static Path relayLog() {
    return AppProcess.LOGS.resolve("fault-cohort.log");
  }

  private static long relayLogSize() throws IOException {
    return Files.exists(relayLog()) ? Files.size(relayLog()) : 0;
  }

  /** Batches the relay gave up on (and sent again) since the log had this many bytes. */
  private static long relayGaveUpSince(long offset) throws IOException {
    byte[] log = Files.readAllBytes(relayLog());
    String written =
        new String(log, (int) offset, log.length - (int) offset, StandardCharsets.UTF_8);
    return written.lines().filter(line -> line.contains("outbox relay failed")).count();
  }

  private void report(
      long started,
      long writesDone,
      long drained,
      int events,
      int effects,
      WireCount wire,
      long relayGaveUp)
      throws IOException {
    StringBuilder report = new StringBuilder("Event backbone fault test\n");
    report.append("  writes acknowledged:         ").append(acknowledged.get()).append('\n');
    report.append("  requests retried in outages: ").append(retriedRequests.get()).append('\n');
    report.append("  events emitted (outbox):     ").append(events).append('\n');
    report.append("  records on the wire:         ").append(wire.records);
    report.append(" (").append(wire.records - wire.distinct).append(" redelivered duplicates)\n");
    report.append("  effects downstream:          ").append(effects);
    report.append(" (duplicates 0, losses ").append(events - effects).append(")\n");
    report.append("  batches the relay gave up on and sent again: ").append(relayGaveUp);
    report.append('\n');
    faultTimes.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(
            fault ->
                report
                    .append("  ")
                    .append(fault.getKey())
                    .append(" at ")
                    .append(seconds(fault.getValue() - started))
                    .append('\n'));
    report.append("  drained at ").append(seconds(drained - started));
    report.append(", ").append(seconds(drained - writesDone)).append(" after the last write\n");
    System.out.print(report);
    Files.createDirectories(AppProcess.LOGS);
    Files.writeString(AppProcess.LOGS.resolve("fault-test-report.txt"), report);
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    return readTree(
        HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static Connection connect(String service) throws SQLException {
    return Databases.connect(service, "faulttest");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
