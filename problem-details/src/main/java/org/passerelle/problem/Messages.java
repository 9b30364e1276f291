package org.passerelle.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages shown to people, in French (default), English or Arabic. */
public final class Messages {

  public static final Locale DEFAULT = Locale.FRENCH;
  private static final List<String> SUPPORTED = List.of("fr", "en", "ar");
  private static final String BUNDLE = "org.passerelle.problem.Messages";

  /** An argument that is itself a message key, shown in the caller's language. */
  public record Key(String key) {}

  private Messages() {}

  /** Picks fr, en or ar from the acceptable languages, in order of preference. */
  public static Locale pick(List<Locale> acceptable) {
    if (acceptable != null) {
      for (Locale locale : acceptable) {
        if (SUPPORTED.contains(locale.getLanguage())) {
          return Locale.of(locale.getLanguage());
        }
      }
    }
    return DEFAULT;
  }

  public static String format(Locale locale, String key, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale == null ? DEFAULT : locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    Object[] localised = arguments == null ? new Object[0] : arguments.clone();
    for (int i = 0; i < localised.length; i++) {
      if (localised[i] instanceof Key nested) {
        localised[i] = format(locale, nested.key());
      }
    }
    // Always through MessageFormat, which also turns the files' doubled apostrophes into one.
    return new MessageFormat(pattern, locale == null ? DEFAULT : locale).format(localised);
  }
}
