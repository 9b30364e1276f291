package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.systemtests.Api.Answer;
import org.passerelle.systemtests.Api.Request;
import org.passerelle.systemtests.OpenApi.Operation;
import org.passerelle.systemtests.OpenApi.Parameter;

/**
 * A schema-driven bad-input run over every operation of the gateway's merged OpenAPI document that
 * takes a body or parameters, by a caller the operation allows (a platform admin, else the first
 * demo user it allows, e.g. a learner for their own lists), so that validation is what refuses:
 * malformed JSON, trailing content, duplicate keys, a wrong content type, wrong JSON types, missing
 * required fields, oversize strings, unknown enum values, values breaking their pattern or range,
 * unknown references, bad ids in the path, bad page and size and other query parameters, oversize
 * headers (DESIGN §6).
 *
 * <p>Each case must be refused with a 4xx of the statuses it allows, as RFC 9457 problem details
 * (application/problem+json with type, title and status; a bad query parameter named in it), never
 * a 5xx and never accepted; and nothing may change: no table of any service's database, no object
 * of the owners. A bulk operation documented to report each bad item in its answer ({@link
 * #ITEM_REPORTS}) may instead answer 2xx for a defect inside an item, with every item FAILED and
 * its problem, and keep only its report.
 */
class BadInputTest {

  private static final String LONE_SURROGATE = "\"LONE-SURROGATE\"";

  /**
   * A bulk operation that validates each item on its own and reports it (DESIGN §1: offices'
   * imports): the items' property in the request and in the report, and the table keeping the
   * report.
   */
  record ItemReport(
      String operationId,
      String items,
      String reportTable,
      String itemTable,
      String jobPath,
      String reason) {}

  static final List<ItemReport> ITEM_REPORTS =
      List.of(
          new ItemReport(
              "importApplications",
              "rows",
              "enrollment.application_import",
              "enrollment.application_import_row",
              "/api/v1/applications/imports/",
              "a bad row fails alone in the import's report, which is kept (documented); the"
                  + " import answers 202 and the report is read at its job once it has ended"));

  private static OpenApi api;
  private static Fixtures world;
  private static Bodies bodies;
  private static Caller caller;

  private final List<String> failures = new ArrayList<>();
  private long elapsedSeconds;
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final Map<String, Long> reportsKept = new TreeMap<>();
  private int cases;

  /**
   * One bad request, the statuses that refuse it correctly, the parameter its problem must name,
   * and where in the body the defect is.
   */
  record BadRequest(
      String description,
      Request request,
      Set<Integer> expected,
      Optional<String> named,
      Optional<JsonPointer> pointer) {}

  @BeforeAll
  static void platform() {
    api = OpenApi.fetch(Platform.get().gateway());
    world = Fixtures.get();
    bodies = new Bodies(api);
    caller = Caller.named("platform-admin");
  }

  @Test
  void everyOperationRefusesBadInputAndChangesNothing() {
    long started = System.nanoTime();
    List<Operation> attacked = new ArrayList<>();
    for (Operation operation : api.operations()) {
      if (operation.hasPathParameters() && world.fixtures(operation).isEmpty()) {
        failures.add(Fixtures.missing(operation));
        continue;
      }
      if (operation.parameters().isEmpty() && operation.bodyMediaTypes().isEmpty()) {
        continue;
      }
      if (callerFor(operation).isEmpty()) {
        failures.add(operation.name() + ": no demo user may call it; the run needs a caller");
        continue;
      }
      attacked.add(operation);
    }
    Map<String, String> before = world.readBack(api);
    Map<String, String> etags = etags();
    DataSnapshot quiet = DataSnapshot.takeWhenQuiet();

    for (Operation operation : attacked) {
      for (BadRequest bad : cases(operation, etags)) {
        run(operation, bad);
      }
    }

    quiet
        .differences(DataSnapshot.takeWhenQuiet(), reportsKept)
        .forEach(table -> failures.add("bad input changed the table " + table));
    Fixtures.changed(before, world.readBack(api))
        .forEach(change -> failures.add("bad input changed an owner's object: " + change));

    elapsedSeconds = (System.nanoTime() - started) / 1_000_000_000L;
    summary(attacked.size());
    assertThat(failures)
        .as("%d failures of the bad-input run (all printed above)", failures.size())
        .isEmpty();
  }

  private void run(Operation operation, BadRequest bad) {
    Answer answer = Api.send(bad.request().withFreshKeys());
    cases++;
    statuses.merge(statusClass(answer.status()), 1, Integer::sum);
    String what = bad.request().method() + " " + operation.path() + " with " + bad.description();
    if (answer.status() >= 500) {
      failures.add(what + ": " + answer.status() + " " + answer.abbreviated());
      return;
    }
    if (answer.status() < 400) {
      Optional<ItemReport> report = itemReport(operation, bad);
      if (report.isPresent() && answer.success()) {
        reported(what, answer, report.get());
      } else {
        failures.add(what + ": accepted (" + answer.status() + ")");
      }
      return;
    }
    answer.notAProblem().ifPresent(why -> failures.add(what + ": " + answer.status() + ", " + why));
    if (!bad.expected().contains(answer.status())) {
      failures.add(
          what
              + ": "
              + answer.status()
              + ", expected "
              + (bad.expected().equals(Bodies.REFUSED)
                  ? "a 4xx other than 401 and 403"
                  : "one of " + bad.expected())
              + ": "
              + answer.abbreviated());
      return;
    }
    bad.named()
        .filter(name -> !answer.body().contains(name))
        .ifPresent(
            name ->
                failures.add(
                    what + ": the problem does not name " + name + ": " + answer.abbreviated()));
  }

  /** The item report that may answer this case: a defect inside an item of a bulk operation. */
  private static Optional<ItemReport> itemReport(Operation operation, BadRequest bad) {
    return ITEM_REPORTS.stream()
        .filter(report -> report.operationId().equals(operation.operationId()))
        .filter(
            report ->
                bad.pointer()
                    .map(pointer -> pointer.toString().startsWith("/" + report.items() + "/"))
                    .orElse(false))
        .findFirst();
  }

  /** A bulk answer for a bad item: every item FAILED with its problem; only the report is kept. */
  private void reported(String what, Answer accepted, ItemReport report) {
    Answer answer = accepted.status() == 202 ? ended(accepted, report) : accepted;
    JsonNode items = answer.json().path(report.items());
    if (!items.isArray() || items.isEmpty()) {
      failures.add(what + ": " + answer.status() + " without its " + report.items() + " report");
      return;
    }
    for (JsonNode item : items) {
      JsonNode problem = item.path("problem");
      if (!"FAILED".equals(item.path("outcome").asText())
          || !problem.path("type").isTextual()
          || !problem.path("title").isTextual()
          || !problem.path("status").isInt()) {
        failures.add(what + ": accepted (" + answer.status() + "), item " + item);
        return;
      }
    }
    count("reported per item");
    reportsKept.merge(report.reportTable(), 1L, Long::sum);
    reportsKept.merge(report.itemTable(), (long) items.size(), Long::sum);
  }

  /** An accepted job (ADR 0047) once it has ended, read as a platform admin. */
  private static Answer ended(Answer accepted, ItemReport report) {
    String path = report.jobPath() + accepted.json().path("id").asText();
    AtomicReference<Answer> job = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              job.set(Api.get(caller, path));
              String status = job.get().json().path("status").asText();
              return status.equals("SUCCEEDED") || status.equals("FAILED");
            });
    return job.get();
  }

  private final Map<String, Integer> counts = new TreeMap<>();

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  /** A platform admin when the operation allows one, else the first demo user it allows. */
  private static Optional<Caller> callerFor(Operation operation) {
    if (operation.allowsRoles(caller.roles())) {
      return Optional.of(caller);
    }
    return Caller.all().stream()
        .filter(candidate -> !candidate.anonymous() && operation.allowsRoles(candidate.roles()))
        .findFirst();
  }

  private List<BadRequest> cases(Operation operation, Map<String, String> etags) {
    List<BadRequest> cases = new ArrayList<>();
    String path = operation.hasPathParameters() ? world.path(operation) : operation.path();
    Request valid = Request.of(callerFor(operation).orElseThrow(), operation.method(), path);
    String etag = etags.get(path);
    if (etag != null && operation.parameter("header", "If-Match").isPresent()) {
      valid = valid.withHeader("If-Match", etag);
    }
    Optional<String> mediaType = operation.jsonMediaType();
    JsonNode base = null;
    if (operation.bodySchema() != null && mediaType.isPresent()) {
      base =
          world
              .example(operation.operationId())
              .map(Api::parse)
              .orElseGet(() -> bodies.valid(operation.bodySchema(), "body"));
      valid = valid.withJson(mediaType.get(), base.toString());
    }
    pathCases(operation, valid, cases);
    queryCases(operation, valid, cases);
    headerCases(operation, valid, cases);
    if (base != null) {
      bodyCases(operation, valid, mediaType.get(), base, cases);
    }
    return cases;
  }

  private void pathCases(Operation operation, Request valid, List<BadRequest> cases) {
    List<Fixtures.PathParameter> parameters = Fixtures.pathParameters(operation.path());
    for (Fixtures.PathParameter parameter : parameters) {
      Parameter declared =
          operation
              .parameter("path", parameter.name())
              .orElse(new Parameter(parameter.name(), "path", true, null));
      JsonNode schema = api.resolve(declared.schema());
      List<String> values = new ArrayList<>();
      if ("uuid".equals(schema.path("format").asText())) {
        values.add("not-a-uuid");
        if (!"PUT".equals(operation.method())) {
          // A PUT registers the object under the id it names, so an unknown id is a creation.
          values.add(UUID.randomUUID().toString());
        }
      } else {
        values.add("NOWHERE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
      }
      if (schema.has("maxLength")) {
        values.add("A".repeat(schema.path("maxLength").asInt() + 1));
      }
      values.add("A".repeat(2_000));
      for (String value : values) {
        String path = pathWith(operation, parameter.name(), value);
        cases.add(
            new BadRequest(
                "{" + parameter.name() + "} = " + abbreviate(value),
                new Request(
                    valid.caller(),
                    valid.method(),
                    path,
                    valid.headers(),
                    valid.contentType(),
                    valid.body()),
                Set.of(400, 404),
                Optional.empty(),
                Optional.empty()));
      }
    }
  }

  private String pathWith(Operation operation, String name, String value) {
    String path = operation.path().replace("{" + name + "}", value);
    List<Fixtures.Fixture> fixtures = world.fixtures(operation).orElseThrow();
    List<Fixtures.PathParameter> parameters = Fixtures.pathParameters(operation.path());
    for (int i = 0; i < parameters.size(); i++) {
      path = path.replace("{" + parameters.get(i).name() + "}", fixtures.get(i).value());
    }
    return path;
  }

  private void queryCases(Operation operation, Request valid, List<BadRequest> cases) {
    for (Parameter parameter : operation.in("query")) {
      JsonNode schema = api.resolve(parameter.schema());
      List<String> values = new ArrayList<>();
      String type = Bodies.type(schema);
      if (type.equals("array")) {
        JsonNode items = api.resolve(schema.path("items"));
        badQueryValues(items, values);
        if (schema.has("maxItems")) {
          int count = schema.path("maxItems").asInt() + 1;
          String item = bodies.validString(items);
          StringBuilder repeated = new StringBuilder();
          for (int i = 0; i < count; i++) {
            repeated.append(i == 0 ? "" : "&" + parameter.name() + "=").append(encode(item));
          }
          cases.add(
              query(
                  valid, parameter.name(), repeated.toString(), count + " values, over maxItems"));
        }
      } else {
        badQueryValues(schema, values);
      }
      for (String value : values) {
        cases.add(query(valid, parameter.name(), encode(value), abbreviate(value)));
      }
    }
    if (operation.isList()) {
      cases.add(query(valid, "matrixUnknown", "1", "an unknown query parameter"));
    }
  }

  private void badQueryValues(JsonNode schema, List<String> values) {
    switch (Bodies.type(schema)) {
      case "integer", "number" -> {
        values.add("abc");
        values.add("1.5");
        values.add("99999999999999999999");
        if (schema.has("minimum")) {
          values.add(String.valueOf(schema.path("minimum").asLong() - 1));
        } else {
          values.add("-1");
        }
        if (schema.has("maximum")) {
          values.add(String.valueOf(schema.path("maximum").asLong() + 1));
        }
      }
      case "boolean" -> values.add("maybe");
      default -> {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
          values.add("NOT_A_VALUE");
        }
        switch (schema.path("format").asText("")) {
          case "uuid" -> values.add("not-a-uuid");
          case "date" -> {
            values.add("2025-02-30");
            values.add("yesterday");
          }
          case "date-time" -> values.add("yesterday");
          default -> bodies.patternBreaker(schema).ifPresent(values::add);
        }
        if (schema.has("maxLength")) {
          values.add("A".repeat(schema.path("maxLength").asInt() + 1));
        }
        if (schema.path("minLength").asInt(0) > 1) {
          values.add("A".repeat(schema.path("minLength").asInt() - 1));
        }
      }
    }
  }

  private static BadRequest query(Request valid, String name, String encodedValue, String what) {
    String separator = valid.path().contains("?") ? "&" : "?";
    return new BadRequest(
        "?" + name + "=" + what,
        new Request(
            valid.caller(),
            valid.method(),
            valid.path() + separator + name + "=" + encodedValue,
            valid.headers(),
            valid.contentType(),
            valid.body()),
        Set.of(400),
        Optional.of(name),
        Optional.empty());
  }

  private void headerCases(Operation operation, Request valid, List<BadRequest> cases) {
    for (Parameter parameter : operation.in("header")) {
      JsonNode schema = api.resolve(parameter.schema());
      if (!schema.has("maxLength")) {
        continue;
      }
      String value = "A".repeat(schema.path("maxLength").asInt() + 1);
      cases.add(
          new BadRequest(
              parameter.name() + " one character over its maxLength",
              valid.withHeader(parameter.name(), value),
              Bodies.REFUSED,
              Optional.empty(),
              Optional.empty()));
    }
  }

  private void bodyCases(
      Operation operation, Request valid, String mediaType, JsonNode base, List<BadRequest> cases) {
    String text = base.toString();
    cases.add(body(valid, mediaType, text.substring(0, text.length() - 1), "malformed JSON"));
    cases.add(body(valid, mediaType, text + " {}", "content after the JSON document"));
    if (operation.bodyRequired()) {
      cases.add(body(valid, mediaType, "", "an empty body"));
      cases.add(body(valid, mediaType, "null", "a null body"));
    }
    cases.add(
        body(valid, mediaType, base.isArray() ? "{}" : "[]", "a body of the wrong JSON type"));
    if (base instanceof ObjectNode object && !object.isEmpty()) {
      String first = object.fieldNames().next();
      String duplicate =
          "{" + Api.json().valueToTree(first) + ": " + object.get(first) + ", " + text.substring(1);
      cases.add(body(valid, mediaType, duplicate, "a duplicate key " + first));
    }
    bodies
        .freeText(operation.bodySchema(), base, JsonPointer.empty())
        .ifPresent(
            pointer -> {
              String withPlaceholder =
                  Bodies.set(base, pointer, Api.json().getNodeFactory().textNode("LONE-SURROGATE"))
                      .toString();
              cases.add(
                  new BadRequest(
                      "a lone surrogate in " + pointer,
                      valid.withJson(
                          mediaType, withPlaceholder.replace(LONE_SURROGATE, "\"a\\ud800b\"")),
                      Bodies.REFUSED,
                      Optional.empty(),
                      Optional.of(pointer)));
            });
    for (String wrong : List.of("text/plain", "application/xml")) {
      if (!operation.bodyMediaTypes().contains(wrong)) {
        cases.add(
            new BadRequest(
                "the content type " + wrong,
                valid.withBody(wrong, text.getBytes(StandardCharsets.UTF_8)),
                Set.of(415),
                Optional.empty(),
                Optional.empty()));
      }
    }
    cases.add(
        new BadRequest(
            "no content type",
            valid.withBody(null, text.getBytes(StandardCharsets.UTF_8)),
            Set.of(415),
            Optional.empty(),
            Optional.empty()));
    for (Bodies.Case bad : bodies.propertyCases(operation.bodySchema(), base)) {
      cases.add(
          new BadRequest(
              bad.description(),
              valid.withJson(mediaType, bad.body().toString()),
              bad.expected(),
              Optional.empty(),
              Optional.of(bad.pointer())));
    }
  }

  private static BadRequest body(Request valid, String mediaType, String text, String what) {
    return new BadRequest(
        what, valid.withJson(mediaType, text), Bodies.REFUSED, Optional.empty(), Optional.empty());
  }

  /** ETags of the objects the writes name, so a refusal is never about a stale version. */
  private static Map<String, String> etags() {
    Map<String, String> etags = new LinkedHashMap<>();
    for (Operation operation : api.operations()) {
      if (operation.parameter("header", "If-Match").isPresent()
          && operation.hasPathParameters()
          && world.fixtures(operation).isPresent()) {
        String path = world.path(operation);
        Api.get(caller, path).header("etag").ifPresent(etag -> etags.put(path, etag));
      }
    }
    return etags;
  }

  private static String statusClass(int status) {
    return status >= 500 ? "5xx" : status >= 400 ? String.valueOf(status) : status / 100 + "xx";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String value) {
    String printable = value.replace("\u0001", "\\u0001");
    return printable.length() > 40
        ? printable.substring(0, 12) + "…(" + printable.length() + " characters)"
        : printable;
  }

  private void summary(int operations) {
    StringBuilder text = new StringBuilder("\n=== Bad-input run ===\n");
    text.append("operations: ").append(operations).append('\n');
    text.append("cases: ").append(cases).append('\n');
    text.append("answers by status: ").append(statuses).append('\n');
    text.append("5xx: ").append(statuses.getOrDefault("5xx", 0)).append(" (must be 0)\n");
    text.append("bad items reported item by item (2xx, every item FAILED): ")
        .append(counts.getOrDefault("reported per item", 0))
        .append('\n');
    ITEM_REPORTS.forEach(
        report ->
            text.append("  ")
                .append(report.operationId())
                .append(": ")
                .append(report.reason())
                .append('\n'));
    text.append("time: ").append(elapsedSeconds).append(" s (fixtures excluded)\n");
    text.append("failures: ").append(failures.size()).append('\n');
    failures.forEach(failure -> text.append("  FAIL ").append(failure).append('\n'));
    System.out.println(text);
  }
}
