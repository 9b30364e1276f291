package org.passerelle.enrollment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.enrollment.JobSeekerAgency;

/**
 * enrollment-service's rules that differ by country or by school, kept as configuration (DESIGN
 * §3): formats, regime, retention, the waitlist order and who reads sensitive fields.
 */
@ConfigMapping(prefix = "passerelle.enrollment")
public interface EnrollmentConfig {

  /** Rules per country (ISO 3166-1 alpha-2), e.g. {@code passerelle.enrollment.countries.FR}. */
  Map<String, CountryRules> countries();

  /** Rules for phones and addresses outside the configured countries. */
  @WithDefault("^\\+[1-9][0-9]{7,14}$")
  String foreignPhonePattern();

  @WithDefault("^[A-Za-z0-9 -]{2,16}$")
  String foreignPostalCodePattern();

  Waitlist waitlist();

  SensitiveData sensitiveData();

  Retention retention();

  Imports imports();

  Webhooks webhooks();

  interface CountryRules {
    /** Data-protection regime, recorded with every consent: GDPR or LAW_09_08. */
    String regime();

    /** International calling code: a phone starting with +code follows this country's pattern. */
    String callingCode();

    /** E.164 pattern of the country's phone numbers. */
    String phonePattern();

    String postalCodePattern();

    /**
     * The country's public employment service; a job seeker of this country is registered there.
     */
    JobSeekerAgency jobSeekerAgency();

    String jobSeekerIdPattern();

    /** Minimum age at the start when a cohort does not say. */
    @WithDefault("18")
    int defaultMinimumAge();

    /** How long applications that never led to enrolment are kept after their last activity. */
    Period retention();

    /** The information text version consents are recorded against when none is sent. */
    String consentTextVersion();
  }

  interface Waitlist {
    /**
     * The waitlist order, rule after rule: PRIORITY_PUBLIC (any priority public first), TEST_SCORE
     * (highest first), WAITLISTED_AT (earliest first), SUBMITTED_AT (earliest first).
     */
    @WithDefault("PRIORITY_PUBLIC,TEST_SCORE,WAITLISTED_AT")
    List<String> order();
  }

  interface SensitiveData {
    /** Roles that read disability, refugee status and accommodation needs. */
    @WithDefault("platform-admin,country-admin")
    Set<String> readerRoles();
  }

  interface Retention {
    /** When the retention job runs (Quarkus cron), or "off". */
    @WithDefault("0 30 2 * * ?")
    String schedule();
  }

  interface Imports {
    /** Rows one import may hold. */
    @WithDefault("10000")
    int maxRows();

    /** How often the worker looks for imports to apply (Quarkus "every"). */
    @WithDefault("1s")
    String poll();
  }

  /** Signed webhooks to regional offices' systems (ADR 0045). */
  interface Webhooks {
    /** Whether http://localhost and http://127.0.0.1 URLs are accepted: development only. */
    @WithDefault("false")
    boolean allowLocalHttp();

    /** How often the dispatcher looks for deliveries due (Quarkus "every"). */
    @WithDefault("5s")
    String poll();

    /** Deliveries one pass sends, at most. */
    @WithDefault("20")
    int batch();

    /**
     * The wait before the first retry, doubled after each failed attempt up to {@link #maxDelay}.
     */
    @WithDefault("PT10S")
    Duration firstDelay();

    @WithDefault("PT1H")
    Duration maxDelay();

    /** Attempts before a delivery is FAILED (about a day with the defaults). */
    @WithDefault("30")
    int maxAttempts();

    /** How long a receiver has to answer. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How long a rotated secret still signs deliveries beside the new one. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** How long a delivered or failed delivery stays listed before it is deleted. */
    @WithDefault("P30D")
    Duration keepDeliveries();
  }

  /** The country's rules, if configured. */
  default Optional<CountryRules> rules(String country) {
    return Optional.ofNullable(country).map(countries()::get);
  }
}
