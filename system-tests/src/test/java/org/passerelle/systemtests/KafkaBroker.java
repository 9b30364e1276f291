package org.passerelle.systemtests;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft broker of its own (broker and controller in one JVM), run from the Kafka jars that
 * ./passerelle downloaded into .local/dist, with its data under target/: a test may stop and
 * restart it without disturbing the broker every other test shares.
 */
final class KafkaBroker {

  private static final String KAFKA_VERSION = "4.1.1";

  private final Path dist = AppProcess.ROOT.resolve(".local/dist/kafka-" + KAFKA_VERSION);
  private final Path dir;
  private final int port = AppProcess.freePort();
  private final int controllerPort = AppProcess.freePort();
  private Process process;

  KafkaBroker(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  synchronized KafkaBroker start() {
    try {
      if (!Files.isDirectory(dist)) {
        throw new IllegalStateException(dist + " is missing: ./passerelle infra downloads it");
      }
      Path config = dir.resolve("server.properties");
      if (!Files.exists(config)) {
        format(config);
      }
      process =
          command("kafka.Kafka", config.toString())
              .redirectOutput(Redirect.appendTo(dir.resolve("broker.log").toFile()))
              .start();
      awaitReady(Duration.ofSeconds(60));
      return this;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the test broker", e);
    }
  }

  /** A clean shutdown (SIGTERM), as an operator stops a broker. */
  synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  void createTopics(int partitions, String... topics) {
    try (Admin admin = admin()) {
      admin
          .createTopics(
              List.of(topics).stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList())
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create topics", e);
    }
  }

  Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
  }

  private void format(Path config) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        config,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "log.dirs=" + dir.resolve("data"),
            "num.partitions=3",
            "default.replication.factor=1",
            "min.insync.replicas=1",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "auto.create.topics.enable=true",
            "group.initial.rebalance.delay.ms=0",
            ""));
    try {
      Process format =
          command(
                  "kafka.tools.StorageTool",
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  config.toString())
              .redirectOutput(Redirect.appendTo(dir.resolve("format.log").toFile()))
              .start();
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("formatting the test broker failed; see " + dir);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ProcessBuilder command(String mainClass, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-Xms128m", "-Xmx384m", "-cp", dist + "/*", mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the test broker died; see " + dir.resolve("broker.log"));
      }
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        AppProcess.sleep(500);
      }
    }
    throw new IllegalStateException("the test broker is not ready; see " + dir);
  }
}
