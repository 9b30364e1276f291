package org.passerelle.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for one backend, answering with what it received, so the tests see
 * exactly what the gateway forwards. The cohort backend points at a closed port.
 */
public class EchoBackend implements QuarkusTestResourceLifecycleManager {

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
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
    try {
      server
          .listen(0, "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      return Map.of(
          "passerelle.gateway.backends.enrollment", "http://127.0.0.1:" + server.actualPort(),
          "passerelle.gateway.backends.cohort", "http://127.0.0.1:" + closed);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
  }
}
