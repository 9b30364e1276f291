package org.passerelle.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where each resource of the public API lives, per country, and how the edge protects it. */
@ConfigMapping(prefix = "passerelle.gateway")
public interface GatewayConfig {

  /** Backend name (enrollment, cohort, partnership, placement) -> base URL, for every country. */
  Map<String, String> backends();

  /** First path segment after {@code /api/v1/} -> backend name. */
  Map<String, String> routes();

  /**
   * First path segments after {@code /api/v1/} whose backend is named by the second segment: shared
   * endpoints every service exposes, e.g. {@code /api/v1/event-consumers/cohort/dead-letters}.
   */
  Optional<Set<String>> backendNamedRoutes();

  /** The countries the gateway serves (ISO 3166-1 alpha-2); any other is refused with 400. */
  List<String> countryCodes();

  /**
   * The country of a request whose token has no country and that names none (X-Passerelle-Country).
   */
  String defaultCountry();

  /** Per country, backends that differ from {@link #backends()}: the country's own services. */
  Map<String, Country> countries();

  /** One country's own backends. */
  interface Country {
    /** Backend name -> base URL; a backend not named here is the default one. */
    Map<String, String> backends();
  }

  /** How backends reached over https are trusted. */
  BackendTrust backendTrust();

  /**
   * A backend whose URL says https is called over TLS (port 443 unless the URL names one), its name
   * checked against its certificate.
   */
  interface BackendTrust {
    /**
     * A PEM file of the certificate authorities that sign the backends' certificates (a private CA
     * of the countries' internal ingresses); without it, the JVM's trust store.
     */
    Optional<Path> certificates();
  }

  Duration connectTimeout();

  /**
   * How long a backend may stay silent before the caller gets 504, unless a route says otherwise.
   */
  Duration requestTimeout();

  /**
   * Path after {@code /api/v1/} (one or more segments, the longest match wins) -> its own timeout,
   * e.g. {@code "reports"=PT60S}.
   */
  Map<String, Duration> timeouts();

  /** Largest request body, unless a route says otherwise; larger ones answer 413. */
  MemorySize maxBodySize();

  /** Path after {@code /api/v1/} (longest match wins) -> its own largest request body. */
  Map<String, MemorySize> bodyLimits();

  RequestBodies requestBodies();

  /**
   * How request bodies are received: whole, before any backend sees them, within time limits, a few
   * at a time per client and within a memory budget shared by all callers.
   */
  interface RequestBodies {
    /** Longest silence between two pieces of a body; then 408 (or 499 if the caller is gone). */
    @WithDefault("PT10S")
    Duration idleTimeout();

    /** Longest time to receive a whole body, unless a route says otherwise; then 408. */
    @WithDefault("PT60S")
    Duration timeout();

    /** Path after {@code /api/v1/} (longest match wins) -> its own time to receive a body. */
    Map<String, Duration> timeouts();

    /** Bodies one client (token, or address without one) may be sending at once; more: 429. */
    @WithDefault("4")
    int perClient();

    /** Bytes of bodies held by the gateway at once, all callers together; beyond: 503. */
    @WithDefault("64M")
    MemorySize maxBuffered();
  }

  /** Further attempts when a backend cannot be connected to, for idempotent methods only. */
  @WithDefault("1")
  int retries();

  CircuitBreakerConfig circuitBreaker();

  /** One circuit breaker per backend address. */
  interface CircuitBreakerConfig {
    /** Consecutive failures (refused, unreachable, timed out) that open the breaker. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open breaker answers 503 at once before letting one probe request through. */
    @WithDefault("PT10S")
    Duration openDelay();
  }

  Impact impact();

  /** Where the impact page (served at /impact/) signs people in. */
  interface Impact {
    /**
     * The Keycloak realm's URL as browsers reach it (the issuer of the tokens the API accepts),
     * e.g. {@code http://127.0.0.1:8180/realms/passerelle}.
     */
    String issuer();

    /** The public client the page signs in with (authorization code and PKCE). */
    @WithDefault("passerelle-web")
    String clientId();
  }

  RateLimits rateLimits();

  /** Token buckets per client, in memory: limits hold per gateway instance. */
  interface RateLimits {
    /** Class name (front-end, integration, anonymous) -> its limit. */
    Map<String, RateClass> classes();

    /** The class of a token whose {@code azp} no class lists. */
    @WithDefault("integration")
    String tokenDefaultClass();

    /** The class of requests without a token, keyed by source address. */
    @WithDefault("anonymous")
    String anonymousClass();
  }

  /** Requests per period, with bursts up to {@code burst} requests. */
  interface RateClass {
    /** Token {@code azp} values (OIDC clients) in this class. */
    Optional<Set<String>> clients();

    long requests();

    Duration period();

    long burst();
  }
}
