package org.passerelle.commons.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Names a field error as the client wrote the request: the JSON path in the body ({@code
 * applicant.birthDate}, {@code consents[1].purpose}, {@code $} for the body itself) or the query
 * parameter's or header's name, never a Java method or parameter name ({@code create.request},
 * {@code arg0}). Jackson's and bean validation's paths both lead here.
 */
public final class FieldPaths {

  /** The body as a whole. */
  public static final String BODY = "$";

  private FieldPaths() {}

  /** Where in a JSON body a mapping failed. */
  public static String of(JsonMappingException e) {
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
    return path.isEmpty() ? BODY : path.toString();
  }

  /** A violation found by validating a value itself (a body, an import row). */
  public static String of(Path path) {
    return of(path, null);
  }

  /**
   * A violation of a resource method's parameter, named as the request names it: a query, path or
   * header parameter by its declared name, the body by the path inside it. Without the method (or
   * for another method), a parameter that is only the way to a value's fields is left out.
   */
  public static String of(Path path, Method method) {
    StringBuilder field = new StringBuilder();
    Class<?> bean = null;
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    for (int i = 0; i < nodes.size(); i++) {
      Path.Node node = nodes.get(i);
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD
          || kind == ElementKind.CONSTRUCTOR
          || kind == ElementKind.RETURN_VALUE
          || kind == ElementKind.CROSS_PARAMETER) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        field.setLength(0);
        bean = null;
        Parameter parameter = parameter(node, nodes, method);
        if (parameter.bean() != null) {
          bean = parameter.bean();
        } else if (parameter.name() != null) {
          field.append(parameter.name());
        } else if (i == nodes.size() - 1) {
          // The parameter itself (say a missing body) and nothing known of how the request names
          // it: a service method's, or a body.
          field.append(method == null ? node.getName() : BODY);
        }
        continue;
      }
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null && node.isInIterable()) {
        field.append('[').append(node.getKey()).append(']');
      }
      String name = node.getName();
      if (kind == ElementKind.CONTAINER_ELEMENT || name == null || name.startsWith("<")) {
        continue;
      }
      if (bean != null) {
        name = declaredName(bean, name);
        bean = null;
      }
      if (!field.isEmpty()) {
        field.append('.');
      }
      field.append(name);
    }
    return field.isEmpty() ? BODY : field.toString();
  }

  /**
   * How the request names a method parameter: {@code name} for a query, path, header, cookie, form
   * or matrix parameter; {@code bean} for a bean parameter (its fields are named by their own
   * annotations); neither for the body, whose path starts inside it.
   */
  private record Parameter(String name, Class<?> bean) {}

  private static Parameter parameter(Path.Node node, List<Path.Node> nodes, Method method) {
    int index = node.as(Path.ParameterNode.class).getParameterIndex();
    Path.MethodNode invoked =
        nodes.stream()
            .filter(n -> n.getKind() == ElementKind.METHOD)
            .map(n -> n.as(Path.MethodNode.class))
            .findFirst()
            .orElse(null);
    if (method == null
        || invoked == null
        || !method.getName().equals(invoked.getName())
        || !List.of(method.getParameterTypes()).equals(invoked.getParameterTypes())
        || index < 0
        || index >= method.getParameterCount()) {
      return new Parameter(null, null);
    }
    java.lang.reflect.Parameter declared = method.getParameters()[index];
    if (declared.isAnnotationPresent(BeanParam.class)) {
      return new Parameter(null, declared.getType());
    }
    String name = requestName(declared.getAnnotations());
    if (name != null) {
      return new Parameter(name.isEmpty() ? declared.getName() : name, null);
    }
    return new Parameter(null, null);
  }

  /** A bean parameter's field, named as its annotation names it in the request. */
  private static String declaredName(Class<?> bean, String field) {
    for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field declared = c.getDeclaredField(field);
        String name = requestName(declared.getAnnotations());
        return name == null || name.isEmpty() ? field : name;
      } catch (NoSuchFieldException e) {
        // Declared higher up, or a getter's property: look further.
      }
    }
    return field;
  }

  /** The name a parameter annotation gives ("" for "the Java name"), or null for none. */
  private static String requestName(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      String name =
          switch (annotation) {
            case QueryParam a -> a.value();
            case PathParam a -> a.value();
            case HeaderParam a -> a.value();
            case CookieParam a -> a.value();
            case FormParam a -> a.value();
            case MatrixParam a -> a.value();
            case RestQuery a -> a.value();
            case RestPath a -> a.value();
            case RestHeader a -> a.value();
            case RestCookie a -> a.value();
            case RestForm a -> a.value();
            case RestMatrix a -> a.value();
            default -> null;
          };
      if (name != null) {
        return name;
      }
    }
    return null;
  }
}
