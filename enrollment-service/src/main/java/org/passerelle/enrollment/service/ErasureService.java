package org.passerelle.enrollment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationImport;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.ErasureView;
import org.passerelle.enrollment.events.ApplicantErased;
import org.passerelle.enrollment.events.ApplicationFacts;
import org.passerelle.enrollment.repository.ApplicationImportRepository;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.ConsentRepository;
import org.passerelle.enrollment.repository.SensitiveDataAccessRepository;

/**
 * The right to erasure (and retention, which uses it). The person's data is replaced by random
 * pseudonyms or nothing, never derived from the data, so nothing can be recovered. What stays under
 * the same learnerId is what the indicators count and what cannot single the person out in a cohort
 * (ADR 0012): country, gender (non-binary kept as not declared), age band, education band,
 * job-seeker agency, priority neighbourhood and NEET flags, the applications' intakes, statuses and
 * channels, and their dates to the month. Special-category data (refugee status, disability,
 * accommodation needs), the test score, every free text and the office's references go. Open
 * applications are withdrawn, so a seat they hold is freed; those events and {@code
 * applicant-erased} carry only what the record keeps, and events already sent about the
 * applications are deleted from the outbox. One transaction: all of it or nothing.
 */
@ApplicationScoped
public class ErasureService {

  /** What names become. */
  public static final String ERASED = "erased";

  /** Where erased emails point: the reserved .invalid domain never delivers. */
  public static final String ERASED_EMAIL_DOMAIN = "@erased.invalid";

  /** Replaces the person's own account subject where it recorded their actions. */
  public static final String ERASED_ACCOUNT = "erased-account";

  /** Characters an external reference is made of: a reference ends where they do. */
  private static final String REF_CHARACTERS = "[A-Za-z0-9._:/-]";

  private final ApplicantAccessService access;
  private final ApplicationRepository applications;
  private final ConsentRepository consents;
  private final SensitiveDataAccessRepository audit;
  private final ApplicationImportRepository imports;
  private final SensitiveDataService sensitive;
  private final Outbox outbox;
  private final EntityManager entityManager;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper mapper;
  private final Now now;

  ErasureService(
      ApplicantAccessService access,
      ApplicationRepository applications,
      ConsentRepository consents,
      SensitiveDataAccessRepository audit,
      ApplicationImportRepository imports,
      SensitiveDataService sensitive,
      Outbox outbox,
      EntityManager entityManager,
      IdempotencyKeys idempotency,
      ObjectMapper mapper,
      Now now) {
    this.access = access;
    this.applications = applications;
    this.consents = consents;
    this.audit = audit;
    this.imports = imports;
    this.sensitive = sensitive;
    this.outbox = outbox;
    this.entityManager = entityManager;
    this.idempotency = idempotency;
    this.mapper = mapper;
    this.now = now;
  }

  /** The person themself, or a platform or country admin within scope, erases the record. */
  @Transactional
  public ErasureView erase(UUID applicantId, AccessScope scope) {
    ApplicantAccessService.Reach reach = access.find(applicantId, scope, true);
    boolean admin = scope.isPlatformAdmin() || scope.has(Roles.COUNTRY_ADMIN);
    if (!reach.self() && !admin) {
      throw ProblemException.forbidden();
    }
    return erase(reach.applicant(), scope, "eraseApplicant", now.timestamp());
  }

  /**
   * Erases an applicant whose row the caller locked. 409 if already erased. {@code purpose} names
   * the operation in the sensitive-data audit log.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ErasureView erase(
      Applicant applicant, AccessScope actor, String purpose, OffsetDateTime now) {
    ApplicantAccessService.requireNotErased(applicant);
    List<Application> held =
        applications
            .find("applicant = ?1 order by submittedAt, id", applicant)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .list();

    sensitive.record(
        actor, SensitiveDataAccess.Action.ERASE, applicant, SensitiveDataService.FIELDS, purpose);
    String account = applicant.subject;
    List<String> mentions = ApplicantExportService.mentions(applicant, held);
    ImportTraces traces = ImportTraces.of(held);

    // The selection ends: open applications are withdrawn, so that a seat they hold is freed.
    List<Application> withdrawnNow = new ArrayList<>();
    for (Application application : held) {
      if (application.status.isOpen()) {
        application.moveTo(ApplicationStatus.WITHDRAWN, now);
        withdrawnNow.add(application);
      }
    }

    keepOnlyCategories(applicant, held, now);
    for (Application application : held) {
      scrub(application, account);
    }
    applications.flush();

    if (account != null) {
      consents.update(
          "recordedBy = ?1 where applicantId = ?2 and recordedBy = ?3",
          ERASED_ACCOUNT,
          applicant.id,
          account);
      // Only this record's rows: the same account may hold a record in another country, whose
      // audit trail stays answerable (ADR 0011).
      audit.update(
          "actor = ?1 where actor = ?2 and applicantId = ?3",
          ERASED_ACCOUNT,
          account,
          applicant.id);
    }
    // Reads, exports and the erasure are audited whatever the values; a change names the fields
    // that changed, so for a new person which ones they declared: it no longer names either.
    audit.update(
        "applicantId = null, fields = ?1 where applicantId = ?2 and action = ?3",
        String.join(",", new TreeSet<>(SensitiveDataService.FIELDS)),
        applicant.id,
        SensitiveDataAccess.Action.CHANGE);
    // Responses kept for Idempotency-Key retries hold the person's data as it was sent back.
    idempotency.forgetResponsesMentioning(List.of("%"), mentions);
    scrubImportReports(traces);
    // Events the broker already has about the applications carried the categories as they were;
    // those keyed by the person tied their learnerId to their account (learner-account-linked).
    List<UUID> described =
        new ArrayList<>(held.stream().map(application -> application.id).toList());
    described.add(applicant.learnerId);
    outbox.forgetSent(described);

    // Computed after erasure: the events carry only what the record keeps. No purpose travels
    // with them, as an erased person is contacted for nothing.
    List<UUID> withdrawn = new ArrayList<>();
    for (Application application : withdrawnNow) {
      outbox.publish(
          DomainEvent.v1(
              ApplicationFacts.WITHDRAWN,
              application.id,
              application.country,
              application.siteCode,
              ApplicationFacts.of(application, List.of(), now)));
      withdrawn.add(application.id);
    }
    outbox.publish(
        DomainEvent.v1(
            ApplicantErased.NAME,
            applicant.learnerId,
            applicant.country,
            null,
            new ApplicantErased(applicant.learnerId, applicant.country, now)));
    return new ErasureView(applicant.id, applicant.learnerId, now, withdrawn);
  }

  /**
   * Replaces the person's data with pseudonyms or nothing; keeps the categories of ADR 0012, which
   * the indicators count and which cannot single the person out in a cohort.
   */
  private static void keepOnlyCategories(
      Applicant applicant, List<Application> held, OffsetDateTime now) {
    LocalDate bandDay =
        held.stream()
            .map(application -> application.submittedAt)
            .max(OffsetDateTime::compareTo)
            .orElse(applicant.createdAt)
            .toLocalDate();
    applicant.erasedAgeBand = applicant.ageBand(bandDay);
    applicant.erasedEducationBand =
        applicant.educationLevel == null ? null : applicant.educationLevel.band();
    applicant.firstName = ERASED;
    applicant.lastName = ERASED;
    applicant.email = "erased-" + UUID.randomUUID() + ERASED_EMAIL_DOMAIN;
    applicant.phone = null;
    applicant.birthDate = null;
    applicant.addressLine = null;
    applicant.postalCode = null;
    applicant.city = null;
    applicant.addressCountry = null;
    applicant.nationality = null;
    // A rare value singles someone out; the labels count women.
    if (applicant.gender == Gender.NON_BINARY) {
      applicant.gender = Gender.NOT_DECLARED;
    }
    applicant.educationLevel = null;
    applicant.jobSeekerId = null;
    applicant.refugee = null;
    applicant.disability = null;
    applicant.referralSource = null;
    applicant.referralContact = null;
    applicant.motivation = null;
    applicant.availability = null;
    applicant.accommodationNeeds = null;
    applicant.subject = null;
    applicant.createdAt = month(applicant.createdAt);
    applicant.updatedAt = month(now);
    applicant.erasedAt = now;
  }

  /** An application of an erased person: no evaluation, free text or reference, dates by month. */
  private static void scrub(Application application, String account) {
    application.testScore = null;
    application.interviewNotes = null;
    application.decisionReason = null;
    application.withdrawalReason = null;
    application.externalRef = null;
    application.importHash = null;
    // Staff subjects stay (they are not the person's data); the person's own account goes.
    if (account != null && account.equals(application.submittedBy)) {
      application.submittedBy = null;
    }
    if (account != null && account.equals(application.decidedBy)) {
      application.decidedBy = null;
    }
    application.submittedAt = month(application.submittedAt);
    application.decidedAt = month(application.decidedAt);
    application.waitlistedAt = month(application.waitlistedAt);
    application.updatedAt = month(application.updatedAt);
  }

  /**
   * The first instant of the instant's month (UTC): what an erased record keeps of its dates, so
   * that they no longer match the exact times of the person's requests elsewhere.
   */
  public static OffsetDateTime month(OffsetDateTime at) {
    return at == null
        ? null
        : at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
  }

  /**
   * What names the person's applications in import reports, taken before they are scrubbed: their
   * ids, and the office's references by country (a reference is unique only within a country).
   */
  private record ImportTraces(
      Map<String, String> countryOfApplication, Map<String, Set<String>> referencesByCountry) {

    static ImportTraces of(List<Application> held) {
      Map<String, String> countries = new HashMap<>();
      Map<String, Set<String>> references = new HashMap<>();
      for (Application application : held) {
        countries.put(application.id.toString(), application.country);
        if (application.externalRef != null) {
          references
              .computeIfAbsent(application.country, country -> new TreeSet<>())
              .add(application.externalRef);
        }
      }
      return new ImportTraces(countries, references);
    }

    /** The references this row names that are the person's, or none if the row is not theirs. */
    Set<String> ofRow(JsonNode row, String importCountry) {
      JsonNode applicationId = row.get("applicationId");
      if (applicationId != null && applicationId.isTextual()) {
        String country = countryOfApplication.get(applicationId.textValue());
        return country == null ? Set.of() : referencesByCountry.getOrDefault(country, Set.of());
      }
      // A row that failed with one of their references, in an import of that country: the office
      // sent that record again. A platform administrator's import has no country: such a row
      // there may be another country's person with the same reference, and is left.
      JsonNode reference = row.get("externalRef");
      Set<String> ours =
          importCountry == null
              ? Set.of()
              : referencesByCountry.getOrDefault(importCountry, Set.of());
      return reference != null && reference.isTextual() && ours.contains(reference.textValue())
          ? ours
          : Set.of();
    }
  }

  /**
   * Import reports name rows by the office's reference, which points at the person there. Only the
   * person's own rows lose it (see {@link ImportTraces#ofRow}), wherever the row's text repeats it;
   * other people's rows, and other countries' reports, are left as they are.
   */
  private void scrubImportReports(ImportTraces traces) {
    Map<UUID, ApplicationImport> reports = new LinkedHashMap<>();
    traces
        .referencesByCountry()
        .forEach(
            (country, references) -> {
              for (String reference : references) {
                for (ApplicationImport report :
                    imports.list(
                        "locate(?1, report) > 0 and (country is null or country = ?2)"
                            + " order by startedAt, id",
                        reference,
                        country)) {
                  reports.putIfAbsent(report.id, report);
                }
              }
            });
    for (ApplicationImport report : reports.values()) {
      JsonNode tree = read(report);
      boolean changed = false;
      for (JsonNode row : tree.path("rows")) {
        Set<String> references = traces.ofRow(row, report.country);
        if (!references.isEmpty()) {
          changed |= replaceReferences(row, wholeReferences(references));
        }
      }
      if (changed) {
        try {
          report.report = mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot write import report " + report.id, e);
        }
      }
    }
  }

  private JsonNode read(ApplicationImport report) {
    try {
      return mapper.readTree(report.report);
    } catch (JsonProcessingException e) {
      // Reports are written by ApplicationImportService; one that is not JSON was damaged by hand.
      throw new IllegalStateException("import report " + report.id + " is not JSON", e);
    }
  }

  /** Each reference as a whole: a longer reference that contains it is another one. */
  private static List<Pattern> wholeReferences(Set<String> references) {
    return references.stream()
        .map(
            reference ->
                Pattern.compile(
                    "(?<!"
                        + REF_CHARACTERS
                        + ")"
                        + Pattern.quote(reference)
                        + "(?!"
                        + REF_CHARACTERS
                        + ")"))
        .toList();
  }

  /** Replaces the references in every text of the node (the reference, a problem's detail...). */
  private static boolean replaceReferences(JsonNode node, List<Pattern> references) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual()) {
          String scrubbed = replaceAll(value.textValue(), references);
          if (!scrubbed.equals(value.textValue())) {
            object.set(name, TextNode.valueOf(scrubbed));
            changed = true;
          }
        } else {
          changed |= replaceReferences(value, references);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (element.isTextual()) {
          String scrubbed = replaceAll(element.textValue(), references);
          if (!scrubbed.equals(element.textValue())) {
            array.set(i, TextNode.valueOf(scrubbed));
            changed = true;
          }
        } else {
          changed |= replaceReferences(element, references);
        }
      }
    }
    return changed;
  }

  private static String replaceAll(String text, List<Pattern> references) {
    String result = text;
    for (Pattern reference : references) {
      result = reference.matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
    }
    return result;
  }
}
