package org.passerelle.gateway.impact;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.passerelle.gateway.config.GatewayConfig;

/**
 * What the impact page (static files the gateway's build bundles into META-INF/resources/impact,
 * ADR 0029) needs besides its files: where browsers sign in ({@code /impact/config.json}: the
 * Keycloak realm and the public client), and {@code /impact} sent to {@code /impact/} so that the
 * page's relative links resolve. Public, like the page itself; the API it reads is not.
 */
@ApplicationScoped
public class ImpactPageRoute {

  static final String PATH = "/impact";

  private final String config;

  ImpactPageRoute(GatewayConfig gateway) {
    config =
        new JsonObject()
            .put("issuer", gateway.impact().issuer())
            .put("clientId", gateway.impact().clientId())
            .encode();
  }

  void register(@Observes Router router) {
    router
        .route(PATH)
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(ImpactPageRoute::toDirectory);
    router
        .route(PATH + "/config.json")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(this::serveConfig);
  }

  private static void toDirectory(RoutingContext context) {
    // Vert.x matches /impact/ here too: that one is the page itself.
    if (!context.request().path().equals(PATH)) {
      context.next();
      return;
    }
    String query = context.request().query();
    context
        .response()
        .setStatusCode(301)
        .putHeader("Location", PATH + "/" + (query == null ? "" : "?" + query))
        .end();
  }

  private void serveConfig(RoutingContext context) {
    context
        .response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache")
        .end(config);
  }
}
