package org.passerelle.enrollment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.ApplicationImport;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.enrollment.api.ImportReport;
import org.passerelle.enrollment.api.ImportReport.Outcome;
import org.passerelle.enrollment.api.ImportReport.RowResult;
import org.passerelle.enrollment.api.ImportSummary;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.enrollment.repository.ApplicationImportRepository;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Bulk imports of applications by regional offices (CSV or JSON), once {@link ImportFileReader} has
 * read the whole file. Each row is validated and applied on its own, in its own transaction,
 * through {@link SubmissionService#submitOne}, so that a bad row never stops or undoes the others;
 * a row whose externalRef was already imported with the same content is unchanged. The report
 * ({@link ImportRowProblems} words its failures), which holds no personal data, is kept.
 */
@ApplicationScoped
public class ApplicationImportService {

  private static final Logger LOG = Logger.getLogger(ApplicationImportService.class);

  /** The import holds its Idempotency-Key's row while its rows commit one by one. */
  private static final int IDEMPOTENT_IMPORT_TIMEOUT_SECONDS = 3600;

  private static final String OPERATION = "import-applications";

  /** What a valid externalRef looks like (SubmitApplicationRequest's constraints). */
  private static final Pattern EXTERNAL_REF = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

  private final SubmissionService submissions;
  private final ApplicationImportRepository imports;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper mapper;
  private final ValidatorFactory validators;
  private final Now now;

  ApplicationImportService(
      SubmissionService submissions,
      ApplicationImportRepository imports,
      IdempotencyKeys idempotency,
      ObjectMapper mapper,
      ValidatorFactory validators,
      Now now) {
    this.submissions = submissions;
    this.imports = imports;
    this.idempotency = idempotency;
    this.mapper = mapper;
    this.validators = validators;
    this.now = now;
  }

  /** The import created by a request, as remembered under its Idempotency-Key. */
  public record ImportRef(UUID id) {}

  /**
   * An import's result: its report (also as the JSON stored) and whether it is the replay of an
   * earlier request with the same Idempotency-Key.
   */
  public record Result(UUID id, String json, boolean replayed) {}

  /**
   * Applies the file's rows in the caller's scope and keeps the report. With an Idempotency-Key, a
   * retry of the same request returns the first import's report.
   */
  public Result run(ImportFile file, String idempotencyKey, AccessScope scope, Locale locale) {
    if (idempotencyKey == null) {
      return applyAndKeep(file, scope, locale);
    }
    AtomicReference<Result> applied = new AtomicReference<>();
    IdempotencyKeys.Outcome<ImportRef> outcome =
        QuarkusTransaction.requiringNew()
            .timeout(IDEMPOTENT_IMPORT_TIMEOUT_SECONDS)
            .call(
                () ->
                    idempotency.once(
                        idempotencyKey,
                        scope.subject(),
                        OPERATION,
                        file.fingerprint(),
                        ImportRef.class,
                        () -> {
                          applied.set(applyAndKeep(file, scope, locale));
                          return new ImportRef(applied.get().id());
                        }));
    if (!outcome.replayed()) {
      return applied.get();
    }
    UUID id = outcome.value().id();
    String stored =
        QuarkusTransaction.requiringNew()
            .call(() -> imports.findByIdOptional(id).map(found -> found.report).orElse(null));
    if (stored == null) {
      throw ProblemException.notFound("import");
    }
    return new Result(id, stored, true);
  }

  /** Applies the rows, then keeps the report (in the Idempotency-Key's transaction, if any). */
  private Result applyAndKeep(ImportFile file, AccessScope scope, Locale locale) {
    ImportReport report = apply(file, scope, locale);
    String json = json(report);
    QuarkusTransaction.joiningExisting()
        .run(
            () -> {
              ApplicationImport kept = new ApplicationImport();
              kept.id = report.id();
              kept.country = report.country();
              kept.submittedBy = scope.subject();
              kept.format = report.format();
              kept.startedAt = report.startedAt();
              kept.finishedAt = report.finishedAt();
              kept.totalRows = report.totalRows();
              kept.created = report.created();
              kept.unchanged = report.unchanged();
              kept.failed = report.failed();
              kept.report = json;
              imports.persist(kept);
            });
    return new Result(report.id(), json, false);
  }

  private ImportReport apply(ImportFile file, AccessScope scope, Locale locale) {
    UUID id = UUID.randomUUID();
    OffsetDateTime startedAt = now.timestamp();
    long started = System.nanoTime();
    Validator validator = ImportRowProblems.validator(validators, locale);
    List<RowResult> results = new ArrayList<>(file.rows().size());
    int created = 0;
    int unchanged = 0;
    int failed = 0;
    for (ImportFile.Row row : file.rows()) {
      RowResult result = applyRow(id, row, file.fieldNames(), validator, scope, locale);
      results.add(result);
      switch (result.outcome()) {
        case CREATED -> created++;
        case UNCHANGED -> unchanged++;
        case FAILED -> failed++;
      }
    }
    LOG.infof(
        "import %s (%s, %s): %d rows, %d created, %d unchanged, %d failed, in %d ms",
        id,
        file.format(),
        scope.country().orElse("all countries"),
        results.size(),
        created,
        unchanged,
        failed,
        (System.nanoTime() - started) / 1_000_000);
    OffsetDateTime finishedAt = now.timestamp();
    return new ImportReport(
        id,
        file.format(),
        scope.country().orElse(null),
        startedAt,
        finishedAt,
        results.size(),
        created,
        unchanged,
        failed,
        List.copyOf(results),
        startedAt,
        finishedAt);
  }

  private RowResult applyRow(
      UUID importId,
      ImportFile.Row row,
      UnaryOperator<String> names,
      Validator validator,
      AccessScope scope,
      Locale locale) {
    String externalRef =
        row.externalRef() != null && EXTERNAL_REF.matcher(row.externalRef()).matches()
            ? row.externalRef()
            : null;
    Problem invalid = ImportRowProblems.invalid(row, names, validator, locale);
    if (invalid != null) {
      return failed(row, externalRef, invalid);
    }
    SubmitApplicationRequest request = canonical(row.request());
    for (int attempt = 1; ; attempt++) {
      try {
        SubmissionService.Submitted submitted =
            QuarkusTransaction.requiringNew().call(() -> submissions.submitOne(request, scope));
        return new RowResult(
            row.row(),
            row.line(),
            externalRef,
            submitted.created() ? Outcome.CREATED : Outcome.UNCHANGED,
            submitted.view().id(),
            null);
      } catch (RuntimeException e) {
        // Another request may have applied the same row (or person) at the same moment: once it
        // has committed, trying again finds it, and the row is unchanged (or a clear conflict).
        if (attempt == 1 && mayHaveRaced(e)) {
          continue;
        }
        return failed(
            row, externalRef, ImportRowProblems.failure(e, names, locale, importId, row.row()));
      }
    }
  }

  /** A unique key of the database, or a conflict found while another request was committing. */
  private static boolean mayHaveRaced(RuntimeException e) {
    ProblemException problem = ImportRowProblems.cause(e, ProblemException.class);
    if (problem != null) {
      return problem.type() == ProblemType.CONFLICT;
    }
    return ImportRowProblems.cause(e, org.hibernate.exception.ConstraintViolationException.class)
        != null;
  }

  private static RowResult failed(ImportFile.Row row, String externalRef, Problem problem) {
    return new RowResult(row.row(), row.line(), externalRef, Outcome.FAILED, null, problem);
  }

  /**
   * The request with its sets in a stable order, so that the same row sent again hashes the same (a
   * set of enums read by Jackson iterates in an order that changes from one run to the next).
   */
  static SubmitApplicationRequest canonical(SubmitApplicationRequest request) {
    ApplicantDetails a = request.applicant();
    Set<PriorityPublic> publics = a.priorityPublics();
    if (publics == null || publics.isEmpty() || publics instanceof EnumSet) {
      return request;
    }
    ApplicantDetails ordered =
        new ApplicantDetails(
            a.firstName(),
            a.lastName(),
            a.birthDate(),
            a.email(),
            a.phone(),
            a.address(),
            a.nationality(),
            a.gender(),
            a.educationLevel(),
            a.employment(),
            EnumSet.copyOf(publics),
            a.referral(),
            a.motivation(),
            a.constraints());
    return new SubmitApplicationRequest(
        request.intakeId(), request.siteCode(), request.externalRef(), ordered, request.consents());
  }

  private String json(ImportReport report) {
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the import report", e);
    }
  }

  // ------------------------------------------------------------------------------------ reads

  /** An import's report, if the caller's scope reaches it; otherwise it does not exist. */
  @Transactional
  public String report(UUID id, AccessScope scope) {
    return imports
        .findByIdOptional(id)
        .filter(found -> visibleTo(found, scope))
        .map(found -> found.report)
        .orElseThrow(() -> ProblemException.notFound("import"));
  }

  /** What the list of imports sorts by (ADR 0040): newest first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "-startedAt",
          "-id",
          "startedAt",
          "startedAt",
          "finishedAt",
          "finishedAt",
          "country",
          "country",
          "format",
          "format");

  /** The imports in the caller's scope, newest first. */
  @Transactional
  public Page<ImportSummary> list(
      String country,
      LocalDate startedFrom,
      LocalDate startedTo,
      int page,
      int size,
      AccessScope scope) {
    return list(country, startedFrom, startedTo, SORTING.parse(null), page, size, scope);
  }

  /** The imports in the caller's scope, in the order asked for, ties broken by id. */
  @Transactional
  public Page<ImportSummary> list(
      String country,
      LocalDate startedFrom,
      LocalDate startedTo,
      Sorting.Order order,
      int page,
      int size,
      AccessScope scope) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!scope.isPlatformAdmin()) {
      if (scope.country().isEmpty()) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.add("country = :scope");
      parameters.put("scope", scope.country().get());
    }
    if (country != null) {
      where.add("country = :country");
      parameters.put("country", country);
    }
    if (startedFrom != null) {
      where.add("startedAt >= :from");
      parameters.put("from", startedFrom.atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    if (startedTo != null) {
      where.add("startedAt < :to");
      parameters.put("to", startedTo.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    var query =
        where.isEmpty()
            ? imports.findAll(order.sort())
            : imports.find(String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, ImportSummary::of);
  }

  static boolean visibleTo(ApplicationImport in, AccessScope scope) {
    if (scope.isPlatformAdmin()) {
      return true;
    }
    return (scope.has(Roles.COUNTRY_ADMIN) || scope.has(Roles.INTEGRATION))
        && scope.country().isPresent()
        && scope.country().get().equals(in.country);
  }
}
