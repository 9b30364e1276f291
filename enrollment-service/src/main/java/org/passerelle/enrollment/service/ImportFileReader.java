package org.passerelle.enrollment.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.passerelle.commons.problem.BodyProblems;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Reads a regional office's import file (CSV or JSON) whole, before anything is written: a file
 * that cannot be read (malformed, bad header or encoding, no rows, too many) is refused as a whole;
 * a row that is not an application fails alone, later, in the report. Writes nothing.
 */
@ApplicationScoped
public class ImportFileReader {

  private final EnrollmentConfig config;
  private final ObjectMapper mapper;
  private final BodyProblems bodies;

  ImportFileReader(EnrollmentConfig config, ObjectMapper mapper, BodyProblems bodies) {
    this.config = config;
    this.mapper = mapper;
    this.bodies = bodies;
  }

  /** The charset a CSV file's media type names (UTF-8 when none): unknown, 415. */
  public static Charset charset(String contentType) {
    String name =
        contentType == null
            ? null
            : MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type.charset");
    }
  }

  /** Reads a CSV file: header row, then one application per row. */
  public ImportFile readCsv(byte[] body, Charset charset, Locale locale) {
    CsvRecords records = CsvRecords.of(decode(body, charset));
    CsvRecords.Record header = records.next();
    if (header == null) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid-request.import-no-rows");
    }
    ApplicationCsv csv = ApplicationCsv.header(header.cells(), locale);
    int maxRows = config.imports().maxRows();
    List<ImportFile.Row> rows = new ArrayList<>();
    for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
      if (rows.size() >= maxRows) {
        throw tooManyRows(maxRows);
      }
      ApplicationCsv.Mapped mapped = csv.map(record.cells(), locale);
      ImportFile.Failure failure =
          mapped.request() == null
              ? new ImportFile.Failure(
                  ProblemType.INVALID_REQUEST,
                  "invalid-request.csv-width",
                  record.cells().size(),
                  header.cells().size())
              : new ImportFile.Failure(ProblemType.VALIDATION_FAILED, "validation-failed.detail");
      rows.add(
          new ImportFile.Row(
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
    return new ImportFile(
        ImportFile.CSV, rows, fingerprint(ImportFile.CSV, body), ApplicationCsv::columnOf);
  }

  /**
   * Reads a JSON file {@code {"rows": [...]}}. Malformed JSON refuses the whole file; a row that is
   * not a valid application (wrong types, unknown fields) fails alone.
   */
  public ImportFile readJson(byte[] body, Locale locale) {
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
    List<ImportFile.Row> rows = new ArrayList<>(rowsNode.size());
    for (int i = 0; i < rowsNode.size(); i++) {
      rows.add(jsonRow(i + 1, rowsNode.get(i), locale));
    }
    return new ImportFile(
        ImportFile.JSON, rows, fingerprint(ImportFile.JSON, body), UnaryOperator.identity());
  }

  private ImportFile.Row jsonRow(int number, JsonNode node, Locale locale) {
    JsonNode ref = node.get("externalRef");
    String externalRef = ref != null && ref.isTextual() ? ref.textValue() : null;
    if (!node.isObject()) {
      String key = "invalid-request.import-row-not-object";
      return new ImportFile.Row(
          number,
          null,
          null,
          List.of(new Problem.FieldError("$", Messages.format(locale, key))),
          new ImportFile.Failure(ProblemType.INVALID_REQUEST, key),
          null);
    }
    // Every value of the row that does not bind is reported (never the value itself), and the
    // rest of the row is validated with it, as a single application's body is.
    BodyProblems.Bound<SubmitApplicationRequest> bound =
        bodies.bind(node, SubmitApplicationRequest.class, locale);
    if (bound.errors().isEmpty()) {
      return new ImportFile.Row(number, null, bound.value(), List.of(), null, externalRef);
    }
    ImportFile.Failure failure =
        new ImportFile.Failure(
            ProblemType.INVALID_REQUEST, bound.first().key(), bound.first().arguments());
    return new ImportFile.Row(number, null, bound.value(), bound.errors(), failure, externalRef);
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

  private static ImportFile.Fingerprint fingerprint(String format, byte[] body) {
    try {
      return new ImportFile.Fingerprint(
          format, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
