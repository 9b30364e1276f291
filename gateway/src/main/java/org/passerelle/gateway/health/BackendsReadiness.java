package org.passerelle.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.passerelle.gateway.config.GatewayConfig;

/** The gateway is ready when every backend it routes to is ready. */
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
    Map<String, String> backends = new TreeMap<>(config.backends());
    for (Map.Entry<String, String> backend : backends.entrySet()) {
      boolean up = ready(backend.getValue());
      builder.withData(backend.getKey(), up ? "UP" : "DOWN");
      if (!up) {
        builder.down();
      }
    }
    return builder.build();
  }

  private boolean ready(String base) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
