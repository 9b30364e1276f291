package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.systemtests.Api.Answer;
import org.passerelle.systemtests.Api.Request;
import org.passerelle.systemtests.Fixtures.Scope;
import org.passerelle.systemtests.OpenApi.Operation;

/**
 * OWASP API1 (object level), API3 (object property level) and API5 (function level), generated from
 * the gateway's merged OpenAPI document and run through the gateway with real tokens.
 *
 * <p>Every operation is called by every caller of the realm that must not reach it, with the
 * objects its owners created ({@link Fixtures}): the other country, the other site, the other
 * partner, the other learner and every wrong role, and without a token. The documented refusal is
 * expected: 401 without a token, 403 for a role the operation does not list ({@code x-roles}, the
 * services' role check, which comes before any object is looked up), 404 for an object outside the
 * caller's scope (DESIGN §5). A 2xx not listed in {@link #ALLOWED_BY_DESIGN} is a leak; any other
 * answer, and any 5xx, fails too. Lists must not show objects out of the caller's scope; staff's
 * notes must not reach integrations, partners or learners. Before that, callers of other scopes
 * replay the owners' creations with their natural keys (an applicant's email, an office's
 * reference) in their own scope. Refused calls change no table of any service; the owners' objects
 * read the same after the run.
 */
class AuthorizationMatrixTest {

  /** A 2xx the design wants, for some callers of one operation. */
  record Design(String operationId, Predicate<Caller> callers, String reason) {}

  static final List<Design> ALLOWED_BY_DESIGN =
      List.of(
          new Design(
              "verifyCertificate",
              caller -> true,
              "public: an employer checks a certificate by the id printed on it, without an"
                  + " account"),
          new Design(
              "listOpenIntakes",
              caller -> true,
              "public (ADR 0039): the intakes open to applications today, as a school advertises"
                  + " them, without an account"),
          new Design(
              "getSite",
              caller -> !caller.anonymous(),
              "reference data (DESIGN §3): every signed-in caller reads the sites"),
          new Design(
              "getProgramme",
              caller -> !caller.anonymous(),
              "reference data (DESIGN §3): every signed-in caller reads the programmes"));

  // The job offer fixture is partner-fr's draft waiting for moderation (issue 16): learners of its
  // country read it only once staff publish it, so it is no longer allowed to them by design.

  /** The gateway's pages outside /api/v1 that need no token. */
  static final List<String> PUBLIC_PAGES =
      List.of("/", "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready");

  private static OpenApi api;
  private static Fixtures world;
  private static Bodies bodies;

  private final List<String> failures = new ArrayList<>();
  private long elapsedSeconds;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final Map<Integer, Integer> refusals = new TreeMap<>();

  @BeforeAll
  static void platform() {
    api = OpenApi.fetch(Platform.get().gateway());
    world = Fixtures.get();
    bodies = new Bodies(api);
  }

  @Test
  void nobodyReachesWhatIsNotTheirs() {
    long started = System.nanoTime();
    for (Operation operation : api.operations()) {
      if (operation.hasPathParameters() && world.fixtures(operation).isEmpty()) {
        failures.add(Fixtures.missing(operation));
      }
    }
    Map<String, String> before = world.readBack(api);
    Map<String, String> etags = currentEtags();

    replayNaturalKeys();

    DataSnapshot quiet = DataSnapshot.takeWhenQuiet();
    refusals(etags);
    List<String> changedTables = quiet.differences(DataSnapshot.takeWhenQuiet());
    changedTables.forEach(table -> failures.add("a refused call changed the table " + table));

    listsStayInScope();
    staffNotesStayWithStaff();
    publicPagesNameNoObject();

    Fixtures.changed(before, world.readBack(api))
        .forEach(change -> failures.add("an owner's object changed during the matrix: " + change));

    elapsedSeconds = (System.nanoTime() - started) / 1_000_000_000L;
    summary();
    assertThat(failures)
        .as("%d failures of the authorization matrix (all printed above)", failures.size())
        .isEmpty();
  }

  /** Function and object level: every caller who must not reach an operation is refused. */
  private void refusals(Map<String, String> etags) {
    for (Operation operation : api.operations()) {
      if (operation.hasPathParameters() && world.fixtures(operation).isEmpty()) {
        continue;
      }
      for (Caller caller : Caller.all()) {
        Optional<Design> design = design(operation, caller);
        int expected;
        if (design.isPresent()) {
          expected = 200;
        } else if (caller.anonymous()) {
          expected = 401;
        } else if (!operation.allowsRoles(caller.roles())) {
          expected = 403;
        } else if (!operation.hasPathParameters()) {
          continue; // in the role, on a collection: see the lists and the replays
        } else if (world.reaches(operation, caller)) {
          if (!world.owned(operation) && !caller.has(Caller.PLATFORM_ADMIN)) {
            failures.add(
                operation.name()
                    + ": "
                    + caller
                    + " passes its role check, but its path names only a placeholder. "
                    + Fixtures.missing(operation));
          }
          continue; // the owners' side
        } else {
          expected = 404;
        }
        Request request = request(operation, caller, etags).withFreshKeys();
        Answer answer = Api.send(request);
        count("calls");
        judge(request, answer, expected, design);
      }
    }
  }

  private void judge(Request request, Answer answer, int expected, Optional<Design> design) {
    if (answer.status() >= 500) {
      failures.add(request + ": " + answer.status() + " " + answer.abbreviated());
      return;
    }
    if (design.isPresent()) {
      if (answer.success()) {
        count("allowed by design");
        staffText(request.caller(), answer)
            .ifPresent(text -> leak(request + " shows staff's " + text));
      } else {
        failures.add(
            request
                + " is listed as allowed by design ("
                + design.get().reason()
                + ") but answered "
                + answer.status()
                + ": update ALLOWED_BY_DESIGN or the service");
      }
      return;
    }
    if (answer.success()) {
      leak(request + " answered " + answer.status() + " instead of " + expected + ": LEAK");
      return;
    }
    if (answer.status() != expected) {
      count("wrong refusals");
      failures.add(
          request
              + " answered "
              + answer.status()
              + ", the documented refusal is "
              + expected
              + " ("
              + (expected == 404 ? "out of scope" : expected == 403 ? "wrong role" : "no token")
              + "): "
              + answer.abbreviated());
      return;
    }
    refusals.merge(expected, 1, Integer::sum);
    answer
        .notAProblem()
        .ifPresent(why -> failures.add(request + " refused " + expected + " but " + why));
  }

  /**
   * Callers of other scopes create, in their own scope, what reuses the owners' natural keys. A
   * creation there may succeed; the owners' objects must stay as they were (read back at the end)
   * and out of reach (the refusals that follow).
   */
  private void replayNaturalKeys() {
    for (Operation operation : api.operations()) {
      if (operation.hasPathParameters() || !operation.method().equals("POST")) {
        continue;
      }
      for (Caller caller : Caller.all()) {
        if (caller.anonymous()
            || !operation.allowsRoles(caller.roles())
            || Scope.site(Fixtures.COUNTRY, Fixtures.SITE).reaches().test(caller)) {
          continue;
        }
        Optional<String> body = world.replay(operation.operationId(), caller);
        if (body.isEmpty()) {
          continue;
        }
        Request request =
            Request.of(caller, "POST", operation.path())
                .withJson(operation.jsonMediaType().orElse("application/json"), body.get());
        Answer answer = Api.send(request);
        count("natural-key replays");
        if (answer.status() >= 500) {
          failures.add(request + " (natural-key replay): " + answer.status());
        } else if (!answer.success()) {
          answer
              .notAProblem()
              .ifPresent(why -> failures.add(request + " (natural-key replay) " + why));
        }
      }
    }
  }

  /** A list shows only what is in the caller's scope (DESIGN §5). */
  private void listsStayInScope() {
    Map<String, Scope> identifiers = world.identifiers();
    for (Operation operation : api.operations()) {
      if (!operation.method().equals("GET") || operation.hasPathParameters()) {
        continue;
      }
      for (Caller caller : Caller.all()) {
        if (caller.anonymous() || !operation.allowsRoles(caller.roles())) {
          continue;
        }
        Request request = Request.of(caller, "GET", operation.path());
        Answer answer = Api.send(request);
        count("list reads");
        if (answer.status() >= 500) {
          failures.add(request + ": " + answer.status());
          continue;
        }
        if (!answer.success()) {
          continue;
        }
        // A public list (allowed by design to anyone) names what it publishes to everyone alike:
        // the open intakes, whichever site's staff scheduled them.
        if (design(operation, Caller.ANONYMOUS).isEmpty()) {
          identifiers.forEach(
              (id, scope) -> {
                if (!scope.reaches().test(caller) && answer.body().contains(id)) {
                  leak(request + " lists " + id + ", which only " + scope.description() + " reach");
                }
              });
        }
        staffText(caller, answer).ifPresent(text -> leak(request + " shows staff's " + text));
      }
    }
  }

  /**
   * The gateway's pages outside the API that anyone may read (DESIGN §5: health, metrics) name no
   * object, now that every object has been asked for through the gateway.
   */
  private void publicPagesNameNoObject() {
    Map<String, Scope> identifiers = world.identifiers();
    for (String page : PUBLIC_PAGES) {
      Request request = Request.of(Caller.ANONYMOUS, "GET", page);
      Answer answer = Api.send(request);
      count("public pages read");
      if (answer.status() >= 500) {
        failures.add(request + ": " + answer.status());
        continue;
      }
      if (!answer.success()) {
        continue;
      }
      identifiers.forEach(
          (id, scope) -> {
            if (answer.body().contains(id)) {
              leak(request + " names " + id + ", an object only " + scope.description() + " reach");
            }
          });
    }
  }

  /** Integrations, partners and learners get no staff's notes about people (OWASP API3). */
  private void staffNotesStayWithStaff() {
    for (Operation operation : api.operations()) {
      if (!operation.method().equals("GET")
          || !operation.hasPathParameters()
          || world.fixtures(operation).isEmpty()) {
        continue;
      }
      for (Caller caller : Caller.all()) {
        if (caller.anonymous()
            || caller.staff()
            || !operation.allowsRoles(caller.roles())
            || !world.reaches(operation, caller)) {
          continue;
        }
        Request request = Request.of(caller, "GET", world.path(operation));
        Answer answer = Api.send(request);
        count("non-staff reads in scope");
        if (answer.status() >= 500) {
          failures.add(request + ": " + answer.status());
        } else if (answer.success()) {
          staffText(caller, answer).ifPresent(text -> leak(request + " shows staff's " + text));
        }
      }
    }
  }

  /** The staff-only values the owners planted, if this answer shows one to a non-staff caller. */
  private static Optional<String> staffText(Caller caller, Answer answer) {
    if (caller.staff()) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> planted : world.staffOnly.entrySet()) {
      for (String value : planted.getValue()) {
        if (planted.getKey() == null) {
          if (answer.body().contains(value)) {
            return Optional.of("free text (" + value + ")");
          }
        } else if (field(answer.json(), planted.getKey(), value)) {
          return Optional.of(planted.getKey());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean field(JsonNode node, String name, String value) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals(name) && field.getValue().asText().equals(value)) {
          return true;
        }
        if (field(field.getValue(), name, value)) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (field(element, name, value)) {
          return true;
        }
      }
    }
    return false;
  }

  private Request request(Operation operation, Caller caller, Map<String, String> etags) {
    String path = operation.hasPathParameters() ? world.path(operation) : operation.path();
    Request request = Request.of(caller, operation.method(), path);
    if (operation.bodySchema() != null && operation.jsonMediaType().isPresent()) {
      String body =
          world
              .example(operation.operationId())
              .orElseGet(() -> bodies.valid(operation.bodySchema(), "body").toString());
      request = request.withJson(operation.jsonMediaType().get(), body);
    }
    String etag = etags.get(path);
    if (etag != null && operation.parameter("header", "If-Match").isPresent()) {
      // The real current version: the refusal must be about scope, not a stale ETag.
      request = request.withHeader("If-Match", etag);
    }
    return request;
  }

  /** ETags of the objects that writes with a required If-Match name, read by platform admins. */
  private static Map<String, String> currentEtags() {
    Map<String, String> etags = new LinkedHashMap<>();
    Caller admin = Caller.named("platform-admin");
    for (Operation operation : api.operations()) {
      boolean ifMatch =
          operation.parameter("header", "If-Match").map(OpenApi.Parameter::required).orElse(false);
      if (ifMatch && operation.hasPathParameters() && world.fixtures(operation).isPresent()) {
        String path = world.path(operation);
        Api.get(admin, path).header("etag").ifPresent(etag -> etags.put(path, etag));
      }
    }
    return etags;
  }

  private static Optional<Design> design(Operation operation, Caller caller) {
    return ALLOWED_BY_DESIGN.stream()
        .filter(d -> d.operationId().equals(operation.operationId()))
        .filter(d -> d.callers().test(caller))
        .findFirst();
  }

  private void leak(String failure) {
    count("leaks");
    failures.add(failure);
  }

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  private void summary() {
    long pathOperations = api.operations().stream().filter(Operation::hasPathParameters).count();
    StringBuilder text = new StringBuilder("\n=== Authorization matrix ===\n");
    text.append("operations in the document: ")
        .append(api.operations().size())
        .append(" (")
        .append(pathOperations)
        .append(" with path parameters)\n");
    text.append("callers: ")
        .append(Caller.all().size())
        .append(" (")
        .append(String.join(", ", Caller.all().stream().map(Caller::name).toList()))
        .append(")\n");
    text.append("calls: ").append(counts.getOrDefault("calls", 0)).append('\n');
    int refused = refusals.values().stream().mapToInt(Integer::intValue).sum();
    text.append("refusals as documented: ")
        .append(refused)
        .append(' ')
        .append(refusals)
        .append('\n');
    text.append("wrong refusals: ").append(counts.getOrDefault("wrong refusals", 0)).append('\n');
    text.append("allowed by design: ")
        .append(counts.getOrDefault("allowed by design", 0))
        .append(" calls, ")
        .append(ALLOWED_BY_DESIGN.size())
        .append(" entries:\n");
    ALLOWED_BY_DESIGN.forEach(
        d ->
            text.append("  ").append(d.operationId()).append(": ").append(d.reason()).append('\n'));
    text.append("natural-key replays: ")
        .append(counts.getOrDefault("natural-key replays", 0))
        .append(", list reads: ")
        .append(counts.getOrDefault("list reads", 0))
        .append(", non-staff reads in scope: ")
        .append(counts.getOrDefault("non-staff reads in scope", 0))
        .append(", public pages read: ")
        .append(counts.getOrDefault("public pages read", 0))
        .append('\n');
    text.append("leaks: ").append(counts.getOrDefault("leaks", 0)).append(" (must be 0)\n");
    text.append("time: ").append(elapsedSeconds).append(" s (fixtures excluded)\n");
    text.append("failures: ").append(failures.size()).append('\n');
    failures.forEach(failure -> text.append("  FAIL ").append(failure).append('\n'));
    System.out.println(text);
  }
}
