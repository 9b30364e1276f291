package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.config.EnrollmentConfig;

/**
 * An attempt whose host now resolves to an internal address is refused before it connects, as in
 * production (local URLs not allowed), against a real receiver on this machine that must hear
 * nothing.
 */
class WebhookDispatcherTest {

  private HttpServer receiver;
  private final AtomicInteger heard = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          heard.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aHostResolvingToThisMachineIsNotCalled() {
    WebhookDispatcher dispatcher =
        dispatcher(host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});

    WebhookService.Attempt attempt = dispatcher.send(delivery("receiver.example"));

    assertThat(attempt.statusCode()).isNull();
    assertThat(attempt.error()).isEqualTo("ADDRESS_NOT_PUBLIC");
    assertThat(attempt.delivered()).isFalse();
    assertThat(heard).hasValue(0);
  }

  @Test
  void aHostThatDoesNotResolveIsAConnectionFailureRetriedLater() {
    WebhookDispatcher dispatcher =
        dispatcher(
            host -> {
              throw new UnknownHostException(host);
            });

    WebhookService.Attempt attempt = dispatcher.send(delivery("gone.example"));

    assertThat(attempt.error()).isEqualTo("CONNECTION");
    assertThat(heard).hasValue(0);
  }

  private WebhookService.Claimed delivery(String host) {
    return new WebhookService.Claimed(
        UUID.randomUUID(),
        "https://" + host + ":" + receiver.getAddress().getPort() + "/hook",
        "whsec_dGVzdA==",
        null,
        "{}");
  }

  private static WebhookDispatcher dispatcher(WebhookAddresses.Resolver resolver) {
    return new WebhookDispatcher(null, production(), new Now(Clock.systemUTC()), resolver);
  }

  /** The settings of production that matter here: local URLs refused, a short timeout. */
  private static EnrollmentConfig production() {
    EnrollmentConfig.Webhooks webhooks =
        (EnrollmentConfig.Webhooks)
            Proxy.newProxyInstance(
                EnrollmentConfig.class.getClassLoader(),
                new Class<?>[] {EnrollmentConfig.Webhooks.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "allowLocalHttp" -> false;
                      case "timeout" -> Duration.ofSeconds(2);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (EnrollmentConfig)
        Proxy.newProxyInstance(
            EnrollmentConfig.class.getClassLoader(),
            new Class<?>[] {EnrollmentConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("webhooks")) {
                return webhooks;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
