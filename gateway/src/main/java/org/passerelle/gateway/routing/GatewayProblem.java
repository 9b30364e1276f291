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
      Map.ofEntries(
          Map.entry(
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
                  "ar",
                      new String[] {"الخدمة غير متاحة", "الخدمة لا تستجيب؛ أعد المحاولة لاحقًا."})),
          Map.entry(
              "bad-request",
              Map.of(
                  "fr", new String[] {"Requête invalide", "L'adresse demandée n'est pas valide."},
                  "en", new String[] {"Bad request", "The requested address is not valid."},
                  "ar", new String[] {"طلب غير صالح", "العنوان المطلوب غير صالح."})),
          Map.entry(
              "not-found",
              Map.of(
                  "fr", new String[] {"Introuvable", "Aucune ressource à cette adresse."},
                  "en", new String[] {"Not found", "Nothing at this address."},
                  "ar", new String[] {"غير موجود", "لا شيء في هذا العنوان."})),
          Map.entry(
              "gateway-timeout",
              Map.of(
                  "fr",
                  new String[] {
                    "Délai dépassé", "Le service n'a pas répondu à temps ; réessayez plus tard."
                  },
                  "en",
                  new String[] {
                    "Gateway timeout", "The service did not answer in time; retry later."
                  },
                  "ar",
                  new String[] {
                    "انتهت المهلة", "لم تستجب الخدمة في الوقت المحدد؛ أعد المحاولة لاحقًا."
                  })),
          Map.entry(
              "too-many-requests",
              Map.of(
                  "fr",
                  new String[] {
                    "Trop de requêtes",
                    "Vous avez dépassé le nombre de requêtes permis ; réessayez après le délai"
                        + " indiqué par Retry-After."
                  },
                  "en",
                  new String[] {
                    "Too many requests",
                    "You sent more requests than allowed; retry after the delay given in"
                        + " Retry-After."
                  },
                  "ar",
                  new String[] {
                    "طلبات كثيرة جدًا",
                    "تجاوزت عدد الطلبات المسموح به؛ أعد المحاولة بعد المهلة المذكورة في Retry-After."
                  })),
          Map.entry(
              "payload-too-large",
              Map.of(
                  "fr",
                  new String[] {
                    "Contenu trop volumineux", "Le corps de la requête dépasse la taille permise."
                  },
                  "en",
                  new String[] {"Payload too large", "The request body is larger than allowed."},
                  "ar",
                  new String[] {"المحتوى كبير جدًا", "جسم الطلب أكبر من الحجم المسموح به."})),
          Map.entry(
              "unknown-country",
              Map.of(
                  "fr",
                  new String[] {
                    "Pays inconnu", "Le pays demandé (X-Passerelle-Country) n'est pas desservi."
                  },
                  "en",
                  new String[] {
                    "Unknown country", "The requested country (X-Passerelle-Country) is not served."
                  },
                  "ar",
                  new String[] {
                    "بلد غير معروف", "البلد المطلوب (X-Passerelle-Country) غير مخدوم."
                  })));

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
    if (!response.ended() && !response.headWritten()) {
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
