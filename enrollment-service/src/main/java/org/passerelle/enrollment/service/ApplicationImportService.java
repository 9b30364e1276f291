package org.passerelle.enrollment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.DatabaseOutage;
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
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Bulk imports of applications by regional offices (CSV or JSON), run as background jobs (ADR
 * 0047). {@link #accept} stores the file, once {@link ImportFileReader} has read it whole, with its
 * job and answers at once; {@link #apply} (run by {@link ApplicationImportWorker}) applies the rows
 * in the file's order, each validated and applied on its own in its own transaction through {@link
 * SubmissionService#submitOne}, with its outcome recorded in that same transaction, so that a bad
 * row never stops or undoes the others and a job stopped half-way resumes at the first row without
 * an outcome, never applying one twice. A row whose externalRef was already imported with the same
 * content is unchanged. The report ({@link ImportRowProblems} words its failures) holds no personal
 * data; the file is dropped when the job ends.
 */
@ApplicationScoped
public class ApplicationImportService {

  private static final Logger LOG = Logger.getLogger(ApplicationImportService.class);

  private static final String OPERATION = "import-applications";

  /** How often a row meets a failure not its own before it is reported failed. */
  public static final int UNEXPECTED_ATTEMPTS = 3;

  /** The rows that met a failure not their own, with how often in a row, in this instance. */
  private final Map<RowKey, Integer> unexpectedFailures = new ConcurrentHashMap<>();

  /** What a valid externalRef looks like (SubmitApplicationRequest's constraints). */
  private static final Pattern EXTERNAL_REF = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

  private final SubmissionService submissions;
  private final ApplicationImportRepository imports;
  private final ImportFileReader files;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper mapper;
  private final ValidatorFactory validators;
  private final Now now;

  ApplicationImportService(
      SubmissionService submissions,
      ApplicationImportRepository imports,
      ImportFileReader files,
      IdempotencyKeys idempotency,
      ObjectMapper mapper,
      ValidatorFactory validators,
      Now now) {
    this.submissions = submissions;
    this.imports = imports;
    this.files = files;
    this.idempotency = idempotency;
    this.mapper = mapper;
    this.validators = validators;
    this.now = now;
  }

  /** The import created by a request, as remembered under its Idempotency-Key. */
  public record ImportRef(UUID id) {}

  /**
   * An accepted import: its job as it is now (JSON) and whether it is the replay of an earlier
   * request with the same Idempotency-Key.
   */
  public record Result(UUID id, String json, boolean replayed) {}

  /**
   * Stores the file read whole with its job, QUEUED, in one transaction (with the Idempotency-Key's
   * result, if any): nothing is lost if the service stops right after answering. A retry with the
   * same key and body gets the same job.
   */
  public Result accept(
      ImportFile file,
      byte[] body,
      String contentType,
      String idempotencyKey,
      AccessScope scope,
      Locale locale) {
    IdempotencyKeys.Outcome<ImportRef> outcome =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  if (idempotencyKey == null) {
                    return new IdempotencyKeys.Outcome<>(
                        store(file, body, contentType, scope, locale), false);
                  }
                  return idempotency.once(
                      idempotencyKey,
                      scope.subject(),
                      OPERATION,
                      file.fingerprint(),
                      ImportRef.class,
                      () -> store(file, body, contentType, scope, locale));
                });
    UUID id = outcome.value().id();
    String json =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    imports
                        .findByIdOptional(id)
                        .map(this::view)
                        .orElseThrow(() -> ProblemException.notFound("import")));
    return new Result(id, json, outcome.replayed());
  }

  private ImportRef store(
      ImportFile file, byte[] body, String contentType, AccessScope scope, Locale locale) {
    OffsetDateTime at = now.timestamp();
    ApplicationImport job = new ApplicationImport();
    job.id = UUID.randomUUID();
    job.country = scope.country().orElse(null);
    job.submittedBy = scope.subject();
    job.format = file.format();
    job.startedAt = at;
    job.updatedAt = at;
    job.totalRows = file.rows().size();
    job.status = ApplicationImport.Status.QUEUED;
    job.contentType = contentType;
    job.language = locale.toLanguageTag();
    job.roles = String.join(",", new TreeSet<>(scope.roles()));
    job.body = body;
    imports.persist(job);
    return new ImportRef(job.id);
  }

  // ----------------------------------------------------------------------------- the worker

  /** The jobs with rows left to apply, oldest first. */
  @Transactional
  public List<UUID> pending(int limit) {
    return imports.pending(limit);
  }

  /**
   * Applies up to {@code limit} of the job's rows that have no outcome yet, in the file's order,
   * then ends the job if none is left. Stops early when another worker holds the job, and throws
   * when the database is unavailable (the row it was applying keeps no outcome). Call it outside a
   * transaction. Returns how many rows this call applied.
   */
  public int apply(UUID id, int limit) {
    Stored job = QuarkusTransaction.requiringNew().call(() -> stored(id));
    if (job == null) {
      return 0;
    }
    Locale locale = Locale.forLanguageTag(job.language());
    ImportFile file;
    try {
      file = read(job, locale);
    } catch (RuntimeException e) {
      // The file was read when it was accepted: it can fail now only if the limits changed.
      LOG.errorf("import %s: its file cannot be read again (%s)", id, e.getClass().getName());
      end(
          id,
          ApplicationImport.Status.FAILED,
          Messages.format(locale, "import-job.file-unreadable"));
      return 0;
    }
    AccessScope scope =
        new AccessScope(
            job.submittedBy(),
            job.roles() == null || job.roles().isBlank()
                ? Set.of()
                : Set.of(job.roles().split(",")),
            Optional.ofNullable(job.country()),
            Set.of(),
            Optional.empty());
    Validator validator = ImportRowProblems.validator(validators, locale);
    int applied = 0;
    while (applied < limit) {
      Step step = applyNext(id, file, validator, scope, locale);
      if (step != Step.APPLIED) {
        if (step == Step.NONE_LEFT) {
          end(id, ApplicationImport.Status.SUCCEEDED, null);
        }
        break;
      }
      applied++;
    }
    if (applied == limit
        && QuarkusTransaction.requiringNew()
            .call(() -> imports.lastRecordedRow(id) >= file.rows().size())) {
      end(id, ApplicationImport.Status.SUCCEEDED, null);
    }
    return applied;
  }

  /** What the worker needs of a job that has rows left: who sent what, and the file. */
  private record Stored(
      String format,
      String contentType,
      String language,
      String submittedBy,
      String roles,
      String country,
      byte[] body) {}

  private Stored stored(UUID id) {
    ApplicationImport job = imports.findById(id);
    if (job == null || job.status.ended() || job.body == null) {
      return null;
    }
    return new Stored(
        job.format,
        job.contentType,
        job.language,
        job.submittedBy,
        job.roles,
        job.country,
        job.body);
  }

  private enum Step {
    APPLIED,
    NONE_LEFT,
    BUSY
  }

  private ImportFile read(Stored job, Locale locale) {
    return ImportFile.CSV.equals(job.format())
        ? files.readCsv(job.body(), ImportFileReader.charset(job.contentType()), locale)
        : files.readJson(job.body(), locale);
  }

  /** The next row without an outcome, applied with its outcome in one transaction. */
  private Step applyNext(
      UUID id, ImportFile file, Validator validator, AccessScope scope, Locale locale) {
    AtomicInteger attempted = new AtomicInteger();
    for (int attempt = 1; ; attempt++) {
      try {
        Step step =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      int next = lockNext(id, file);
                      if (next <= 0) {
                        return next == 0 ? Step.NONE_LEFT : Step.BUSY;
                      }
                      attempted.set(next);
                      ImportFile.Row row = file.rows().get(next - 1);
                      record(id, applyRow(row, file.fieldNames(), validator, scope, locale));
                      return Step.APPLIED;
                    });
        if (!unexpectedFailures.isEmpty()) {
          unexpectedFailures.remove(new RowKey(id, attempted.get()));
        }
        return step;
      } catch (RuntimeException e) {
        if (DatabaseOutage.in(e).isPresent()) {
          // Not the row's failure: a connection the database dropped as it restarted, say. The row
          // keeps no outcome, so the job pauses here and a later pass applies it, once.
          throw e;
        }
        // Another request may have applied the same row (or person) at the same moment: once it
        // has committed, trying again finds it, and the row is unchanged (or a clear conflict).
        if (attempt == 1 && mayHaveRaced(e)) {
          continue;
        }
        if (attempted.get() == 0
            || (!ImportRowProblems.rowsOwn(e) && triedAgainLater(id, attempted.get()))) {
          // No row was taken (the job could not be locked), or the failure may not be the row's
          // own: the row keeps no outcome, the job pauses, and a later pass tries the row again.
          throw e;
        }
        return QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  int next = lockNext(id, file);
                  if (next != attempted.get()) {
                    // Another worker has taken the job over meanwhile: it goes on.
                    return next == 0 ? Step.NONE_LEFT : Step.BUSY;
                  }
                  ImportFile.Row row = file.rows().get(next - 1);
                  record(
                      id,
                      failed(
                          row,
                          externalRef(row),
                          ImportRowProblems.failure(e, file.fieldNames(), locale, id, row.row())));
                  return Step.APPLIED;
                });
      }
    }
  }

  /**
   * Whether a row whose failure is not its own is left without an outcome for a later pass (the job
   * pauses), rather than reported failed: until it has failed so {@link #UNEXPECTED_ATTEMPTS} times
   * in a row in this instance.
   */
  private boolean triedAgainLater(UUID id, int row) {
    RowKey key = new RowKey(id, row);
    if (unexpectedFailures.merge(key, 1, Integer::sum) < UNEXPECTED_ATTEMPTS) {
      return true;
    }
    unexpectedFailures.remove(key);
    return false;
  }

  private record RowKey(UUID job, int row) {}

  /**
   * Locks the job and returns the number of its first row without an outcome; 0 when none is left
   * (or the job has ended), -1 when another worker holds the job.
   */
  private int lockNext(UUID id, ImportFile file) {
    ApplicationImport.Status status = imports.lockUnlessBusy(id).orElse(null);
    if (status == null) {
      return -1;
    }
    int next = imports.lastRecordedRow(id) + 1;
    return next > file.rows().size() || status.ended() ? 0 : next;
  }

  private void record(UUID id, RowResult result) {
    imports.recordRow(id, result.row(), result.outcome().name(), json(result));
    imports.countRow(id, result.outcome().name(), now.timestamp());
  }

  /** Ends the job: keeps its report, drops its file. */
  private void end(UUID id, ApplicationImport.Status status, String failure) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ApplicationImport job = imports.findById(id, LockModeType.PESSIMISTIC_WRITE);
              if (job == null || job.status.ended()) {
                return;
              }
              OffsetDateTime at = now.timestamp();
              job.status = status;
              job.failure = failure;
              job.finishedAt = at;
              job.updatedAt = at;
              job.body = null;
              job.report = reportOf(job);
              LOG.infof(
                  "import %s (%s, %s) %s: %d rows, %d created, %d unchanged, %d failed, in %d ms",
                  id,
                  job.format,
                  job.country == null ? "all countries" : job.country,
                  status,
                  job.rowsProcessed,
                  job.created,
                  job.unchanged,
                  job.failed,
                  Duration.between(job.startedAt, at).toMillis());
            });
  }

  private RowResult applyRow(
      ImportFile.Row row,
      UnaryOperator<String> names,
      Validator validator,
      AccessScope scope,
      Locale locale) {
    String externalRef = externalRef(row);
    Problem invalid = ImportRowProblems.invalid(row, names, validator, locale);
    if (invalid != null) {
      return failed(row, externalRef, invalid);
    }
    SubmitApplicationRequest request = canonical(row.request());
    SubmissionService.Submitted submitted = submissions.submitOne(request, scope);
    return new RowResult(
        row.row(),
        row.line(),
        externalRef,
        submitted.created() ? Outcome.CREATED : Outcome.UNCHANGED,
        submitted.view().id(),
        null);
  }

  private static String externalRef(ImportFile.Row row) {
    return row.externalRef() != null && EXTERNAL_REF.matcher(row.externalRef()).matches()
        ? row.externalRef()
        : null;
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

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the import report", e);
    }
  }

  // ------------------------------------------------------------------------------------ reads

  /**
   * An import's job as it is now, with its report once it has ended, if the caller's scope reaches
   * it; otherwise it does not exist.
   */
  @Transactional
  public String report(UUID id, AccessScope scope) {
    return imports
        .findByIdOptional(id)
        .filter(found -> visibleTo(found, scope))
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("import"));
  }

  /**
   * The job as JSON: its counts so far, and its rows once it has ended (reports kept before ADR
   * 0047 get the job's fields too).
   */
  private String view(ApplicationImport job) {
    if (!job.status.ended() || job.report == null) {
      return json(ImportReport.of(job, null));
    }
    try {
      ObjectNode view = mapper.valueToTree(ImportReport.of(job, List.of()));
      view.set("rows", mapper.readTree(job.report).get("rows"));
      return mapper.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read the import report", e);
    }
  }

  /** The ended job's report: its counts and every row's result, in the file's order. */
  private String reportOf(ApplicationImport job) {
    try {
      ObjectNode report = mapper.valueToTree(ImportReport.of(job, List.of()));
      ArrayNode rows = report.putArray("rows");
      for (String row : imports.rowResults(job.id)) {
        rows.add(mapper.readTree(row));
      }
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the import report", e);
    }
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
