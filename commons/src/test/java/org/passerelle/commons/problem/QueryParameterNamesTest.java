package org.passerelle.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

/** Which query parameter names an operation accepts, wherever it declares them. */
class QueryParameterNamesTest {

  static class Filters {
    @QueryParam("status")
    String status;

    @RestQuery String site;

    @BeanParam Paging paging;
  }

  static class Paging {
    @QueryParam("page")
    int page;

    @QueryParam("size")
    int size;
  }

  record Body(String text) {}

  static class Resource {
    @QueryParam("lang")
    String lang;

    void list(@BeanParam Filters filters, @RestQuery String q) {}

    void implicitBean(Paging paging, @QueryParam("from") String from) {}

    void none(@PathParam("id") String id, Body body) {}
  }

  @Test
  void namesComeFromParametersBeansAndTheResourceClass() {
    assertThat(QueryParameterNames.accepted(Resource.class, method("list")))
        .containsExactly("lang", "page", "q", "site", "size", "status");
    assertThat(QueryParameterNames.accepted(Resource.class, method("implicitBean")))
        .containsExactly("from", "lang", "page", "size");
    assertThat(QueryParameterNames.accepted(null, method("none"))).isEmpty();
  }

  private static Method method(String name) {
    return Arrays.stream(Resource.class.getDeclaredMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
