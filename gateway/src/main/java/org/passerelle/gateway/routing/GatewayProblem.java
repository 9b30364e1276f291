package org.passerelle.gateway.routing;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's own errors, in the RFC 9457 shape the services use (commons' {@code Problem}): the
 * gateway does not embed the services' persistence stack to reuse that class.
 */
final class GatewayProblem {

  private static final Map<String, Map<String, String[]>> TEXTS =
      Map.of(
          "service-unavailable",
          Map.of(
              "fr",
                  new String[] {
                    "Service indisponible", "Le service ne répond pas ; réessayez plus tard."
                  },
              "en",
                  new String[] {
                    "Service unavailable", "The service is not answering; retry later."
                  },
              "ar", new String[] {"الخدمة غير متاحة", "الخدمة لا تستجيب؛ أعد المحاولة لاحقًا."}),
          "bad-request",
          Map.of(
              "fr", new String[] {"Requête invalide", "L'adresse demandée n'est pas valide."},
              "en", new String[] {"Bad request", "The requested address is not valid."},
              "ar", new String[] {"طلب غير صالح", "العنوان المطلوب غير صالح."}),
          "not-found",
          Map.of(
              "fr", new String[] {"Introuvable", "Aucune ressource à cette adresse."},
              "en", new String[] {"Not found", "Nothing at this address."},
              "ar", new String[] {"غير موجود", "لا شيء في هذا العنوان."}));

  private GatewayProblem() {}

  static void send(
      HttpServerResponse response, int status, String slug, String acceptLanguage, String path) {
    String language = language(acceptLanguage);
    String[] text = TEXTS.get(slug).get(language);
    JsonObject problem =
        new JsonObject()
            .put("type", "https://passerelle.org/problems/" + slug)
            .put("title", text[0])
            .put("status", status)
            .put("detail", text[1])
            .put("instance", path);
    if (!response.ended()) {
      response
          .setStatusCode(status)
          .putHeader("Content-Type", "application/problem+json")
          .putHeader("Content-Language", language)
          .end(problem.encode());
    }
  }

  private static String language(String acceptLanguage) {
    if (acceptLanguage != null) {
      for (String part : acceptLanguage.split(",")) {
        String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (String supported : List.of("fr", "en", "ar")) {
          if (tag.startsWith(supported)) {
            return supported;
          }
        }
      }
    }
    return "fr";
  }
}
