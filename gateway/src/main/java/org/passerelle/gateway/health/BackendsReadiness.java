package org.passerelle.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
  private final HttpClient http;

  BackendsReadiness(GatewayConfig config) {
    this.config = config;
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
    config.backendTrust().certificates().ifPresent(file -> http.sslContext(trusting(file)));
    this.http = http.build();
  }

  /** TLS that trusts the certificate authorities of a PEM file, as the forwarder does. */
  private static SSLContext trusting(Path file) {
    try (InputStream pem = Files.newInputStream(file)) {
      KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
      authorities.load(null, null);
      int index = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
        authorities.setCertificateEntry("backend-ca-" + index++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(authorities);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the backends' certificate authorities", e);
    }
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
