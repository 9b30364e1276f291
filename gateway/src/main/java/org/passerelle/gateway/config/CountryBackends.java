package org.passerelle.gateway.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Every served country's backends: its own where configured, the default ones otherwise. */
public final class CountryBackends {

  private CountryBackends() {}

  /** Country code (upper case) -> backend name -> base URL. */
  public static Map<String, Map<String, String>> of(GatewayConfig config) {
    Map<String, Map<String, String>> result = new TreeMap<>();
    for (String code : config.countryCodes()) {
      result.put(code.trim().toUpperCase(Locale.ROOT), new TreeMap<>(config.backends()));
    }
    result.computeIfAbsent(
        config.defaultCountry().trim().toUpperCase(Locale.ROOT),
        code -> new TreeMap<>(config.backends()));
    config
        .countries()
        .forEach(
            (code, country) -> {
              Map<String, String> backends = result.get(code.trim().toUpperCase(Locale.ROOT));
              if (backends == null) {
                throw new IllegalStateException(
                    "backends configured for country " + code + " that is not served");
              }
              country
                  .backends()
                  .forEach(
                      (name, url) -> {
                        if (!backends.containsKey(name)) {
                          throw new IllegalStateException(
                              "country " + code + " names unknown backend " + name);
                        }
                        backends.put(name, url);
                      });
            });
    return result;
  }
}
