package org.passerelle.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one place where Kafka producers and consumers are configured. */
@ApplicationScoped
public class KafkaClients {

  /** The client security settings a deployment may set (empty ones are left out). */
  static final List<String> SECURITY_SETTINGS =
      List.of(
          "security.protocol",
          "sasl.mechanism",
          "sasl.jaas.config",
          "ssl.truststore.type",
          "ssl.truststore.certificates");

  private final String bootstrapServers;
  private final Map<String, String> security;

  @Inject
  KafkaClients(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, Config config) {
    this(bootstrapServers, securityFrom(config));
  }

  KafkaClients(String bootstrapServers, Map<String, String> security) {
    this.bootstrapServers = bootstrapServers;
    this.security = Map.copyOf(security);
  }

  private static Map<String, String> securityFrom(Config config) {
    Map<String, String> security = new HashMap<>();
    for (String setting : SECURITY_SETTINGS) {
      config
          .getOptionalValue("kafka." + setting, String.class)
          .filter(value -> !value.isBlank())
          .ifPresent(value -> security.put(setting, value));
    }
    return security;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Idempotent producer with {@code acks=all}: the broker keeps order and drops retries. */
  public KafkaProducer<String, byte[]> producer(String clientId) {
    return new KafkaProducer<>(producerSettings(clientId));
  }

  /**
   * The same producer, whose records the client gives up on only after {@code deliveryTimeout}. The
   * idempotent producer keeps a partition's order only while no record fails: once a batch expires,
   * the batches behind it are renumbered and may still be written. A sender that must keep order
   * closes the producer itself (aborting every unsent batch at once) well before this.
   */
  public KafkaProducer<String, byte[]> producer(String clientId, Duration deliveryTimeout) {
    return new KafkaProducer<>(producerSettings(clientId, deliveryTimeout));
  }

  Map<String, Object> producerSettings(String clientId) {
    return producerSettings(clientId, Duration.ofSeconds(20));
  }

  Map<String, Object> producerSettings(String clientId, Duration deliveryTimeout) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putAll(security);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  /** Manual commits after the inbox transaction; only committed (acknowledged) records. */
  public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId) {
    return new KafkaConsumer<>(consumerSettings(groupId, clientId));
  }

  Map<String, Object> consumerSettings(String groupId, String clientId) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putAll(security);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Small batches: a batch of failing events, each retried with backoff, must finish well
    // within max.poll.interval.ms or the consumer loses its partitions mid-batch.
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
    // An instance that dies (no clean leave) hands its partitions over after 10 s, not 45 s.
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }
}
