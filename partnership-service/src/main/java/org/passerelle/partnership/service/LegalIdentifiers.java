package org.passerelle.partnership.service;

import java.util.Map;
import org.passerelle.commons.problem.ProblemException;

/**
 * The legal identifier each country gives organisations, as data: its name, its number of digits
 * and its check. France's SIRET has 14 digits whose Luhn sum is a multiple of 10 (La Poste's
 * establishments, SIREN 356000000, a multiple of 5 instead); Morocco's ICE has 15 digits.
 */
public final class LegalIdentifiers {

  /** How a country's identifier is checked. */
  enum Check {
    NONE,
    SIRET_LUHN
  }

  record Rule(String name, int digits, Check check) {}

  static final Map<String, Rule> RULES =
      Map.of("FR", new Rule("SIRET", 14, Check.SIRET_LUHN), "MA", new Rule("ICE", 15, Check.NONE));

  private static final String LA_POSTE = "356000000";

  private LegalIdentifiers() {}

  /**
   * The identifier as stored (spaces removed), or null for none; 400 naming {@code field} when it
   * does not follow its country's rule.
   */
  public static String normalised(String field, String country, String value) {
    if (value == null) {
      return null;
    }
    String digits = value.replace(" ", "");
    Rule rule = RULES.get(country);
    if (rule == null || !valid(rule, digits)) {
      throw ProblemException.invalid(
          field,
          "invalid-request.legal-identifier",
          country,
          rule == null ? "?" : rule.name(),
          rule == null ? 0 : rule.digits());
    }
    return digits;
  }

  static boolean valid(Rule rule, String digits) {
    if (digits.length() != rule.digits() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return switch (rule.check()) {
      case NONE -> true;
      case SIRET_LUHN ->
          digits.startsWith(LA_POSTE) ? digitSum(digits) % 5 == 0 : luhn(digits) % 10 == 0;
    };
  }

  private static int luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum;
  }

  private static int digitSum(String digits) {
    return digits.chars().map(c -> c - '0').sum();
  }
}
