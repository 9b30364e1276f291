package org.passerelle.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PfxOptions;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP servers standing in for the backends, each answering with its name and what it
 * received, so the tests see exactly what the gateway forwards and where. The placement backend
 * points at a closed port. Morocco has its own enrollment and cohort backends (enrollment-ma,
 * cohort-ma); its other backends are the default ones. A request with {@code X-Echo-Delay-Ms} is
 * answered that late; one with {@code X-Echo-Chunks: n} gets n pieces of 1 KiB, one every 100 ms.
 * Every request with an {@code X-Request-Id} is remembered when it arrives, and when its connection
 * closes before it was answered ({@link #RECEIVED}, {@link #CUT}). Each backend counts the
 * connections opened to it ({@link #CONNECTIONS}). Morocco's cohort backend is reached over https,
 * as a country's services are in production, with a certificate for {@code localhost} from an
 * authority the gateway is told to trust ({@code passerelle.gateway.backend-trust.certificates}).
 */
public class EchoBackend implements QuarkusTestResourceLifecycleManager {

  /** Request id -> when the backend saw the request ({@link System#nanoTime()}). */
  public static final Map<String, Long> RECEIVED = new ConcurrentHashMap<>();

  /** Request id -> when its connection closed before the backend had answered. */
  public static final Map<String, Long> CUT = new ConcurrentHashMap<>();

  /** Backend name -> connections opened to it since the start. */
  public static final Map<String, AtomicInteger> CONNECTIONS = new ConcurrentHashMap<>();

  private static final String KEY_STORE_PASSWORD = "echo-backend";

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    try {
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      int management;
      try (ServerSocket socket = new ServerSocket(0)) {
        management = socket.getLocalPort();
      }
      Path authority = Files.createTempDirectory("echo-backend-tls");
      Path keyStore = authority.resolve("localhost.p12");
      Path certificate = authority.resolve("localhost.pem");
      keytool(
          "-genkeypair",
          "-alias",
          "localhost",
          "-keyalg",
          "EC",
          "-dname",
          "CN=localhost",
          "-ext",
          "SAN=dns:localhost,ip:127.0.0.1",
          "-validity",
          "2",
          "-keystore",
          keyStore.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          KEY_STORE_PASSWORD);
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "localhost",
          "-keystore",
          keyStore.toString(),
          "-storepass",
          KEY_STORE_PASSWORD,
          "-file",
          certificate.toString());
      return Map.of(
          "quarkus.management.test-port", String.valueOf(management),
          "passerelle.gateway.backend-trust.certificates", certificate.toString(),
          "passerelle.gateway.backends.enrollment", echo("enrollment"),
          "passerelle.gateway.backends.cohort", echo("cohort"),
          "passerelle.gateway.backends.partnership", echo("partnership"),
          "passerelle.gateway.backends.placement", "http://127.0.0.1:" + closed,
          "passerelle.gateway.countries.MA.backends.enrollment", echo("enrollment-ma"),
          "passerelle.gateway.countries.MA.backends.cohort", echo("cohort-ma", keyStore));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  private String echo(String backend) throws Exception {
    return echo(backend, null);
  }

  /** An echo backend, over https with the key store's certificate when one is given. */
  private String echo(String backend, Path keyStore) throws Exception {
    HttpServerOptions options = new HttpServerOptions();
    if (keyStore != null) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PfxOptions().setPath(keyStore.toString()).setPassword(KEY_STORE_PASSWORD));
    }
    HttpServer server =
        vertx
            .createHttpServer(options)
            .connectionHandler(
                connection ->
                    CONNECTIONS
                        .computeIfAbsent(backend, b -> new AtomicInteger())
                        .incrementAndGet())
            .requestHandler(
                request -> {
                  String id = request.getHeader("X-Request-Id");
                  if (id != null) {
                    RECEIVED.put(id, System.nanoTime());
                    request
                        .response()
                        .closeHandler(
                            closed -> {
                              if (!request.response().ended()) {
                                CUT.put(id, System.nanoTime());
                              }
                            });
                  }
                  request
                      .body()
                      .onSuccess(
                          body -> {
                            String chunks = request.getHeader("X-Echo-Chunks");
                            if (chunks != null) {
                              streamChunks(request.response(), Integer.parseInt(chunks));
                              return;
                            }
                            String delay = request.getHeader("X-Echo-Delay-Ms");
                            if (delay != null) {
                              vertx.setTimer(
                                  Long.parseLong(delay),
                                  t -> request.response().setStatusCode(200).end("{}"));
                              return;
                            }
                            JsonObject headers = new JsonObject();
                            request
                                .headers()
                                .forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                            request
                                .response()
                                .putHeader("Content-Type", "application/json")
                                .putHeader("X-Backend", "echo")
                                .setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                                .end(
                                    new JsonObject()
                                        .put("backend", backend)
                                        .put("tls", request.isSSL())
                                        .put("method", request.method().name())
                                        .put("uri", request.uri())
                                        .put("headers", headers)
                                        .put("bodyLength", body.length())
                                        .put(
                                            "bodyEnd",
                                            body.length() > 20
                                                ? body.getString(body.length() - 20, body.length())
                                                : body.toString())
                                        .encode());
                          });
                });
    server
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return keyStore == null
        ? "http://127.0.0.1:" + server.actualPort()
        : "https://localhost:" + server.actualPort();
  }

  /** {@code count} pieces of 1 KiB, one every 100 ms: an answer that takes its time. */
  private void streamChunks(HttpServerResponse response, int count) {
    response.setChunked(true).setStatusCode(200);
    int[] sent = {0};
    vertx.setPeriodic(
        100,
        timer -> {
          if (response.closed() || response.ended()) {
            vertx.cancelTimer(timer);
          } else if (sent[0]++ < count) {
            response.write("x".repeat(1024));
          } else {
            vertx.cancelTimer(timer);
            response.end();
          }
        });
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
  }
}
