package org.passerelle.commons.rest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.passerelle.commons.idempotency.IdempotencyKeys;

/** The answers every resource gives the same way: Location, ETag, replay marker. */
public final class Responses {

  public static final String REPLAYED = "Idempotent-Replayed";

  /**
   * Where callers reach the API (the gateway), e.g. {@code https://api.passerelle.org}: every
   * Location starts with it. Never the request's Host or X-Forwarded-* headers, which any caller or
   * local process can set.
   */
  public static final String PUBLIC_BASE_URL = "passerelle.public-base-url";

  private Responses() {}

  /** 201 with the new resource's address and version; a replay says so in a header. */
  public static Response created(
      UriInfo uri, UUID id, long version, IdempotencyKeys.Outcome<?> outcome) {
    return created(uri, id.toString(), version, outcome);
  }

  /** 201 for a resource named by another key than a UUID (e.g. a site's code). */
  public static Response created(
      UriInfo uri, String key, long version, IdempotencyKeys.Outcome<?> outcome) {
    return Response.created(location(uri, key))
        .entity(outcome.value())
        .tag(etag(version))
        .header(REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }

  /**
   * The public address of the request's path followed by these segments, e.g. {@code
   * https://api.passerelle.org/api/v1/applications/<id>} for a POST to {@code
   * /api/v1/applications}. The gateway keeps paths as they are, so the service's path is the public
   * one.
   */
  public static URI location(UriInfo uri, String... segments) {
    StringBuilder location = new StringBuilder(publicBaseUrl().toString());
    String path = uri.getAbsolutePath().getRawPath();
    location.append(path == null ? "" : path.replaceAll("/+$", ""));
    for (String segment : segments) {
      location.append('/').append(segment(segment));
    }
    return URI.create(location.toString());
  }

  /** The configured public base URL, without a trailing slash; checked when a service starts. */
  public static URI publicBaseUrl() {
    String configured =
        ConfigProvider.getConfig()
            .getOptionalValue(PUBLIC_BASE_URL, String.class)
            .orElse("http://127.0.0.1:8080");
    URI base;
    try {
      base = new URI(configured.replaceAll("/+$", ""));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(PUBLIC_BASE_URL + " is not a URL: " + configured, e);
    }
    if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null) {
      throw new IllegalStateException(
          PUBLIC_BASE_URL + " must be an http(s) URL without query or fragment: " + configured);
    }
    return base;
  }

  /** A malformed public base URL stops the service at start, not at its first 201. */
  @Singleton
  static class PublicBaseUrlCheck {
    void check(@Observes StartupEvent start) {
      publicBaseUrl();
    }
  }

  private static String segment(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static Response ok(Object body, long version) {
    return Response.ok(body).tag(etag(version)).build();
  }

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }
}
