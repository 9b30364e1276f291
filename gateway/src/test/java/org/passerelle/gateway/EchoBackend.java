package org.passerelle.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP servers standing in for the backends, each answering with its name and what it
 * received, so the tests see exactly what the gateway forwards and where. The placement backend
 * points at a closed port. Morocco has its own enrollment and cohort backends (enrollment-ma,
 * cohort-ma); its other backends are the default ones. A request with {@code X-Echo-Delay-Ms} is
 * answered that late.
 */
public class EchoBackend implements QuarkusTestResourceLifecycleManager {

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    try {
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      return Map.of(
          "passerelle.gateway.backends.enrollment", echo("enrollment"),
          "passerelle.gateway.backends.cohort", echo("cohort"),
          "passerelle.gateway.backends.partnership", echo("partnership"),
          "passerelle.gateway.backends.placement", "http://127.0.0.1:" + closed,
          "passerelle.gateway.countries.MA.backends.enrollment", echo("enrollment-ma"),
          "passerelle.gateway.countries.MA.backends.cohort", echo("cohort-ma"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String echo(String backend) throws Exception {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
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
                                  .forEach(
                                      h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                              request
                                  .response()
                                  .putHeader("Content-Type", "application/json")
                                  .putHeader("X-Backend", "echo")
                                  .setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                                  .end(
                                      new JsonObject()
                                          .put("backend", backend)
                                          .put("method", request.method().name())
                                          .put("uri", request.uri())
                                          .put("headers", headers)
                                          .put("bodyLength", body.length())
                                          .put(
                                              "bodyEnd",
                                              body.length() > 20
                                                  ? body.getString(
                                                      body.length() - 20, body.length())
                                                  : body.toString())
                                          .encode());
                            }));
    server
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return "http://127.0.0.1:" + server.actualPort();
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
  }
}
