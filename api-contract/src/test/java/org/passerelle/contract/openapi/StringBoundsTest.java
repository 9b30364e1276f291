package org.passerelle.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StringBoundsTest {

  @Test
  void theLongestValueABoundedPatternAccepts() {
    assertThat(StringBounds.maxLength("FR|MA")).hasValue(2);
    assertThat(StringBounds.maxLength("[A-Z]{2}-[A-Z0-9-]{1,61}")).hasValue(64);
    assertThat(StringBounds.maxLength("[A-Z0-9][A-Z0-9_-]{0,39}")).hasValue(40);
    assertThat(StringBounds.maxLength("[0-9A-Z ]{1,40}")).hasValue(40);
    assertThat(
            StringBounds.maxLength(
                "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}"))
        .hasValue(36);
    assertThat(StringBounds.maxLength("^(?:ab|c)?\\d{3}(?=x)$")).hasValue(5);
    assertThat(StringBounds.maxLength("[\\]a]\\p{Lu}\\Q.*\\E")).hasValue(4);
    assertThat(StringBounds.maxLength("(?i)[a-z]{2,}?|x")).isEmpty();
  }

  @Test
  void unboundedOrUnreadablePatternsGiveNoBound() {
    assertThat(StringBounds.maxLength("[^\\p{C}]*")).isEmpty();
    assertThat(StringBounds.maxLength("[A-Z0-9]+(-[A-Z0-9]+)*")).isEmpty();
    assertThat(StringBounds.maxLength("a{2,}")).isEmpty();
    assertThat(StringBounds.maxLength("(a)\\1")).isEmpty();
    assertThat(StringBounds.maxLength("(a")).isEqualTo(OptionalInt.empty());
    assertThat(StringBounds.maxLength("a)")).isEmpty();
  }
}
