package org.passerelle.gateway.routing;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP metrics name the route, as the access log does, never the path: a path carries object ids
 * (which applicant was exported or erased), and with one series per path the meters would stop
 * growing at Quarkus' limit of URI tags. Applies to the server's meters and to those of the calls
 * to backends.
 */
@Singleton
public class RouteMetrics {

  /** Looked up by Micrometer at start, not injected: ArC must not drop it as unused. */
  @Produces
  @Singleton
  @Unremovable
  MeterFilter uriByRoute(AccessLog accessLog) {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("http.server.") && !id.getName().startsWith("http.client.")) {
          return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
          if (tag.getKey().equals("server.port")) {
            // Quarkus 3.34 tags a server's meters with its port unless the port is chosen at
            // random (0, as in tests): one server with the tag and one without is one name with
            // two tag sets, which Prometheus refuses, and the second server never starts. The
            // meters of the API and management servers carry no port.
            continue;
          }
          boolean path = tag.getKey().equals("uri") && tag.getValue().startsWith("/");
          tags.add(path ? Tag.of("uri", accessLog.route(tag.getValue())) : tag);
        }
        return id.replaceTags(tags);
      }
    };
  }
}
