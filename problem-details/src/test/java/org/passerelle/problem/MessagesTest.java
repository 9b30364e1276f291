package org.passerelle.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The texts people read, in French (default), English and Arabic. */
class MessagesTest {

  private static final List<String> FILES =
      List.of("Messages.properties", "Messages_en.properties", "Messages_ar.properties");

  @Test
  void everyTextExistsInAllThreeLanguagesAndIsAValidPattern() throws IOException {
    Set<String> french = keys("Messages.properties");
    assertThat(french).hasSizeGreaterThan(100);
    for (String file : FILES) {
      Properties texts = load(file);
      assertThat(new TreeSet<>(texts.stringPropertyNames())).as(file).isEqualTo(french);
      for (String key : texts.stringPropertyNames()) {
        assertThat(texts.getProperty(key)).as("%s in %s", key, file).isNotBlank();
        new MessageFormat(texts.getProperty(key)); // throws on a broken pattern
      }
    }
  }

  @Test
  void everyProblemTypeHasATitleInEachLanguage() {
    for (ProblemType type : ProblemType.values()) {
      for (String language : List.of("fr", "en", "ar")) {
        assertThat(Messages.format(Locale.of(language), type.slug() + ".title"))
            .as("%s in %s", type, language)
            .isNotEqualTo(type.slug() + ".title");
      }
    }
    assertThat(Messages.format(Locale.ENGLISH, ProblemType.GATEWAY_TIMEOUT.slug() + ".title"))
        .isEqualTo("Gateway timeout");
  }

  @Test
  void theFirstSupportedLanguageWinsAndFrenchIsTheDefault() {
    assertThat(
            Messages.pick(List.of(Locale.GERMAN, Locale.forLanguageTag("ar-MA"), Locale.ENGLISH)))
        .isEqualTo(Locale.of("ar"));
    assertThat(Messages.pick(List.of(Locale.GERMAN))).isEqualTo(Locale.FRENCH);
    assertThat(Messages.pick(null)).isEqualTo(Locale.FRENCH);
  }

  @Test
  void argumentsAreFormattedAndApostrophesShownOnce() {
    assertThat(Messages.format(Locale.FRENCH, "gateway-timeout.detail"))
        .isEqualTo("Le service n'a pas répondu à temps ; réessayez plus tard.");
    assertThat(Messages.format(Locale.ENGLISH, "service-unavailable.detail", "cohort"))
        .isEqualTo("Service \"cohort\" is not answering; retry later.");
    assertThat(
            Messages.format(
                Locale.ENGLISH, "not-found.detail", new Messages.Key("resource.cohort")))
        .isEqualTo("No cohort with this id within your scope.");
    assertThat(Messages.format(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
  }

  private static Set<String> keys(String file) throws IOException {
    return new TreeSet<>(load(file).stringPropertyNames());
  }

  private static Properties load(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
