package org.passerelle.gateway.asyncapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Serves the events' AsyncAPI document that api-contract generated at build time (from the
 * services' event schemas; it comes in its documents jar) at {@code /q/asyncapi}, next to the
 * OpenAPI one: JSON by default, YAML with {@code ?format=yaml} or {@code Accept: application/yaml}.
 * Public, like the OpenAPI document.
 */
@ApplicationScoped
public class AsyncApiRoute {

  static final String PATH = "/q/asyncapi";
  private static final Logger LOG = Logger.getLogger(AsyncApiRoute.class);

  private final Buffer json = load("META-INF/asyncapi.json");
  private final Buffer yaml = load("META-INF/asyncapi.yaml");

  void register(@Observes Router router) {
    if (json == null || yaml == null) {
      LOG.warnf("no AsyncAPI document in the build output: %s is not served", PATH);
      return;
    }
    router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
  }

  private void serve(RoutingContext context) {
    boolean asYaml = wantsYaml(context);
    context
        .response()
        .putHeader("Content-Type", asYaml ? "application/yaml;charset=UTF-8" : "application/json")
        .putHeader("Vary", "Accept")
        .end(asYaml ? yaml : json);
  }

  private static boolean wantsYaml(RoutingContext context) {
    String format = context.request().getParam("format");
    if (format != null) {
      return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml");
    }
    // Media ranges in the caller's order of preference (q values); the first one we serve wins.
    for (MIMEHeader range : context.parsedHeaders().accept()) {
      String type = range.value() == null ? "" : range.value().split(";", 2)[0].trim();
      String subtype = type.substring(type.indexOf('/') + 1).toLowerCase(Locale.ROOT);
      if (subtype.equals("yaml") || subtype.equals("x-yaml")) {
        return true;
      }
      if (subtype.equals("json") || subtype.equals("*")) {
        return false;
      }
    }
    return false;
  }

  private static Buffer load(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
