package org.passerelle.enrollment.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * A person with personal values found nowhere else in the database, so that a test can look for
 * each of them in every table after erasure. Random parts use letters that never appear in a UUID's
 * text (g to z) and upper case, which PostgreSQL never prints in one.
 */
public record Person(
    String country,
    String firstName,
    String lastName,
    String email,
    String phone,
    String birthDate,
    String addressLine,
    String postalCode,
    String city,
    String jobSeekerId,
    String referralContact,
    String motivation,
    String availability,
    String accommodationNeeds) {

  private static final String LETTERS = "ghjkmnpqrstuvwxyz";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A new person living in and applying to this country (FR or MA). */
  public static Person of(String country) {
    String token = token(10);
    String capital = Character.toUpperCase(token.charAt(0)) + token.substring(1);
    boolean france = country.equals("FR");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(random.nextInt(7000));
    return new Person(
        country,
        "Xaviera" + token,
        "Pemberton" + capital,
        "person." + token + "@example.org",
        (france ? "+336" : "+2126") + digits(8),
        birth.toString(),
        random.nextInt(1, 200) + " rue " + capital,
        france ? "2A" + digits(3) : digits(5),
        "Ville" + capital,
        france ? digits(7) + "ZQXW" : "ZQ" + token.toUpperCase(),
        "Contact " + capital,
        "Motivation " + capital,
        "Availability " + capital,
        "Needs " + capital);
  }

  /** The same person under another email (the same email in another country, an account's). */
  public Person withEmail(String otherEmail) {
    return new Person(
        country,
        firstName,
        lastName,
        otherEmail,
        phone,
        birthDate,
        addressLine,
        postalCode,
        city,
        jobSeekerId,
        referralContact,
        motivation,
        availability,
        accommodationNeeds);
  }

  /** Values a test looks for after erasure (the postal code only with the record itself). */
  public List<String> personalValues() {
    return List.of(
        firstName,
        lastName,
        email,
        phone,
        birthDate,
        addressLine,
        city,
        jobSeekerId,
        referralContact,
        motivation,
        availability,
        accommodationNeeds);
  }

  public String site() {
    return country.equals("FR") ? "FR-SEVRAN" : "MA-FES";
  }

  /** An application of this person to an intake, with an office's reference if not null. */
  public String body(UUID intakeId, String externalRef, String priorityPublics) {
    boolean france = country.equals("FR");
    return """
        {"intakeId": "%s",%s
         "applicant": {
           "firstName": "%s", "lastName": "%s", "birthDate": "%s",
           "email": "%s", "phone": "%s",
           "address": {"line": "%s", "postalCode": "%s", "city": "%s", "country": "%s"},
           "nationality": "%s", "gender": "FEMALE", "educationLevel": "BAC_PLUS_2",
           "employment": {"jobSeekerAgency": "%s", "jobSeekerId": "%s"},
           "priorityPublics": %s,
           "referral": {"source": "ASSOCIATION", "contact": "%s"},
           "motivation": "%s",
           "constraints": {"availability": "%s", "accommodationNeeds": "%s"}},
         "consents": [{"purpose": "APPLICATION_PROCESSING", "granted": true},
                      {"purpose": "FOLLOW_UP_CONTACT", "granted": true}]}
        """
        .formatted(
            intakeId,
            externalRef == null ? "" : " \"externalRef\": \"" + externalRef + "\",",
            firstName,
            lastName,
            birthDate,
            email,
            phone,
            addressLine,
            postalCode,
            city,
            country,
            country,
            france ? "FRANCE_TRAVAIL" : "ANAPEC",
            jobSeekerId,
            priorityPublics,
            referralContact,
            motivation,
            availability,
            accommodationNeeds);
  }

  public String body(UUID intakeId) {
    return body(intakeId, null, "[]");
  }

  /** Submits as this demo user; returns the application's JSON (id, applicant.id...). */
  public JsonNode submit(String user, UUID intakeId) {
    return submit(user, intakeId, "[]");
  }

  /**
   * Submits this person's application as this demo user. A learner applies as themself, with the
   * email of their account: this person's email is then not sent.
   */
  public JsonNode submit(String user, UUID intakeId, String priorityPublics) {
    Person applying = Fixtures.learner(user) ? withEmail(Tokens.email(user)) : this;
    String json =
        Api.as(user)
            .body(applying.body(intakeId, null, priorityPublics))
            .post(Fixtures.APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .asString();
    return read(json);
  }

  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** The token subject of a demo user, as services see it. */
  public static String subjectOf(String user) {
    String payload = Tokens.of(user).split("\\.")[1];
    return read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .path("sub")
        .asText();
  }

  private static String token(int length) {
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < length; i++) {
      token.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
    }
    return token.toString();
  }

  private static String digits(int length) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < length; i++) {
      digits.append(ThreadLocalRandom.current().nextInt(10));
    }
    return digits.toString();
  }
}
