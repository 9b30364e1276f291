package org.passerelle.commons.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kafka clients' security comes from the variables a deployment sets
 * (docs/guides/kubernetes.md) through the shared configuration file, and nothing is passed when
 * they are not set.
 */
class KafkaClientsTest {

  @Test
  void aDeploymentsVariablesReachProducersAndConsumers() throws IOException {
    KafkaClients clients =
        clients(
            Map.of(
                "PASSERELLE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PASSERELLE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "PASSERELLE_KAFKA_SASL_JAAS_CONFIG", "scram-login required;",
                "PASSERELLE_KAFKA_TRUSTSTORE_TYPE", "PEM",
                "PASSERELLE_KAFKA_TRUSTSTORE_CERTIFICATES", "-----BEGIN CERTIFICATE-----"));

    for (Map<String, Object> settings :
        List.of(clients.producerSettings("relay"), clients.consumerSettings("cohort", "inbox"))) {
      assertThat(settings)
          .containsEntry("bootstrap.servers", "kafka:9093")
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("sasl.jaas.config", "scram-login required;")
          .containsEntry("ssl.truststore.type", "PEM")
          .containsEntry("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----");
    }
  }

  @Test
  void onADevelopersMachineTheClientsArePlain() throws IOException {
    KafkaClients clients = clients(Map.of());

    assertThat(clients.producerSettings("relay"))
        .containsEntry("security.protocol", "PLAINTEXT")
        .doesNotContainKeys(
            "sasl.mechanism",
            "sasl.jaas.config",
            "ssl.truststore.type",
            "ssl.truststore.certificates");
    assertThat(clients.consumerSettings("cohort", "inbox"))
        .containsEntry("security.protocol", "PLAINTEXT")
        .doesNotContainKeys("sasl.jaas.config", "ssl.truststore.certificates");
  }

  @Test
  void aSenderThatKeepsOrderChoosesWhenTheClientGivesUpOnARecord() throws IOException {
    KafkaClients clients = clients(Map.of());

    assertThat(clients.producerSettings("dead-letters"))
        .containsEntry("delivery.timeout.ms", 20_000)
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all");
    assertThat(clients.producerSettings("relay", Duration.ofMinutes(5)))
        .containsEntry("delivery.timeout.ms", 300_000)
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all");
  }

  private static KafkaClients clients(Map<String, String> environment) throws IOException {
    URL shared =
        KafkaClients.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
    assertThat(shared).as("the shared configuration file").isNotNull();
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            .withSources(new PropertiesConfigSource(shared, 100))
            .withSources(new PropertiesConfigSource(environment, "environment", 300))
            .build();
    return new KafkaClients("kafka:9093", config);
  }
}
