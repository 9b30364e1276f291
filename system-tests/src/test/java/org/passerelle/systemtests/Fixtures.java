package org.passerelle.systemtests;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.passerelle.systemtests.Api.Answer;
import org.passerelle.systemtests.OpenApi.Operation;

/**
 * One object per resource, created through the gateway by its owners (FR staff at FR-CERGY, the
 * office system of France, partner-fr), once per test JVM, for the authorization matrix and the
 * bad-input run: a running cohort with a certified learner, the application that seated them with
 * staff's notes on it, an import, a partner, a job offer, a retention run.
 *
 * <p>The registry maps each path parameter's collection to one of these objects and who reaches it
 * (its scope). A path template whose parameter has no entry fails both tests with the message of
 * {@link #missing}: coverage cannot shrink silently when an operation is added.
 */
final class Fixtures {

  static final String COUNTRY = "FR";
  static final String SITE = "FR-CERGY";
  static final String PROGRAMME = "WEB-DEV";

  /**
   * In an example body, stands for a natural key (an email, a reference, a code) made new for each
   * request ({@link Api.Request#withFreshKeys}), so that one accepted request does not turn the
   * next ones into conflicts that would hide whether they were accepted.
   */
  static final String FRESH = "ZZFRESHZZ";

  private static final Duration EVENTS = Duration.ofSeconds(30);

  private static Fixtures built;

  /** Who reaches an object (DESIGN §5), as the services' access scope decides it. */
  record Scope(String description, Predicate<Caller> reaches, boolean owned) {

    /** Staff of the site (and the country's admins and office system), platform admins. */
    static Scope site(String country, String site) {
      return new Scope(
          country + " " + site + " staff",
          caller ->
              caller.has(Caller.PLATFORM_ADMIN)
                  || ((caller.has(Caller.COUNTRY_ADMIN) || caller.has(Caller.INTEGRATION))
                      && caller.country().filter(country::equals).isPresent())
                  || (caller.has(Caller.SITE_STAFF)
                      && caller.country().filter(country::equals).isPresent()
                      && caller.sites().contains(site)),
          true);
    }

    /** Staff of the country, every site included, and platform admins. */
    static Scope country(String country) {
      return new Scope(
          country + " staff",
          caller ->
              caller.has(Caller.PLATFORM_ADMIN)
                  || ((caller.has(Caller.COUNTRY_ADMIN)
                          || caller.has(Caller.INTEGRATION)
                          || caller.has(Caller.SITE_STAFF))
                      && caller.country().filter(country::equals).isPresent()),
          true);
    }

    /** Managed by platform admins only (reference data). */
    static Scope platformAdmins() {
      return new Scope("platform admins", caller -> caller.has(Caller.PLATFORM_ADMIN), true);
    }

    /**
     * No object of anyone's: only the role check can be tested (e.g. parked events, which only a
     * broken consumer creates). A caller whose role passes fails the matrix until an owned fixture
     * is registered.
     */
    static Scope functionLevelOnly(String reason) {
      return new Scope(reason, caller -> caller.has(Caller.PLATFORM_ADMIN), false);
    }

    Scope orPartner(String partnerId) {
      return new Scope(
          description + " or partner " + partnerId,
          caller ->
              reaches.test(caller) || caller.partnerId().filter(partnerId::equals).isPresent(),
          owned);
    }
  }

  /** The object a path parameter names, and who reaches it. */
  record Fixture(String collection, String value, Scope scope) {}

  /** An open intake someone may apply to, with its place. */
  record Intake(String id, String country, String site) {}

  final String marker = "STAFFNOTE-" + UUID.randomUUID().toString().substring(0, 8);
  final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
  final String cohort;
  final String openCohort;
  final String application;
  final String applicant;
  final String applicantEmail;
  final String importId;
  final String importedApplication;
  final String importRef;
  final String learner;
  final String certificate;
  final String partner;
  final String jobOffer;
  final String retentionRun;
  // issue 20, webhooks: integration-fr's subscription, told at the platform's test receiver
  final String webhookSubscription;
  // issue 17: a closed indicator period of FR, a past month of its own (closing one twice is a
  // conflict, so each run closes another)
  final String indicatorClosure;
  final String partnerOfOffer;
  // partnership-service conventions (issue 15): a signed convention of partner-fr's organisation
  // covering FR-CERGY, a commitment in it, a prize it awarded there.
  final String convention;
  final String commitment;
  final String prize;
  // devices (issue 15)
  final String donation;
  final String device;

  // issue 16, pl-offers: a published offer at FR-CERGY with no partner, and the candidacy of the
  // fixture's learner staff proposed to it (placement-service learns the learner from enrolment's
  // events). The partner's own offer above stays a draft waiting for moderation.
  final String candidacyOffer;
  final String candidacy;

  // issue 15, partners: a contact at the partner (personal data), with the email that marks it
  final String partnerContact;

  // issue 16, placements and follow-ups (pl-outcomes): a situation staff recorded for the certified
  // learner (its evidence note staff's text), and a follow-up their completion scheduled
  final String placement;
  final String followUp;
  final String partnerContactEmail;

  final List<Intake> otherIntakes = new ArrayList<>();

  /** Staff-only values planted by the owners: field name (null for any) to the value. */
  final Map<String, List<String>> staffOnly = new LinkedHashMap<>();

  private final Map<String, Fixture> registry = new HashMap<>();

  static synchronized Fixtures get() {
    if (built == null) {
      built = new Fixtures();
    }
    return built;
  }

  private Fixtures() {
    Platform.get();
    Caller admin = Caller.named("platform-admin");
    Caller countryAdmin = Caller.named("country-admin-fr");
    Caller office = Caller.named("integration-fr");
    Caller partnerUser = Caller.named("partner-fr");

    cohort = schedule(countryAdmin, SITE, "[\"Formatrice " + marker + "\"]");
    openCohort = schedule(countryAdmin, SITE, "[]");
    // Open intakes in other scopes, for the natural-key replays of other callers.
    String sevran = schedule(admin, "FR-SEVRAN", "[]");
    String fes = schedule(admin, "MA-FES", "[]");
    otherIntakes.add(new Intake(sevran, "FR", "FR-SEVRAN"));
    otherIntakes.add(new Intake(fes, "MA", "MA-FES"));
    for (String intake : List.of(cohort, openCohort, sevran, fes)) {
      awaitIntake(intake);
    }

    applicantEmail = "matrix." + UUID.randomUUID() + "@example.org";
    JsonNode submitted =
        created(
            Api.postJson(
                countryAdmin, "/api/v1/applications", applicationBody(cohort, applicantEmail)));
    application = submitted.path("id").asText();
    applicant = submitted.path("applicant").path("id").asText();

    importRef = "MATRIX-" + UUID.randomUUID();
    JsonNode accepted =
        created(
            Api.postJson(
                office,
                "/api/v1/applications/imports",
                "{\"rows\": [" + importRow(openCohort, importRef, freshEmail()) + "]}"));
    importId = accepted.path("id").asText();
    // The import answers 202 with its job and applies the rows in the background (ADR 0047).
    await()
        .atMost(EVENTS)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                "SUCCEEDED"
                    .equals(
                        Api.get(office, "/api/v1/applications/imports/" + importId)
                            .json()
                            .path("status")
                            .asText()));
    JsonNode imported = created(Api.get(office, "/api/v1/applications/imports/" + importId));
    importedApplication = importedApplication(imported);

    ok(
        Api.postJson(
            countryAdmin,
            "/api/v1/applications/" + application + "/screen",
            "{\"testScore\": 87, \"interviewNotes\": \"Entretien " + marker + "\"}"));
    ok(
        Api.postJson(
            countryAdmin,
            "/api/v1/applications/" + application + "/accept",
            "{\"reason\": \"Décision " + marker + "\"}"));
    staffOnly.put(null, List.of(marker));
    staffOnly.put("testScore", List.of("87"));
    staffOnly.put("decidedBy", List.of(countryAdmin.subject()));
    await()
        .atMost(EVENTS)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                "ENROLLED"
                    .equals(
                        Api.get(countryAdmin, "/api/v1/applications/" + application)
                            .json()
                            .path("status")
                            .asText()));

    // The start moved to today (staff's decision), recruitment closed yesterday.
    String opened =
        ok(Api.send(
                Api.Request.of(
                    countryAdmin, "POST", "/api/v1/cohorts/" + cohort + "/open-recruitment")))
            .header("etag")
            .orElseThrow();
    ok(
        Api.send(
            Api.Request.of(countryAdmin, "PATCH", "/api/v1/cohorts/" + cohort)
                .withHeader("If-Match", opened)
                .withJson(
                    "application/json",
                    """
                    {"startDate": "%s", "recruitmentOpensOn": "%s", "recruitmentClosesOn": "%s"}
                    """
                        .formatted(today, today.minusDays(2), today.minusDays(1)))));
    ok(Api.send(Api.Request.of(countryAdmin, "POST", "/api/v1/cohorts/" + cohort + "/start")));
    learner =
        ok(Api.get(countryAdmin, "/api/v1/cohorts/" + cohort + "/learners"))
            .json()
            .path("items")
            .path(0)
            .path("learnerId")
            .asText();
    ok(
        Api.send(
            Api.Request.of(
                    countryAdmin, "PUT", "/api/v1/cohorts/" + cohort + "/attendance/" + today)
                .withJson(
                    "application/json",
                    """
                    {"records": [{"learnerId": "%s", "status": "LATE", "comment": "Retard %s"}]}
                    """
                        .formatted(learner, marker))));
    certificate =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/cohorts/" + cohort + "/certification-results",
                    """
                    {"learnerId": "%s", "outcome": "CERTIFIED", "certifiedOn": "%s",
                     "juryReference": "Jury %s"}
                    """
                        .formatted(learner, today, marker)))
            .path("certificate")
            .path("publicId")
            .asText();

    partner =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/partners",
                    "{\"name\": \"Matrice Numérique\", \"kind\": \"EMPLOYER\", \"country\":"
                        + " \"FR\"}"))
            .path("id")
            .asText();
    // issue 15, partners: the partner's contact, which integrations and other partners never read
    partnerContactEmail = "contact." + UUID.randomUUID() + "@example.org";
    partnerContact =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/partners/" + partner + "/contacts",
                    "{\"name\": \"Contact Matrice\", \"email\": \"" + partnerContactEmail + "\"}"))
            .path("id")
            .asText();
    staffOnly.put("email", List.of(partnerContactEmail));
    partnerOfOffer = partnerUser.partnerId().orElseThrow();
    jobOffer =
        created(Api.postJson(partnerUser, "/api/v1/job-offers", jobOfferBody()))
            .path("id")
            .asText();
    retentionRun =
        created(Api.postJson(countryAdmin, "/api/v1/retention-runs", "{\"country\": \"FR\"}"))
            .path("id")
            .asText();
    webhookSubscription =
        created(
                Api.postJson(
                    office,
                    "/api/v1/webhook-subscriptions",
                    "{\"url\": \""
                        + Platform.get().webhookReceiver()
                        + "\", \"eventTypes\": [\"application.decided\"]}"))
            .path("id")
            .asText();

    LocalDate closedFrom =
        LocalDate.of(1990, 1, 1).plusMonths(ThreadLocalRandom.current().nextInt(12 * 30));
    indicatorClosure =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/indicators/closures",
                    """
                    {"country": "FR", "from": "%s", "to": "%s"}
                    """
                        .formatted(closedFrom, closedFrom.plusMonths(1).minusDays(1))))
            .path("id")
            .asText();

    // partnership-service conventions (issue 15)
    convention =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/conventions",
                    """
                    {"partnerId": "%s", "country": "FR", "sites": ["%s"],
                     "startsOn": "%s", "endsOn": "%s"}
                    """
                        .formatted(partnerOfOffer, SITE, today.minusDays(1), today.plusYears(1))))
            .path("id")
            .asText();
    ok(
        Api.postJson(
            countryAdmin,
            "/api/v1/conventions/" + convention + "/sign",
            "{\"signedOn\": \"%s\"}".formatted(today.minusDays(1))));
    commitment =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/commitments",
                    """
                    {"conventionId": "%s", "kind": "MENTORING_HOURS", "target": 40,
                     "dueOn": "%s"}
                    """
                        .formatted(convention, today.plusMonths(6))))
            .path("id")
            .asText();
    prize =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/prizes",
                    """
                    {"partnerId": "%s", "site": "%s", "title": "Prix de la matrice",
                     "recipientKind": "LEARNERS", "learnerIds": ["%s"], "awardedOn": "%s"}
                    """
                        .formatted(partnerOfOffer, SITE, learner, today)))
            .path("id")
            .asText();
    // devices (issue 15): a donation received at Cergy from the matrix's own partner (no partner
    // user's organisation, so no partner user reaches it), one of its computers lent to the learner
    JsonNode donated =
        created(
            Api.postJson(
                countryAdmin,
                "/api/v1/donations",
                """
                {"donorId": "%s", "site": "%s", "donatedOn": "%s",
                 "declaredValue": {"amount": 300, "currency": "EUR"},
                 "items": [{"serialNumber": "MATRIX-%s", "model": "Dell Latitude 5490"}]}
                """
                    .formatted(partner, SITE, today, UUID.randomUUID())));
    donation = donated.path("id").asText();
    device = donated.path("devices").path(0).path("id").asText();
    ok(
        Api.postJson(
            countryAdmin,
            "/api/v1/devices/" + device + "/wipe",
            "{\"certificateReference\": \"WIPE-MATRIX\", \"wipedBy\": \"Atelier\"}"));
    ok(Api.send(Api.Request.of(countryAdmin, "POST", "/api/v1/devices/" + device + "/ready")));
    ok(
        Api.postJson(
            countryAdmin,
            "/api/v1/devices/" + device + "/loan",
            """
            {"learnerId": "%s", "expectedReturn": "%s", "acceptedOn": "%s",
             "acceptanceReference": "PRET-MATRIX"}
            """
                .formatted(learner, today.plusMonths(6), today)));

    // issue 16, placements and follow-ups (pl-outcomes): placement-service learns the learner and
    // their completion from enrollment's and cohort's events, so the recording is retried until
    // it knows them
    String[] recorded = new String[1];
    await()
        .atMost(EVENTS)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Answer answer =
                  Api.postJson(
                      countryAdmin,
                      "/api/v1/placements",
                      """
                      {"learnerId": "%s", "source": "EMPLOYER", "situation": "EMPLOYED",
                       "contractType": "CDI", "employerName": "Matrice Emploi",
                       "evidenceKind": "CONTRACT", "evidenceNote": "Contrat %s"}
                      """
                          .formatted(learner, marker));
              if (answer.status() == 201) {
                recorded[0] = answer.json().path("id").asText();
              }
              return recorded[0] != null;
            });
    placement = recorded[0];
    await()
        .atMost(EVENTS)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Api.get(countryAdmin, "/api/v1/follow-ups?learnerId=" + learner)
                        .json()
                        .path("total")
                        .asInt()
                    > 0);
    followUp =
        ok(Api.get(countryAdmin, "/api/v1/follow-ups?learnerId=" + learner))
            .json()
            .path("items")
            .path(0)
            .path("id")
            .asText();
    // issue 16, pl-offers: job offers' life and candidacies
    candidacyOffer =
        created(
                Api.postJson(
                    countryAdmin,
                    "/api/v1/job-offers",
                    """
                    {"employerName": "Matrice Services", "title": "Technicien support",
                     "contractType": "CDD", "durationMonths": 6, "siteCode": "%s",
                     "city": "Cergy", "openings": 1}
                    """
                        .formatted(SITE)))
            .path("id")
            .asText();
    candidacy = proposed(countryAdmin, candidacyOffer, learner);

    Scope cergy = Scope.site(COUNTRY, SITE);
    register("applications", application, cergy);
    register("applications/imports", importId, Scope.country(COUNTRY));
    register("applicants", applicant, cergy);
    register("intakes", cohort, cergy);
    register("retention-runs", retentionRun, Scope.country(COUNTRY));
    register(
        "webhook-subscriptions",
        webhookSubscription,
        new Scope(
            COUNTRY + " integrations",
            caller ->
                caller.has(Caller.INTEGRATION)
                    && caller.country().filter(COUNTRY::equals).isPresent(),
            true));
    register("cohorts", cohort, cergy);
    register("cohorts/learners", learner, cergy);
    register("learners", learner, cergy);
    register("cohorts/attendance", today.toString(), cergy);
    register("cohorts/attendance/learners", learner, cergy);
    register("cohorts/certification-results", learner, cergy);
    register("certificates", certificate, cergy);
    register("sites", SITE, Scope.platformAdmins());
    register("programmes", PROGRAMME, Scope.platformAdmins());
    register("partners", partner, Scope.country(COUNTRY));
    // issue 15, partners
    register("partners/contacts", partnerContact, Scope.country(COUNTRY));
    register("job-offers", jobOffer, cergy.orPartner(partnerOfOffer));
    // partnership-service conventions (issue 15)
    register("conventions", convention, cergy.orPartner(partnerOfOffer));
    register("commitments", commitment, cergy.orPartner(partnerOfOffer));
    register("prizes", prize, cergy.orPartner(partnerOfOffer));
    // devices (issue 15)
    register("donations", donation, cergy);
    register("devices", device, cergy);
    // issue 16, placements and follow-ups (pl-outcomes)
    register("placements", placement, cergy);
    register("follow-ups", followUp, cergy);
    // issue 16, pl-offers: the learner gave no CV-sharing consent, so the partner never sees it
    register("candidacies", candidacy, cergy);
    // issue 17, impact indicators: a definition is the same for every caller its role lets in;
    // the learners it lists follow the caller's scope (placement-service's IndicatorServiceTest)
    register(
        "indicators",
        "completion-rate",
        new Scope("every caller whose role reads indicators", caller -> true, true));
    register("indicators/closures", indicatorClosure, Scope.country(COUNTRY));
    // a report is a name, the same for every caller its role lets in; what it holds follows the
    // caller's scope (placement-service's IndicatorExportResourceTest)
    register(
        "indicators/exports",
        "qualiopi-results",
        new Scope("every caller whose role exports indicators", caller -> true, true));
    register(
        "event-consumers",
        "cohort",
        Scope.functionLevelOnly("a service's event consumer, managed by platform admins"));
    register(
        "event-consumers/dead-letters",
        UUID.randomUUID().toString(),
        Scope.functionLevelOnly("parked events exist only when a consumer fails"));
  }

  private void register(String collection, String value, Scope scope) {
    registry.put(collection, new Fixture(collection, value, scope));
  }

  /** A path parameter: its name and the collection it names (e.g. cohorts/learners). */
  record PathParameter(String name, String collection) {}

  static List<PathParameter> pathParameters(String template) {
    List<PathParameter> parameters = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    for (String segment : template.replaceFirst("^/api/v1/", "").split("/")) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        parameters.add(
            new PathParameter(
                segment.substring(1, segment.length() - 1), String.join("/", literals)));
      } else {
        literals.add(segment);
      }
    }
    return parameters;
  }

  /** The fixtures of the operation's path parameters, in order; empty when one is missing. */
  Optional<List<Fixture>> fixtures(Operation operation) {
    List<Fixture> found = new ArrayList<>();
    for (PathParameter parameter : pathParameters(operation.path())) {
      Fixture fixture = registry.get(parameter.collection());
      if (fixture == null) {
        return Optional.empty();
      }
      found.add(fixture);
    }
    return Optional.of(found);
  }

  /** Why an operation cannot be attacked yet: the message a developer sees. */
  static String missing(Operation operation) {
    return operation.name()
        + ": no fixture is registered for its path parameters "
        + pathParameters(operation.path())
        + ". Create one such object in Fixtures (as its owners would, through the API) and register"
        + " it under its collection, so the authorization matrix and the bad-input run cover this"
        + " operation.";
  }

  /** The path with each parameter replaced by its fixture's value. */
  String path(Operation operation) {
    List<Fixture> fixtures =
        fixtures(operation).orElseThrow(() -> new AssertionError(missing(operation)));
    String path = operation.path();
    List<PathParameter> parameters = pathParameters(path);
    for (int i = 0; i < parameters.size(); i++) {
      path = path.replace("{" + parameters.get(i).name() + "}", fixtures.get(i).value());
    }
    return path;
  }

  /** Whether the caller reaches every object the operation's path names. */
  boolean reaches(Operation operation, Caller caller) {
    return fixtures(operation).orElseThrow().stream()
        .allMatch(fixture -> fixture.scope().reaches().test(caller));
  }

  /** Whether every object the path names has an owner (not a role-only placeholder). */
  boolean owned(Operation operation) {
    return fixtures(operation).orElseThrow().stream().allMatch(f -> f.scope().owned());
  }

  /**
   * Identifiers of the owned objects, with their scope, to find in lists that must not show them.
   */
  Map<String, Scope> identifiers() {
    Map<String, Scope> ids = new LinkedHashMap<>();
    for (Fixture fixture : registry.values()) {
      if (fixture.scope().owned() && fixture.value().length() >= 32) {
        ids.put(fixture.value(), fixture.scope());
      }
    }
    ids.put(openCohort, Scope.site(COUNTRY, SITE));
    ids.put(importedApplication, Scope.site(COUNTRY, SITE));
    return ids;
  }

  /** Reads of the owners' objects beyond the operations' own paths. */
  List<String> extraReadBacks() {
    return List.of("/api/v1/applications/" + importedApplication, "/api/v1/cohorts/" + openCohort);
  }

  /** Reads whose answer changes by being made, left out of the read-back, with the reason. */
  static final Map<String, String> VOLATILE_READS =
      Map.of(
          "exportApplicant",
          "lists the audit of the person's reads and exports, which the read-back itself extends",
          // p-gaps (issue 15's remaining gaps): the contacts' access log grows with every read
          "exportPartnerContact",
          "lists the audit of the contact's reads and exports, which the read-back itself extends",
          "listPartnerContactAccesses",
          "the contacts' access log, which the read-back's reads of the contacts extend");

  /**
   * The owners' objects as platform admins read them (status, ETag and body of every read the
   * document offers on them): equal before and after a run when nothing changed them.
   */
  Map<String, String> readBack(OpenApi api) {
    Caller admin = Caller.named("platform-admin");
    Map<String, String> state = new java.util.TreeMap<>();
    List<String> paths = new ArrayList<>();
    for (Operation operation : api.operations()) {
      if (operation.method().equals("GET")
          && operation.hasPathParameters()
          && !VOLATILE_READS.containsKey(operation.operationId())
          && fixtures(operation).isPresent()) {
        paths.add(path(operation));
      }
    }
    paths.addAll(extraReadBacks());
    for (String path : paths) {
      Answer answer = Api.get(admin, path);
      state.put(
          path, answer.status() + " " + answer.header("etag").orElse("-") + " " + answer.body());
    }
    return state;
  }

  /** The objects whose read differs between two read-backs, with what changed. */
  static List<String> changed(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> read : before.entrySet()) {
      String now = after.get(read.getKey());
      if (!read.getValue().equals(now)) {
        changed.add(
            read.getKey()
                + " changed: was "
                + abbreviate(read.getValue())
                + " now "
                + abbreviate(now));
      }
    }
    return changed;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "nothing";
    }
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }

  /**
   * A request body the operation accepts (valid, and meaningful for this world), for operations
   * whose body names other objects or needs dates; others get one generated from their schema.
   */
  Optional<String> example(String operationId) {
    String body =
        switch (operationId) {
          case "submitApplication" ->
              applicationBody(openCohort, "matrix." + FRESH + "@example.org");
          case "importApplications" ->
              "{\"rows\": ["
                  + importRow(openCohort, "MATRIX-" + FRESH, "matrix." + FRESH + "@example.org")
                  + "]}";
          case "scheduleCohort" -> scheduleBody(SITE, "[]");
          case "publishJobOffer" -> jobOfferBody();
          case "registerPartner" ->
              "{\"name\": \"Matrice Deux\", \"kind\": \"FUNDER\", \"country\": \"FR\"}";
          case "startRetentionRun" -> "{\"country\": \"FR\"}";
          case "recordCertificationResult" ->
              """
              {"learnerId": "%s", "outcome": "NOT_CERTIFIED", "certifiedOn": "%s",
               "juryReference": "Jury bis"}
              """
                  .formatted(learner, today);
          case "recordAttendanceDay" ->
              "{\"records\": [{\"learnerId\": \"%s\", \"status\": \"PRESENT\"}]}"
                  .formatted(learner);
          case "enrolCohortLearners" ->
              "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}]}"
                  .formatted(learner, application);
          case "transferCohortLearners" ->
              "{\"toCohortId\": \"%s\", \"learnerIds\": [\"%s\"]}".formatted(openCohort, learner);
          case "withdrawCohortLearner" -> "{\"exitReason\": \"OTHER\"}";
          case "changeCohort" -> "{\"capacity\": 7}";
          case "screenApplication" -> "{\"testScore\": 12}";
          case "recordApplicantConsents" -> "[{\"purpose\": \"CV_SHARING\", \"granted\": true}]";
          case "revokeCertificate" -> "{\"reason\": \"Erreur de saisie\"}";
          case "createSite" ->
              """
              {"code": "FR-%s", "name": "Matrice", "city": "Cergy", "region": "Île-de-France",
               "country": "FR", "timeZone": "Europe/Paris"}
              """
                  .formatted(FRESH);
          case "changeSite" -> "{\"name\": \"Cergy-Pontoise\"}";
          case "createProgramme" ->
              """
              {"code": "MATRICE-%s", "titles": {"fr": "Matrice", "en": "Matrix", "ar": "مصفوفة"},
               "jobTrack": "DATA", "certification": {"framework": "RNCP", "level": 5},
               "durationWeeks": 20}
              """
                  .formatted(FRESH);
          case "changeProgramme" -> "{\"durationWeeks\": 21}";
          // issue 15, partners
          case "changePartner" -> "{\"sector\": \"Matrice\"}";
          case "addPartnerContact" ->
              "{\"name\": \"Contact Matrice\", \"email\": \"matrix." + FRESH + "@example.org\"}";
          // p-gaps (issue 15's remaining gaps)
          case "changePartnerContact" -> "{\"jobTitle\": \"Matrice\"}";
          default -> null;
        };
    return Optional.ofNullable(body);
  }

  /**
   * For a caller outside the owners' scope: a creation in the caller's own scope that reuses the
   * natural keys of the owners' objects (the applicant's email, the office's external reference).
   * DESIGN §5: a natural key never lets a caller reach or change an object outside their scope.
   */
  Optional<String> replay(String operationId, Caller caller) {
    Optional<Intake> intake =
        otherIntakes.stream()
            .filter(
                candidate ->
                    Scope.site(candidate.country(), candidate.site()).reaches().test(caller)
                        || (caller.has(Caller.LEARNER)
                            && caller.country().filter(candidate.country()::equals).isPresent()))
            .findFirst();
    if (intake.isEmpty()) {
      return Optional.empty();
    }
    return switch (operationId) {
      case "submitApplication" ->
          Optional.of(applicationBody(intake.get().id(), applicantEmail, false));
      case "importApplications" ->
          Optional.of(
              "{\"rows\": ["
                  + importRow(
                      intake.get().id(), "MATRIX-" + UUID.randomUUID(), applicantEmail, false)
                  + ", "
                  + importRow(intake.get().id(), importRef, freshEmail(), false)
                  + "]}");
      default -> Optional.empty();
    };
  }

  private static String freshEmail() {
    return "matrix." + UUID.randomUUID() + "@example.org";
  }

  /**
   * A person. The owners' one has sensitive data (refugee, accommodation needs) that nobody else
   * may wipe; a replay declares someone else under the same email, so an overwrite shows.
   */
  private static String applicant(String email, boolean france, boolean owners) {
    return """
    {"firstName": "%s", "lastName": "Benali", "birthDate": "1998-04-12",
     "email": "%s", "phone": "%s",
     "address": {"line": "12 rue des Écoles", "postalCode": "%s", "city": "%s",
                 "country": "%s"},
     "nationality": "SY", "gender": "FEMALE", "educationLevel": "BAC",
     "priorityPublics": %s%s}
    """
        .formatted(
            owners ? "Nadia" : "Usurpée",
            email,
            france ? "+33612345678" : "+212612345678",
            france ? "95000" : "30000",
            france ? "Cergy" : "Fès",
            france ? "FR" : "MA",
            owners ? "[\"REFUGEE\"]" : "[]",
            owners ? ", \"constraints\": {\"accommodationNeeds\": \"Rampe d'accès\"}" : "");
  }

  private boolean inFrance(String intake) {
    return otherIntakes.stream().noneMatch(i -> i.id().equals(intake) && i.country().equals("MA"));
  }

  private String applicationBody(String intake, String email) {
    return applicationBody(intake, email, true);
  }

  private String applicationBody(String intake, String email, boolean owners) {
    return """
    {"intakeId": "%s", "applicant": %s,
     "consents": [{"purpose": "APPLICATION_PROCESSING", "granted": true}]}
    """
        .formatted(intake, applicant(email, inFrance(intake), owners));
  }

  private String importRow(String intake, String externalRef, String email) {
    return importRow(intake, externalRef, email, true);
  }

  private String importRow(String intake, String externalRef, String email, boolean owners) {
    return """
    {"intakeId": "%s", "externalRef": "%s", "applicant": %s,
     "consents": [{"purpose": "APPLICATION_PROCESSING", "granted": true}]}
    """
        .formatted(intake, externalRef, applicant(email, inFrance(intake), owners));
  }

  private String jobOfferBody() {
    return """
    {"partnerId": "%s", "employerName": "Matrice Numérique", "title": "Développeuse data",
     "contractType": "CDI", "siteCode": "%s", "city": "Cergy", "openings": 2}
    """
        .formatted(Caller.named("partner-fr").partnerId().orElseThrow(), SITE);
  }

  private String scheduleBody(String site, String trainers) {
    LocalDate start = today.plusMonths(2);
    return """
    {"programmeCode": "%s", "siteCode": "%s", "startDate": "%s", "endDate": "%s",
     "capacity": 5, "trainers": %s}
    """
        .formatted(PROGRAMME, site, start, start.plusMonths(6), trainers);
  }

  private String schedule(Caller caller, String site, String trainers) {
    return created(Api.postJson(caller, "/api/v1/cohorts", scheduleBody(site, trainers)))
        .path("id")
        .asText();
  }

  /**
   * Staff propose the learner to the offer once placement-service learned the learner from
   * enrolment's events (422 until then, writing nothing).
   */
  private static String proposed(Caller staff, String offer, String learner) {
    String body = "{\"jobOfferId\": \"%s\", \"learnerId\": \"%s\"}".formatted(offer, learner);
    AtomicReference<Answer> answer = new AtomicReference<>();
    await()
        .atMost(EVENTS)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              answer.set(Api.postJson(staff, "/api/v1/candidacies", body));
              return answer.get().status() != 422;
            });
    return created(answer.get()).path("id").asText();
  }

  private static void awaitIntake(String intake) {
    Caller admin = Caller.named("platform-admin");
    await()
        .atMost(EVENTS)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Api.get(admin, "/api/v1/intakes/" + intake).status() == 200);
  }

  private static String importedApplication(JsonNode imported) {
    JsonNode rows = imported.path("rows");
    for (JsonNode row : rows) {
      if (row.hasNonNull("applicationId")) {
        return row.path("applicationId").asText();
      }
    }
    throw new IllegalStateException("the fixture import created no application: " + imported);
  }

  private static JsonNode created(Answer answer) {
    if (answer.status() != 201 && answer.status() != 200 && answer.status() != 202) {
      throw new IllegalStateException(
          "a fixture could not be created: " + answer.status() + " " + answer.abbreviated());
    }
    return answer.json();
  }

  private static Answer ok(Answer answer) {
    if (!answer.success()) {
      throw new IllegalStateException(
          "a fixture step failed: " + answer.status() + " " + answer.abbreviated());
    }
    return answer;
  }
}
