package org.passerelle.gateway.routing;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * One proxied request on its way, from its body's reception to the backend's answer; its fields
 * change on the request's event loop only. A caller that goes away ends it at once: the body is no
 * longer awaited, the backend request is reset, its budget goes back.
 */
final class Exchange {

  private static final Logger LOG = Logger.getLogger(Exchange.class);

  final RoutingContext context;
  final AccessLog.Entry logged;
  final RouteTable.Backend backend;
  final String path;
  final long timeoutMillis;
  Buffer body;
  BodyQuota.Slot slot;
  Promise<Buffer> reception;
  HttpClientRequest backendRequest;
  boolean backendDone;
  boolean callerGone;

  Exchange(
      RoutingContext context,
      AccessLog.Entry logged,
      RouteTable.Backend backend,
      String path,
      long timeoutMillis) {
    this.context = context;
    this.logged = logged;
    this.backend = backend;
    this.path = path;
    this.timeoutMillis = timeoutMillis;
  }

  String requestId() {
    return logged.requestId();
  }

  /** The body's bytes go back to the budget once the backend has it, or never will. */
  void releaseBody() {
    if (slot != null) {
      slot.release();
    }
  }

  /** The caller closed its connection: stop whatever is under way for it, quietly. */
  void callerGone() {
    if (callerGone) {
      return;
    }
    callerGone = true;
    if (reception != null) {
      reception.tryFail("caller gone");
    }
    if (backendRequest != null && !backendDone) {
      LOG.debugf(
          "caller of request %s went away: resetting the %s request", requestId(), backend.name());
      resetBackend();
    }
    releaseBody();
  }

  /** Resets the backend request unless its answer is complete (or it was reset already). */
  void resetBackend() {
    if (backendRequest != null && !backendDone) {
      backendDone = true;
      backendRequest.reset();
    }
  }
}
