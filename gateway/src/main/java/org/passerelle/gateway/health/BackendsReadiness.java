package org.passerelle.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.passerelle.gateway.config.CountryBackends;
import org.passerelle.gateway.config.GatewayConfig;

/**
 * The gateway is ready when every backend it routes to, in every country, is ready. Each address is
 * asked once, all at the same time; the data lists {@code <country>.<backend>}.
 */
@Readiness
@ApplicationScoped
public class BackendsReadiness implements HealthCheck {

  private final GatewayConfig config;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  BackendsReadiness(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("backends").up();
    Map<String, CompletableFuture<Boolean>> byAddress = new HashMap<>();
    CountryBackends.of(config)
        .forEach(
            (country, backends) ->
                backends.forEach((name, url) -> byAddress.computeIfAbsent(url, this::ready)));
    CountryBackends.of(config)
        .forEach(
            (country, backends) ->
                backends.forEach(
                    (name, url) -> {
                      boolean up = byAddress.get(url).join();
                      builder.withData(country + "." + name, up ? "UP" : "DOWN");
                      if (!up) {
                        builder.down();
                      }
                    }));
    return builder.build();
  }

  private CompletableFuture<Boolean> ready(String base) {
    return http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .thenApply(response -> response.statusCode() == 200)
        .exceptionally(error -> false);
  }
}
