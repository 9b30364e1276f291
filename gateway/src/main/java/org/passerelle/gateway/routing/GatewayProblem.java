package org.passerelle.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * The gateway's own refusals, as the services answer theirs: the same problem types, the same RFC
 * 9457 body and the same fr/en/ar texts, in the caller's language.
 */
public final class GatewayProblem {

  private GatewayProblem() {}

  /**
   * Answers with the problem unless an answer was already started or the caller is gone; the future
   * completes when it was written (failed when nothing was).
   */
  public static Future<Void> send(
      RoutingContext context,
      ProblemType type,
      String path,
      String detailKey,
      Object... arguments) {
    Locale locale = Messages.pick(languages(context));
    Problem problem = Problem.of(type, locale, path, List.of(), detailKey, arguments);
    HttpServerResponse response = context.response();
    if (response.ended() || response.headWritten() || response.closed()) {
      return Future.failedFuture("the answer was already started or the caller is gone");
    }
    return response
        .setStatusCode(type.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Content-Language", locale.getLanguage())
        .end(
            new JsonObject()
                .put("type", problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("instance", problem.instance())
                .encode());
  }

  /** Answers a request the proxy paused, resuming it first. */
  static void refuse(
      RoutingContext context,
      ProblemType type,
      String path,
      String detailKey,
      Object... arguments) {
    context.request().resume();
    send(context, type, path, detailKey, arguments);
  }

  /** The caller's languages, most wanted first; a malformed Accept-Language counts as none. */
  private static List<Locale> languages(RoutingContext context) {
    List<Locale> locales = new ArrayList<>();
    try {
      for (LanguageHeader language : context.acceptableLanguages()) {
        if (language.weight() > 0) {
          locales.add(Locale.forLanguageTag(language.value()));
        }
      }
    } catch (RuntimeException e) {
      return List.of();
    }
    return locales;
  }
}
