package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * The checks that depend on a country (phone, postal code, job-seeker registration), driven by
 * {@link EnrollmentConfig} so that a new country is configuration, not code.
 */
@ApplicationScoped
public class ApplicantRules {

  private final EnrollmentConfig config;
  private final Instance<HttpHeaders> headers;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  ApplicantRules(EnrollmentConfig config, Instance<HttpHeaders> headers) {
    this.config = config;
    this.headers = headers;
  }

  /**
   * Refuses details that break the rules of the country applied in ({@code country}) or of the
   * address's country, listing every broken rule at once (400, nothing written).
   */
  public void check(ApplicantDetails details, String country, String prefix) {
    List<Problem.FieldError> errors = errors(details, country, prefix);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, "validation-failed.detail");
    }
  }

  /**
   * A learner applies with the email of their account ({@code accountEmail}, verified), case aside.
   * Any other is refused (422) before anything is looked up, so that the answer is the same whether
   * or not someone holds the email typed.
   */
  public void checkAccountEmail(ApplicantDetails details, String accountEmail, String prefix) {
    if (!ApplicantService.normalisedEmail(details.email()).equals(accountEmail)) {
      String key = "unprocessable.not-account-email";
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, List.of(error(prefix + "email", key)), key);
    }
  }

  public List<Problem.FieldError> errors(ApplicantDetails details, String country, String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String phone = details.phone().strip();
    var phoneRules =
        config.countries().entrySet().stream()
            .filter(rules -> phone.startsWith("+" + rules.getValue().callingCode()))
            .findFirst();
    String phonePattern =
        phoneRules
            .map(rules -> rules.getValue().phonePattern())
            .orElse(config.foreignPhonePattern());
    if (!matches(phonePattern, phone)) {
      errors.add(
          error(
              prefix + "phone",
              "invalid-request.phone-format",
              phoneRules.map(Map.Entry::getKey).orElse("E.164")));
    }
    var address = details.address();
    String postalPattern =
        config
            .rules(address.country())
            .map(EnrollmentConfig.CountryRules::postalCodePattern)
            .orElse(config.foreignPostalCodePattern());
    if (!matches(postalPattern, address.postalCode().strip())) {
      errors.add(
          error(
              prefix + "address.postalCode",
              "invalid-request.postal-code-format",
              address.country()));
    }
    var employment = details.employment();
    if (employment != null) {
      var rules = config.rules(country).orElseThrow();
      if (employment.jobSeekerAgency() == null) {
        if (employment.jobSeekerId() != null) {
          errors.add(
              error(
                  prefix + "employment.jobSeekerAgency",
                  "invalid-request.job-seeker-agency-missing"));
        }
      } else if (employment.jobSeekerAgency() != rules.jobSeekerAgency()) {
        errors.add(
            error(
                prefix + "employment.jobSeekerAgency",
                "invalid-request.job-seeker-agency",
                country,
                rules.jobSeekerAgency()));
      } else if (employment.jobSeekerId() == null
          || !matches(rules.jobSeekerIdPattern(), employment.jobSeekerId().strip())) {
        errors.add(
            error(
                prefix + "employment.jobSeekerId",
                "invalid-request.job-seeker-id",
                rules.jobSeekerAgency()));
      }
    }
    return errors;
  }

  private boolean matches(String pattern, String value) {
    return patterns.computeIfAbsent(pattern, Pattern::compile).matcher(value).matches();
  }

  private Problem.FieldError error(String field, String key, Object... arguments) {
    return new Problem.FieldError(field, Messages.format(locale(), key, arguments));
  }

  /** The caller's language for field messages; French outside a request (DESIGN §6). */
  private Locale locale() {
    try {
      return Messages.pick(headers.get().getAcceptableLanguages());
    } catch (ContextNotActiveException | IllegalStateException e) {
      return Messages.DEFAULT;
    }
  }
}
