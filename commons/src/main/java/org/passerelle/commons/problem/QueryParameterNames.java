package org.passerelle.commons.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * A query parameter the matched operation does not declare answers 400 {@code validation-failed}
 * naming it, before the operation runs: JAX-RS would ignore it, so a misspelt filter ({@code
 * statut=...}, {@code pagee=2}) silently returned the unfiltered list. The names an operation
 * accepts are its {@code @QueryParam} / {@code @RestQuery} parameters, those of its resource class
 * and of its {@code @BeanParam} beans, read once per method. Only JAX-RS operations pass here;
 * Quarkus' own {@code /q/*} pages are not JAX-RS resources.
 */
public class QueryParameterNames {

  private static final Map<Method, Set<String>> ACCEPTED = new ConcurrentHashMap<>();

  private final Problems problems;

  QueryParameterNames(Problems problems) {
    this.problems = problems;
  }

  @ServerRequestFilter
  public Response check(
      ContainerRequestContext request, HttpHeaders headers, ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return null;
    }
    Set<String> sent = request.getUriInfo().getQueryParameters().keySet();
    if (sent.isEmpty()) {
      return null;
    }
    Set<String> accepted =
        ACCEPTED.computeIfAbsent(method, m -> accepted(resource.getResourceClass(), m));
    Set<String> unknown = new TreeSet<>();
    for (String name : sent) {
      if (!name.isEmpty() && !accepted.contains(name)) {
        unknown.add(name);
      }
    }
    if (unknown.isEmpty()) {
      return null;
    }
    List<Locale> languages = Problems.languages(headers);
    Locale locale = Messages.pick(languages);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String name : unknown) {
      errors.add(
          new Problem.FieldError(
              name, Messages.format(locale, "invalid-request.unknown-parameter", name)));
    }
    return problems.response(
        ProblemType.VALIDATION_FAILED,
        languages,
        "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
        errors,
        accepted.isEmpty() ? "invalid-request.no-parameters" : "invalid-request.unknown-parameters",
        String.join(", ", unknown),
        String.join(", ", accepted));
  }

  /** The query parameter names the method reads, sorted. */
  static Set<String> accepted(Class<?> resourceClass, Method method) {
    Set<String> names = new TreeSet<>();
    Annotation[][] annotations = method.getParameterAnnotations();
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      String name = name(annotations[i], parameters[i].getName());
      if (name != null) {
        names.add(name);
      } else if (beanLike(parameters[i].getType())) {
        // @BeanParam is optional in Quarkus REST: a bean's fields may declare parameters.
        fields(parameters[i].getType(), names);
      }
    }
    if (resourceClass != null) {
      fields(resourceClass, names);
    }
    return Collections.unmodifiableSet(names);
  }

  /** Query parameters declared on fields (a resource class's, a bean parameter's). */
  private static void fields(Class<?> type, Set<String> names) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        String name = name(field.getAnnotations(), field.getName());
        if (name != null) {
          names.add(name);
        } else if (field.isAnnotationPresent(BeanParam.class) && beanLike(field.getType())) {
          fields(field.getType(), names);
        }
      }
    }
  }

  private static String name(Annotation[] annotations, String declared) {
    for (Annotation annotation : annotations) {
      String name =
          annotation instanceof QueryParam q
              ? q.value()
              : annotation instanceof RestQuery r ? r.value() : null;
      if (name != null) {
        return name.isEmpty() ? declared : name;
      }
    }
    return null;
  }

  private static boolean beanLike(Class<?> type) {
    return !type.isPrimitive()
        && !type.isArray()
        && !type.isEnum()
        && !type.getName().startsWith("java.")
        && !type.getName().startsWith("jakarta.");
  }
}
