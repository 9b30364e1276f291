package org.passerelle.systemtests;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** The system-test platform's Kafka consumer groups on the shared broker. */
final class ConsumerGroups {

  private static final String BOOTSTRAP =
      System.getenv().getOrDefault("PASSERELLE_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

  private ConsumerGroups() {}

  /**
   * Moves the groups' committed offsets to the end of their partitions. The platform's databases
   * start empty, and the events other runs left on the shared topics since the last system-test run
   * name nothing in them: catching up on those (thousands on a busy machine) would only delay the
   * tests. Best effort: a group still held by a previous run's consumers is left as it is.
   */
  static void skipToEnd(List<String> groups) {
    try (Admin admin = admin()) {
      for (String group : groups) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        if (committed.isEmpty()) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        ends(admin, committed.keySet())
            .forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
          try {
            admin.alterConsumerGroupOffsets(group, ends).all().get();
            break;
          } catch (ExecutionException e) {
            // A previous run's consumer may not have left the group yet (session timeout).
            if (System.nanoTime() > deadline) {
              System.err.println("could not move " + group + " to the end of its topics: " + e);
              break;
            }
            AppProcess.sleep(500);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the consumer groups", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Events on the partitions the groups' live consumers are assigned and have not yet applied (a
   * group's old offsets on topics it no longer reads are not lag).
   */
  static Map<String, Long> lag(List<String> groups)
      throws ExecutionException, InterruptedException {
    Map<String, Long> lag = new HashMap<>();
    try (Admin admin = admin()) {
      for (String group : groups) {
        Set<TopicPartition> assigned = new HashSet<>();
        ConsumerGroupDescription description;
        try {
          description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof GroupIdNotFoundException) {
            continue; // a service that consumes nothing
          }
          throw e;
        }
        for (MemberDescription member : description.members()) {
          assigned.addAll(member.assignment().topicPartitions());
        }
        if (assigned.isEmpty()) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        Map<TopicPartition, ListOffsetsResultInfo> ends = ends(admin, assigned);
        long behind = 0;
        for (TopicPartition partition : assigned) {
          OffsetAndMetadata done = committed.get(partition);
          long end = ends.get(partition).offset();
          behind += Math.max(0, end - (done == null ? 0 : done.offset()));
        }
        if (behind > 0) {
          lag.put(group, behind);
        }
      }
    }
    return lag;
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get()
        .forEach(
            (partition, offset) -> {
              if (offset != null) {
                committed.put(partition, offset);
              }
            });
    return committed;
  }

  private static Map<TopicPartition, ListOffsetsResultInfo> ends(
      Admin admin, Set<TopicPartition> partitions) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
    return admin
        .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get();
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
  }
}
