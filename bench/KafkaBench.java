import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's Kafka helper (the Kafka distribution we download has no kafka-tools jar):
 * <ul>
 *   <li>{@code roundtrip <bootstrap> <topic> <rate/s> <seconds>}: raw produce to consume latency at
 *       a steady rate, with the producer and consumer settings of the services (commons
 *       KafkaClients: acks=all, idempotence, linger 5 ms; read_committed). Prints one JSON line.
 *   <li>{@code skip-to-end <bootstrap> <group>[,<group>...] <topic>...}: moves consumer groups' offsets to the
 *       end of the topics, so the bench services do not replay what other stacks left there.
 *   <li>{@code lag <bootstrap> <group>[,<group>...]}: what the groups have yet to read of the
 *       partitions they committed offsets for (read_committed end offsets). Prints one JSON line.
 * </ul>
 */
public class KafkaBench {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: KafkaBench roundtrip <bootstrap> <topic> <rate> <seconds>"
              + " | skip-to-end <bootstrap> <group> <topic>... | lag <bootstrap> <group>,...");
      System.exit(2);
    }
    switch (args[0]) {
      case "roundtrip" ->
          roundTrip(args[1], args[2], Double.parseDouble(args[3]), Integer.parseInt(args[4]));
      case "skip-to-end" -> {
        for (String group : args[2].split(",")) {
          skipToEnd(args[1], group, List.of(args).subList(3, args.length));
        }
      }
      case "lag" -> lag(args[1], List.of(args[2].split(",")));
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  private static Admin admin(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    return Admin.create(props);
  }

  private static void lag(String bootstrap, List<String> groups) throws Exception {
    StringBuilder json = new StringBuilder("{");
    try (Admin admin = admin(bootstrap)) {
      for (String group : groups) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            new HashMap<>(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
        // Only what the group's members read: an offset set on another topic (skip-to-end sets
        // every topic's, a service's own included) is not a backlog.
        var assigned = new java.util.HashSet<TopicPartition>();
        admin
            .describeConsumerGroups(List.of(group))
            .all()
            .get()
            .get(group)
            .members()
            .forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
        if (!assigned.isEmpty()) {
          committed.keySet().retainAll(assigned);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        long lag = 0;
        if (!latest.isEmpty()) {
          var ends =
              admin
                  .listOffsets(
                      latest,
                      new ListOffsetsOptions(org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
                  .all()
                  .get();
          for (var entry : committed.entrySet()) {
            if (entry.getValue() != null) {
              lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
          }
        }
        if (json.length() > 1) {
          json.append(',');
        }
        json.append('"').append(group).append("\":").append(lag);
      }
    }
    System.out.println(json.append('}'));
  }

  private static void skipToEnd(String bootstrap, String group, List<String> topics)
      throws Exception {
    try (Admin admin = admin(bootstrap)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get()
          .forEach(
              (name, description) ->
                  description
                      .partitions()
                      .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end :
          admin.listOffsets(latest).all().get().entrySet()) {
        ends.put(end.getKey(), new OffsetAndMetadata(end.getValue().offset()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        try {
          admin.alterConsumerGroupOffsets(group, ends).all().get();
          break;
        } catch (ExecutionException e) {
          // a consumer of a previous run may still be in the group (session timeout)
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(500);
        }
      }
      System.out.println(group + ": " + ends.size() + " partitions moved to their end");
    }
  }

  private static void roundTrip(String bootstrap, String topic, double rate, int seconds)
      throws Exception {
    try (Admin admin = admin(bootstrap)) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    Map<String, Object> producerProps = new HashMap<>();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    Map<String, Object> consumerProps = new HashMap<>();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "passerelle-bench-roundtrip");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end before producing
      Thread reader =
          new Thread(
              () -> {
                while (!stop.get()) {
                  for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long sent = ByteBuffer.wrap(record.value()).getLong();
                    latencies.add(System.nanoTime() - sent);
                  }
                }
              });
      reader.start();
      long total = Math.round(rate * seconds);
      long start = System.nanoTime();
      double interval = 1e9 / rate;
      byte[] padding = new byte[400]; // about the size of a domain event
      for (long i = 0; i < total; i++) {
        long due = start + (long) (i * interval);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        byte[] value = ByteBuffer.allocate(8 + padding.length).putLong(System.nanoTime()).put(padding).array();
        producer.send(new ProducerRecord<>(topic, "key-" + i, value));
      }
      producer.flush();
      long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (latencies.size() < total && System.nanoTime() < waitUntil) {
        Thread.sleep(50);
      }
      stop.set(true);
      reader.join();
      List<Long> sorted;
      synchronized (latencies) {
        sorted = new ArrayList<>(latencies);
      }
      Collections.sort(sorted);
      System.out.printf(
          "{\"sent\": %d, \"received\": %d, \"rate\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f}%n",
          total, sorted.size(), rate, percentile(sorted, 50), percentile(sorted, 99));
      if (sorted.size() < total) {
        System.exit(1);
      }
    }
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
