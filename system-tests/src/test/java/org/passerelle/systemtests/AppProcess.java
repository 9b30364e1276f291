package org.passerelle.systemtests;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Passerelle application (a service or the gateway) run from its packaged jar in its own JVM,
 * with the environment ./passerelle gives it, on a free port. It can be killed and started again on
 * the same port, as an operator or a crash would; its log accumulates across restarts.
 */
final class AppProcess {

  static final Path ROOT =
      Path.of(System.getProperty("passerelle.root", "..")).toAbsolutePath().normalize();
  static final Path LOGS = Path.of(System.getProperty("passerelle.logs", "target/platform-logs"));
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final int port;
  private final Map<String, String> env = new LinkedHashMap<>();
  private Process process;

  /** {@code module} is the directory of the Maven module, e.g. {@code cohort-service}. */
  AppProcess(String name, String module, Map<String, String> env) {
    this.name = name;
    this.jar = ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    this.port = freePort();
    this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    this.env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    this.env.putAll(env);
  }

  /** Adds to the environment the process starts with; before {@link #start()}. */
  AppProcess environment(String name, String value) {
    env.put(name, value);
    return this;
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  synchronized AppProcess start() {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package the services first (mvn verify from the root)");
    }
    try {
      Files.createDirectories(LOGS);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder =
          new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
      builder.environment().putAll(env);
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
  }

  /** Waits until {@code /q/health/ready} answers 200 (database, Kafka, backends all there). */
  AppProcess awaitReady(Duration timeout) {
    URI health = URI.create(url() + "/q/health/ready");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!alive()) {
        throw new IllegalStateException(name + " died; see " + LOGS.resolve(name + ".log"));
      }
      sleep(500);
    }
    throw new IllegalStateException(
        name + " not ready within " + timeout + "; see " + LOGS.resolve(name + ".log"));
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful close, as when a machine or a container dies. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(process);
    }
  }

  /** SIGTERM, then SIGKILL if it lingers. */
  synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out to
   * outgoing connections can be taken by one between this choice and the service's start (a CI run
   * saw cohort-service lose its port so, and the gateway's cohorts answer 404 from another
   * process). Each port is handed out once per run, since two choices can precede both starts.
   */
  static synchronized int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      if (!HANDED_OUT.add(candidate)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(candidate)) {
        return socket.getLocalPort();
      } catch (IOException inUse) {
        // taken: try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000");
  }

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
