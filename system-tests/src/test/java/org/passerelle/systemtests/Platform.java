package org.passerelle.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform started as a user runs it: each service's and the gateway's packaged jar in
 * its own JVM, on free ports, with the environment variables ./passerelle gives them, against the
 * real PostgreSQL (its own system-test databases), Kafka and Keycloak. Started once per test JVM,
 * stopped when it exits.
 */
final class Platform {

  private static final List<String> SERVICES =
      List.of("enrollment", "cohort", "partnership", "placement");
  private static final Path ROOT =
      Path.of(System.getProperty("passerelle.root", "..")).toAbsolutePath().normalize();
  private static final Path LOGS =
      Path.of(System.getProperty("passerelle.logs", "target/platform-logs"));
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Platform started;

  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final List<Process> processes = new ArrayList<>();

  static synchronized Platform get() {
    if (started == null) {
      Platform platform = new Platform();
      Runtime.getRuntime().addShutdownHook(new Thread(platform::stop));
      platform.start();
      started = platform;
    }
    return started;
  }

  String gateway() {
    return "http://127.0.0.1:" + ports.get("gateway");
  }

  String service(String name) {
    return "http://127.0.0.1:" + ports.get(name);
  }

  private void start() {
    try {
      Files.createDirectories(LOGS);
      for (String service : SERVICES) {
        ports.put(service, freePort());
      }
      ports.put("gateway", freePort());
      for (String service : SERVICES) {
        Map<String, String> env = common(service);
        env.put("PASSERELLE_DB_NAME", "passerelle_" + service + "_systest");
        env.put("PASSERELLE_EVENTS_CONSUMER_GROUP", service + "-systest");
        launch(service, ROOT.resolve(service + "-service"), env);
      }
      Map<String, String> env = common("gateway");
      for (String service : SERVICES) {
        env.put("PASSERELLE_" + service.toUpperCase() + "_URL", service(service));
      }
      launch("gateway", ROOT.resolve("gateway"), env);
      for (String part : ports.keySet()) {
        awaitReady(part);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not start the platform", e);
    }
  }

  private Map<String, String> common(String part) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(part)));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    return env;
  }

  private void launch(String part, Path module, Map<String, String> env) throws IOException {
    Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package the services first (mvn verify from the root)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(LOGS.resolve(part + ".log").toFile());
    builder.environment().putAll(env);
    processes.add(builder.start());
  }

  private void awaitReady(String part) {
    URI health = URI.create("http://127.0.0.1:" + ports.get(part) + "/q/health/ready");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (processes.stream().anyMatch(p -> !p.isAlive())) {
        throw new IllegalStateException("a platform process died; see " + LOGS);
      }
      sleep(500);
    }
    throw new IllegalStateException(
        part + " not ready within 180 s; see " + LOGS.resolve(part + ".log"));
  }

  private void stop() {
    processes.forEach(Process::destroy);
    for (Process process : processes) {
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
