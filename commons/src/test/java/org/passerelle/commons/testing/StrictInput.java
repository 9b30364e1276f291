package org.passerelle.commons.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.passerelle.problem.Problem;

/**
 * The commons rules for reading requests (issue 13), checked the same way in every service: a body
 * only as a declared media type, one JSON document with each key once and well-formed text, a
 * list's page and size as numbers. Each refusal is a 4xx problem+json; {@link #writesNothing}
 * checks that none of them wrote a row.
 */
public final class StrictInput {

  private StrictInput() {}

  /** A refusal: this status, problem+json, this problem type. */
  public static ValidatableResponse refused(Response response, int status, String type) {
    return response
        .then()
        .statusCode(status)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + type));
  }

  /** Runs the checks and asserts that the rows counted before and after are the same. */
  public static void writesNothing(Supplier<?> rows, Runnable checks) {
    Object before = rows.get();
    checks.run();
    assertThat(rows.get()).as("rows after the refused requests").isEqualTo(before);
  }

  /** Each table's row count, committed data only, for {@link #writesNothing}. */
  public static Map<String, Long> rows(EntityManager entityManager, String... tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      counts.put(table, Api.count(entityManager, "select count(*) from " + table));
    }
    return counts;
  }

  /** A non-numeric or too large size and a non-numeric page: 400 naming the parameter. */
  public static void refusesBadPages(String user, String listPath) {
    for (String[] query :
        new String[][] {{"size=abc", "size"}, {"size=99999999999", "size"}, {"page=x", "page"}}) {
      refused(Api.as(user).get(listPath + "?" + query[0]), 400, "validation-failed")
          .body("errors.field", contains(query[1]));
    }
  }

  /** A POST to this path as this demo user, with a JSON body. */
  public static Call post(String user, String path) {
    return new Call(user, "POST", path, UnaryOperator.identity());
  }

  /** A PATCH to this path as this demo user, prepared further (e.g. its media type, If-Match). */
  public static Call patch(String user, String path, UnaryOperator<RequestSpecification> prepare) {
    return new Call(user, "PATCH", path, prepare);
  }

  /** One write operation: who calls, how, where; the checks take the body to send. */
  public record Call(
      String user, String method, String path, UnaryOperator<RequestSpecification> prepare) {

    private Response send(RequestSpecification request, String body) {
      return request.body(body).request(method, path);
    }

    private RequestSpecification request() {
      return prepare.apply(Api.as(user));
    }

    /** The body sent as each of these media types: 415. */
    public void refusesMediaTypes(String body, String... types) {
      assertThat(types).isNotEmpty();
      for (String type : types) {
        refused(send(request().contentType(type), body), 415, "unsupported-media-type");
      }
    }

    /** The body sent with no Content-Type at all: 415 problem+json. */
    public void refusesWithoutContentType(String body) {
      HttpResponse<String> untyped = Api.withoutContentType(user, method, path, body);
      assertThat(untyped.statusCode()).as(method + " " + path).isEqualTo(415);
      assertThat(untyped.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    }

    /** A good body followed by more content: 400 malformed-json. */
    public void refusesTrailingContent(String good, String trailing) {
      refused(send(request(), good + trailing), 400, "malformed-json");
    }

    /** A body with a key given twice: 400 malformed-json. */
    public ValidatableResponse refusesDuplicateKey(String body) {
      return refused(send(request(), body), 400, "malformed-json");
    }

    /** A body with a key given twice: 400 malformed-json naming that field. */
    public void refusesDuplicateKey(String body, String field) {
      refusesDuplicateKey(body).body("errors.field", contains(field));
    }

    /** A body with a lone surrogate in a string: 400 invalid-request naming that field. */
    public void refusesLoneSurrogate(String body, String field) {
      refused(send(request(), body), 400, "invalid-request").body("errors.field", contains(field));
    }
  }
}
