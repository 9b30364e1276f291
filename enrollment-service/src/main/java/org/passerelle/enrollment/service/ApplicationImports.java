package org.passerelle.enrollment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.ApplicationImport;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.enrollment.api.ImportReport;
import org.passerelle.enrollment.api.ImportReport.Outcome;
import org.passerelle.enrollment.api.ImportReport.RowResult;
import org.passerelle.enrollment.api.ImportSummary;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.repository.ApplicationImportRepository;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Bulk imports of applications by regional offices (CSV or JSON). The whole file is read first: a
 * file that cannot be read (malformed, bad header, too many rows) is refused before anything is
 * written. Then each row is validated and applied on its own, in its own transaction, through
 * {@link SubmissionService#submitOne}, so that a bad row never stops or undoes the others; a row
 * whose externalRef was already imported with the same content is unchanged. The report, which
 * holds no personal data, is kept.
 */
@ApplicationScoped
public class ApplicationImports {

  public static final String CSV = "CSV";
  public static final String JSON = "JSON";

  private static final Logger LOG = Logger.getLogger(ApplicationImports.class);

  /** The import holds its Idempotency-Key's row while its rows commit one by one. */
  private static final int IDEMPOTENT_IMPORT_TIMEOUT_SECONDS = 3600;

  private static final String OPERATION = "import-applications";

  /** What a valid externalRef looks like (SubmitApplicationRequest's constraints). */
  private static final Pattern EXTERNAL_REF = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

  private final SubmissionService submissions;
  private final ApplicationImportRepository imports;
  private final EnrollmentConfig config;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper mapper;
  private final ValidatorFactory validators;

  ApplicationImports(
      SubmissionService submissions,
      ApplicationImportRepository imports,
      EnrollmentConfig config,
      IdempotencyKeys idempotency,
      ObjectMapper mapper,
      ValidatorFactory validators) {
    this.submissions = submissions;
    this.imports = imports;
    this.config = config;
    this.idempotency = idempotency;
    this.mapper = mapper;
    this.validators = validators;
  }

  /** Why a row failed before it was validated: the problem type and its detail. */
  record Failure(ProblemType type, String detailKey, Object... arguments) {}

  /**
   * A row as read from the file, before validation.
   *
   * @param request null when the row is not an application at all
   * @param errors cells or values that did not convert (named as the file names them)
   * @param failure the problem to report when {@code errors} is not empty
   * @param externalRef the row's reference as sent, if any (checked before it is reported)
   */
  record PendingRow(
      int row,
      Integer line,
      SubmitApplicationRequest request,
      List<Problem.FieldError> errors,
      Failure failure,
      String externalRef) {}

  /**
   * A file read whole.
   *
   * @param fingerprint what makes two requests the same for Idempotency-Key
   * @param fieldNames how the file names a request field (CSV: its column)
   */
  public record ReadFile(
      String format,
      List<PendingRow> rows,
      Fingerprint fingerprint,
      UnaryOperator<String> fieldNames) {}

  /** Format and body hash: the request an Idempotency-Key is bound to. */
  public record Fingerprint(String format, String sha256) {}

  /** The import created by a request, as remembered under its Idempotency-Key. */
  public record ImportRef(UUID id) {}

  /**
   * An import's result: its report (also as the JSON stored) and whether it is the replay of an
   * earlier request with the same Idempotency-Key.
   */
  public record Result(UUID id, String json, boolean replayed) {}

  // ---------------------------------------------------------------------------------- reading

  /** Reads a CSV file: header row, then one application per row. */
  public ReadFile readCsv(byte[] body, Charset charset, Locale locale) {
    CsvRecords records = CsvRecords.of(decode(body, charset));
    CsvRecords.Record header = records.next();
    if (header == null) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid-request.import-no-rows");
    }
    ApplicationCsv csv = ApplicationCsv.header(header.cells(), locale);
    int maxRows = config.imports().maxRows();
    List<PendingRow> rows = new ArrayList<>();
    for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
      if (rows.size() >= maxRows) {
        throw tooManyRows(maxRows);
      }
      ApplicationCsv.Mapped mapped = csv.map(record.cells(), locale);
      Failure failure =
          mapped.request() == null
              ? new Failure(
                  ProblemType.INVALID_REQUEST,
                  "invalid-request.csv-width",
                  record.cells().size(),
                  header.cells().size())
              : new Failure(ProblemType.VALIDATION_FAILED, "validation-failed.detail");
      rows.add(
          new PendingRow(
              rows.size() + 1,
              record.line(),
              mapped.request(),
              mapped.errors(),
              failure,
              mapped.externalRef()));
    }
    if (rows.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid-request.import-no-rows");
    }
    return new ReadFile(CSV, rows, fingerprint(CSV, body), ApplicationCsv::columnOf);
  }

  /**
   * Reads a JSON file {@code {"rows": [...]}}. Malformed JSON refuses the whole file; a row that is
   * not a valid application (wrong types, unknown fields) fails alone.
   */
  public ReadFile readJson(byte[] body, Locale locale) {
    JsonNode root;
    try {
      root =
          mapper
              .readerFor(JsonNode.class)
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(body);
    } catch (IOException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "malformed-json.detail");
    }
    if (root == null || !root.isObject()) {
      throw invalid("rows", locale, "invalid-request.import-rows");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("rows")) {
        throw invalid(name, locale, "invalid-request.unknown-field", name);
      }
    }
    JsonNode rowsNode = root.get("rows");
    if (rowsNode == null || !rowsNode.isArray() || rowsNode.isEmpty()) {
      throw invalid("rows", locale, "invalid-request.import-rows");
    }
    int maxRows = config.imports().maxRows();
    if (rowsNode.size() > maxRows) {
      throw tooManyRows(maxRows);
    }
    List<PendingRow> rows = new ArrayList<>(rowsNode.size());
    for (int i = 0; i < rowsNode.size(); i++) {
      rows.add(jsonRow(i + 1, rowsNode.get(i), locale));
    }
    return new ReadFile(JSON, rows, fingerprint(JSON, body), UnaryOperator.identity());
  }

  private PendingRow jsonRow(int number, JsonNode node, Locale locale) {
    JsonNode ref = node.get("externalRef");
    String externalRef = ref != null && ref.isTextual() ? ref.textValue() : null;
    if (!node.isObject()) {
      String key = "invalid-request.import-row-not-object";
      return new PendingRow(
          number,
          null,
          null,
          List.of(new Problem.FieldError("$", Messages.format(locale, key))),
          new Failure(ProblemType.INVALID_REQUEST, key),
          null);
    }
    try {
      SubmitApplicationRequest request = mapper.treeToValue(node, SubmitApplicationRequest.class);
      return new PendingRow(number, null, request, List.of(), null, externalRef);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Jackson's own message repeats the value: the report names the field only.
      Throwable cause =
          e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
      String field = cause instanceof JsonMappingException mapping ? jsonPath(mapping) : "$";
      String key =
          cause instanceof UnrecognizedPropertyException
              ? "invalid-request.unknown-field"
              : "invalid-request.detail";
      return new PendingRow(
          number,
          null,
          null,
          List.of(new Problem.FieldError(field, Messages.format(locale, key, field))),
          new Failure(ProblemType.INVALID_REQUEST, key, field),
          externalRef);
    }
  }

  /** A whole-file problem with its field error in the caller's language. */
  private static ProblemException invalid(
      String field, Locale locale, String key, Object... arguments) {
    return new ProblemException(
        ProblemType.INVALID_REQUEST,
        List.of(new Problem.FieldError(field, Messages.format(locale, key, arguments))),
        key,
        arguments);
  }

  private static ProblemException tooManyRows(int maxRows) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE, "payload-too-large.import-rows", maxRows);
  }

  private static String decode(byte[] body, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "invalid-request.import-encoding", charset.name());
    }
  }

  private static Fingerprint fingerprint(String format, byte[] body) {
    try {
      return new Fingerprint(
          format, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  // --------------------------------------------------------------------------------- applying

  /**
   * Applies the file's rows in the caller's scope and keeps the report. With an Idempotency-Key, a
   * retry of the same request returns the first import's report.
   */
  public Result run(ReadFile file, String idempotencyKey, AccessScope scope, Locale locale) {
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
  private Result applyAndKeep(ReadFile file, AccessScope scope, Locale locale) {
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

  private ImportReport apply(ReadFile file, AccessScope scope, Locale locale) {
    UUID id = UUID.randomUUID();
    OffsetDateTime startedAt = now();
    long started = System.nanoTime();
    Validator validator =
        validators
            .usingContext()
            .messageInterpolator(new InLocale(validators.getMessageInterpolator(), locale))
            .getValidator();
    List<RowResult> results = new ArrayList<>(file.rows().size());
    int created = 0;
    int unchanged = 0;
    int failed = 0;
    for (PendingRow row : file.rows()) {
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
    return new ImportReport(
        id,
        file.format(),
        scope.country().orElse(null),
        startedAt,
        now(),
        results.size(),
        created,
        unchanged,
        failed,
        List.copyOf(results));
  }

  private RowResult applyRow(
      UUID importId,
      PendingRow row,
      UnaryOperator<String> names,
      Validator validator,
      AccessScope scope,
      Locale locale) {
    String externalRef =
        row.externalRef() != null && EXTERNAL_REF.matcher(row.externalRef()).matches()
            ? row.externalRef()
            : null;
    List<Problem.FieldError> errors = new ArrayList<>(row.errors());
    if (row.request() != null) {
      // A cell that did not convert is reported once, not again as "must not be null".
      Set<String> unconverted = new HashSet<>();
      row.errors().forEach(error -> unconverted.add(error.field()));
      List<Problem.FieldError> invalid = new ArrayList<>();
      for (ConstraintViolation<SubmitApplicationRequest> violation :
          validator.validate(row.request())) {
        String field = names.apply(field(violation.getPropertyPath()));
        if (!unconverted.contains(field)) {
          invalid.add(new Problem.FieldError(field, message(violation, field, locale)));
        }
      }
      String refField = names.apply("externalRef");
      boolean refReported =
          unconverted.contains(refField)
              || invalid.stream().anyMatch(error -> error.field().equals(refField));
      if (!refReported
          && (row.request().externalRef() == null || row.request().externalRef().isBlank())) {
        invalid.add(
            new Problem.FieldError(
                refField, Messages.format(locale, "invalid-request.import-external-ref")));
      }
      invalid.sort(Comparator.comparing(Problem.FieldError::field));
      errors.addAll(invalid);
    }
    if (!errors.isEmpty()) {
      Failure failure =
          row.failure() != null && !row.errors().isEmpty()
              ? row.failure()
              : new Failure(ProblemType.VALIDATION_FAILED, "validation-failed.detail");
      return failed(
          row,
          externalRef,
          problem(failure.type(), errors, locale, failure.detailKey(), failure.arguments()));
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
        return failed(row, externalRef, failure(e, names, locale, importId, row.row()));
      }
    }
  }

  /** A unique key of the database, or a conflict found while another request was committing. */
  private static boolean mayHaveRaced(RuntimeException e) {
    ProblemException problem = cause(e, ProblemException.class);
    if (problem != null) {
      return problem.type() == ProblemType.CONFLICT;
    }
    return cause(e, org.hibernate.exception.ConstraintViolationException.class) != null;
  }

  private static RowResult failed(PendingRow row, String externalRef, Problem problem) {
    return new RowResult(row.row(), row.line(), externalRef, Outcome.FAILED, null, problem);
  }

  /** The problem a row's failure is, as the single-application API would answer it. */
  static Problem failure(
      RuntimeException e, UnaryOperator<String> names, Locale locale, UUID importId, int row) {
    ProblemException problem = cause(e, ProblemException.class);
    if (problem != null) {
      List<Problem.FieldError> errors = new ArrayList<>();
      for (Problem.FieldError error : problem.errors()) {
        errors.add(
            new Problem.FieldError(names.apply(error.field()), localised(error, problem, locale)));
      }
      return problem(problem.type(), errors, locale, problem.detailKey(), problem.arguments());
    }
    if (cause(e, DataException.class) != null) {
      return problem(ProblemType.INVALID_REQUEST, List.of(), locale, "invalid-request.data");
    }
    if (cause(e, org.hibernate.exception.ConstraintViolationException.class) != null
        || cause(e, OptimisticLockException.class) != null
        || cause(e, StaleStateException.class) != null) {
      return problem(ProblemType.CONFLICT, List.of(), locale, "conflict.detail");
    }
    // Exception messages may quote the data sent: the log names the exception types only.
    LOG.errorf("import %s: row %d failed unexpectedly (%s)", importId, row, chain(e));
    LOG.debugf(e, "import %s: row %d", importId, row);
    return problem(ProblemType.INTERNAL_ERROR, List.of(), locale, "internal-error.detail");
  }

  /**
   * A field error in the caller's language when it is the problem's own message (errors are made in
   * the default language); otherwise as it is.
   */
  private static String localised(
      Problem.FieldError error, ProblemException problem, Locale locale) {
    if (problem.errors().size() == 1
        && error.message() != null
        && error
            .message()
            .equals(Messages.format(null, problem.detailKey(), problem.arguments()))) {
      return Messages.format(locale, problem.detailKey(), problem.arguments());
    }
    return error.message();
  }

  private static Problem problem(
      ProblemType type,
      List<Problem.FieldError> errors,
      Locale locale,
      String detailKey,
      Object... arguments) {
    return Problem.of(type, locale, null, List.copyOf(errors), detailKey, arguments);
  }

  /** A validation message, unless it would repeat the value sent. */
  private static String message(ConstraintViolation<?> violation, String field, Locale locale) {
    String message = violation.getMessage();
    if (violation.getInvalidValue() instanceof CharSequence value
        && value.length() >= 3
        && message.contains(value)) {
      return Messages.format(locale, "invalid-request.detail", field);
    }
    return message;
  }

  /** {@code applicant.address.postalCode}, {@code consents[0].textVersion}. */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
      String name = node.getName();
      if (name == null || name.startsWith("<")) {
        continue;
      }
      if (!field.isEmpty()) {
        field.append('.');
      }
      field.append(name);
    }
    return field.isEmpty() ? "$" : field.toString();
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

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String chain(Throwable e) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (!chain.isEmpty()) {
        chain.append(" <- ");
      }
      chain.append(t.getClass().getName());
    }
    return chain.toString();
  }

  private String json(ImportReport report) {
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the import report", e);
    }
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  /** Validation messages in the caller's language, whatever the request context says. */
  private record InLocale(MessageInterpolator delegate, Locale locale)
      implements MessageInterpolator {
    @Override
    public String interpolate(String template, Context context) {
      return delegate.interpolate(template, context, locale);
    }

    @Override
    public String interpolate(String template, Context context, Locale ignored) {
      return delegate.interpolate(template, context, locale);
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

  /** The imports in the caller's scope, newest first. */
  @Transactional
  public Page<ImportSummary> list(
      String country,
      LocalDate startedFrom,
      LocalDate startedTo,
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
    Sort newestFirst = Sort.descending("startedAt").and("id", Sort.Direction.Descending);
    var query =
        where.isEmpty()
            ? imports.findAll(newestFirst)
            : imports.find(String.join(" and ", where), newestFirst, parameters);
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
