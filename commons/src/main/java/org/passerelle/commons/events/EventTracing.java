package org.passerelle.commons.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C {@code traceparent} in and out of events, so that one trace shows a REST call and every
 * effect downstream: the outbox stores the current span's context with the row, the relay sends it
 * as a header, and the consumer continues the trace from it.
 */
public final class EventTracing {

  private static final TextMapGetter<String> TRACEPARENT =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(CloudEventHeaders.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
          return CloudEventHeaders.TRACEPARENT.equals(key) ? carrier : null;
        }
      };

  private EventTracing() {}

  /** The current span's context as a {@code traceparent}, or null outside any trace. */
  public static String currentTraceparent() {
    SpanContext current = Span.current().getSpanContext();
    if (!current.isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current(), carrier, (map, key, value) -> map.put(key, value));
    return carrier.get(CloudEventHeaders.TRACEPARENT);
  }

  /** The context to continue from; the root context when the event carries no valid one. */
  public static Context parent(String traceparent) {
    if (traceparent == null || traceparent.length() > 64) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), traceparent, TRACEPARENT);
  }
}
