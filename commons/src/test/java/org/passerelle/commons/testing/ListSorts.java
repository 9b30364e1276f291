package org.passerelle.commons.testing;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.problem.Problem;

/**
 * A list's {@code sort} parameter checked end to end (ADR 0040): each field it declares sorts, both
 * ways, against the real database (an expression the query cannot run would be a 500), and a field
 * it does not declare is a 400 naming {@code sort} and listing those it does.
 */
public final class ListSorts {

  private ListSorts() {}

  /** Calls {@code path} (without a query) as {@code user} once per field and direction. */
  public static void everyFieldSorts(String user, String path, Sorting sorting) {
    for (String field : sorting.fields()) {
      for (String sort : List.of(field, "-" + field)) {
        Api.as(user)
            .queryParam(Sorting.PARAMETER, sort)
            .get(path)
            .then()
            .statusCode(200)
            .body("items", notNullValue());
      }
    }
    Api.as(user)
        .header("Accept-Language", "en")
        .queryParam(Sorting.PARAMETER, "notAField")
        .get(path)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", contains(Sorting.PARAMETER))
        .body("detail", containsString("It sorts by: " + sorting.accepted()));
  }
}
