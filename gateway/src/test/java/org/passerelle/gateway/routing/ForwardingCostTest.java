package org.passerelle.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.gateway.EchoBackend;

/**
 * What forwarding costs per request (issue 18): a request without a body goes at once, with nothing
 * awaited nor timed; backend connections are pooled and reused; each event loop forwards with its
 * own client, so a request never changes threads on its way to the backend and back.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class ForwardingCostTest {

  @Inject ProxyRoutes proxy;

  @Inject Vertx vertx;

  @Test
  void requestsWithoutABodyGoAtOnceAndOnlyBodiesAreAwaited() {
    String token = Tokens.bearer("platform-admin");
    long before = proxy.bodiesAwaited();
    for (int i = 0; i < 10; i++) {
      given().header("Authorization", token).get("/api/v1/cohorts/" + i).then().statusCode(200);
    }
    given().header("Authorization", token).delete("/api/v1/cohorts/1").then().statusCode(200);
    assertThat(proxy.bodiesAwaited()).isEqualTo(before);
    given()
        .header("Authorization", token)
        .contentType("application/json")
        .body("{\"name\": \"Amina\"}")
        .post("/api/v1/cohorts")
        .then()
        .statusCode(201)
        .body("bodyLength", org.hamcrest.Matchers.equalTo(17));
    assertThat(proxy.bodiesAwaited()).isEqualTo(before + 1);
  }

  @Test
  void oneCallerConnectionReusesOneBackendConnection() throws Exception {
    String token = Tokens.bearer("platform-admin");
    // One keep-alive connection to the gateway: its requests all run on one event loop.
    java.net.http.HttpClient caller =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    AtomicInteger opened =
        EchoBackend.CONNECTIONS.computeIfAbsent("partnership", b -> new AtomicInteger());
    int before = opened.get();
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> answer =
          caller.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/partners/" + i))
                  .header("Authorization", token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
    }
    assertThat(opened.get() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void eachEventLoopForwardsWithItsOwnClient() throws Exception {
    Context first = vertx.getOrCreateContext();
    Context second = vertx.getOrCreateContext();
    Object[] firstLoop = on(first);
    Object[] again = on(first);
    Object[] secondLoop = on(second);
    assertThat(again[1]).isSameAs(firstLoop[1]);
    if (firstLoop[0] != secondLoop[0]) {
      assertThat(secondLoop[1]).isNotSameAs(firstLoop[1]);
    }
    HttpClient outside = proxy.backendClient();
    assertThat(outside).isNotSameAs(firstLoop[1]).isNotSameAs(secondLoop[1]);
  }

  /** The thread and the client of a context's event loop. */
  private Object[] on(Context context) throws Exception {
    CompletableFuture<Object[]> result = new CompletableFuture<>();
    context.runOnContext(
        v -> result.complete(new Object[] {Thread.currentThread(), proxy.backendClient()}));
    return result.get(10, TimeUnit.SECONDS);
  }
}
