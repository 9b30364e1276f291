package org.passerelle.gateway.routing;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.passerelle.gateway.config.GatewayConfig;
import org.passerelle.problem.ProblemType;

/**
 * The rate limit of each caller: the class its token's client is listed in, the default class of
 * tokens, or the anonymous class; every answer says where the caller stands (RateLimit-*), and one
 * over its limit gets 429 with Retry-After.
 */
final class RateClasses {

  private final RateLimiter rateLimiter = new RateLimiter();
  private final Map<String, RateLimiter.Limit> rateClasses = new HashMap<>();
  private final Map<String, String> clientClasses = new HashMap<>();
  private final String tokenDefaultClass;
  private final String anonymousClass;

  RateClasses(GatewayConfig.RateLimits config) {
    config
        .classes()
        .forEach(
            (name, rateClass) -> {
              double perSecond = rateClass.requests() / (rateClass.period().toNanos() / 1e9);
              rateClasses.put(
                  name, new RateLimiter.Limit(name, Math.max(1, rateClass.burst()), perSecond));
              rateClass.clients().orElse(Set.of()).forEach(c -> clientClasses.put(c, name));
            });
    this.tokenDefaultClass = config.tokenDefaultClass();
    this.anonymousClass = config.anonymousClass();
  }

  /** Counts the request; false once it was refused with 429. */
  boolean admit(RoutingContext context, Caller caller, String path) {
    String rateClass =
        caller.client() == null
            ? anonymousClass
            : clientClasses.getOrDefault(caller.client(), tokenDefaultClass);
    String key = caller.key(context);
    RateLimiter.Limit limit = rateClasses.get(rateClass);
    if (limit == null) {
      return true;
    }
    RateLimiter.Decision decision = rateLimiter.take(key, limit, System.nanoTime());
    HttpServerResponse response = context.response();
    response.putHeader("RateLimit-Limit", Long.toString(limit.burst()));
    response.putHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
    response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    if (decision.allowed()) {
      return true;
    }
    response.putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    GatewayProblem.refuse(
        context,
        ProblemType.TOO_MANY_REQUESTS,
        path,
        "too-many-requests.detail",
        decision.retryAfterSeconds());
    return false;
  }
}
