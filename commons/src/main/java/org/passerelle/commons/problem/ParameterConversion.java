package org.passerelle.commons.problem;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Which parameter of a resource method the request's value does not convert to. JAX-RS answers such
 * a failure with a bare 404 (query and path) or 400 (header) that does not say which parameter it
 * was; this finds it again, by the same rules (a static {@code fromString} or {@code valueOf},
 * {@code parse} for java.time, a String constructor), only once a request has failed.
 */
final class ParameterConversion {

  enum Source {
    PATH,
    QUERY,
    HEADER
  }

  /**
   * The first parameter whose value does not convert: path parameters first, as routing does.
   *
   * @param type what one of its values converts to (a list's element)
   */
  record Failure(Source source, String name, Class<?> type) {}

  private static final Map<Class<?>, Class<?>> WRAPPERS =
      Map.of(
          int.class, Integer.class,
          long.class, Long.class,
          short.class, Short.class,
          byte.class, Byte.class,
          double.class, Double.class,
          float.class, Float.class,
          boolean.class, Boolean.class,
          char.class, Character.class);

  private ParameterConversion() {}

  static Optional<Failure> find(Method method, UriInfo uri, HttpHeaders headers) {
    if (method == null) {
      return Optional.empty();
    }
    Annotation[][] annotations = method.getParameterAnnotations();
    Type[] types = method.getGenericParameterTypes();
    java.lang.reflect.Parameter[] parameters = method.getParameters();
    for (Source source : Source.values()) {
      for (int i = 0; i < types.length; i++) {
        String name = name(source, annotations[i], parameters[i]);
        if (name == null) {
          continue;
        }
        List<String> values =
            switch (source) {
              case PATH -> uri.getPathParameters().get(name);
              case QUERY -> uri.getQueryParameters().get(name);
              case HEADER -> headers.getRequestHeader(name);
            };
        if (values == null || values.isEmpty()) {
          String fallback = defaultValue(annotations[i]);
          values = fallback == null ? List.of() : List.of(fallback);
        }
        if (!converts(types[i], values)) {
          return Optional.of(new Failure(source, name, element(types[i])));
        }
      }
    }
    return Optional.empty();
  }

  private static String name(
      Source source, Annotation[] annotations, java.lang.reflect.Parameter parameter) {
    for (Annotation annotation : annotations) {
      String name =
          switch (source) {
            case PATH ->
                annotation instanceof PathParam p
                    ? p.value()
                    : annotation instanceof RestPath r ? r.value() : null;
            case QUERY ->
                annotation instanceof QueryParam q
                    ? q.value()
                    : annotation instanceof RestQuery r ? r.value() : null;
            case HEADER ->
                annotation instanceof HeaderParam h
                    ? h.value()
                    : annotation instanceof RestHeader r ? r.value() : null;
          };
      if (name != null) {
        return name.isEmpty() ? parameter.getName() : name;
      }
    }
    return null;
  }

  private static String defaultValue(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof DefaultValue value) {
        return value.value();
      }
    }
    return null;
  }

  private static boolean converts(Type type, List<String> values) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return true;
    }
    if (Collection.class.isAssignableFrom(raw) || raw == Optional.class) {
      Class<?> element =
          type instanceof ParameterizedType generic
              ? raw(generic.getActualTypeArguments()[0])
              : String.class;
      return values.stream().allMatch(value -> converts(element, value));
    }
    if (raw.isArray()) {
      return values.stream().allMatch(value -> converts(raw.getComponentType(), value));
    }
    return values.isEmpty() || converts(raw, values.getFirst());
  }

  /** What each value of a parameter of this type converts to. */
  private static Class<?> element(Type type) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return null;
    }
    if (Collection.class.isAssignableFrom(raw) || raw == Optional.class) {
      return type instanceof ParameterizedType generic
          ? raw(generic.getActualTypeArguments()[0])
          : String.class;
    }
    return raw.isArray() ? raw.getComponentType() : raw;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static boolean converts(Class<?> type, String value) {
    Class<?> target = WRAPPERS.getOrDefault(type, type);
    if (target == null || value == null || target.isAssignableFrom(String.class)) {
      return true;
    }
    if (target == Character.class) {
      return value.length() == 1;
    }
    try {
      for (String factory : new String[] {"fromString", "valueOf"}) {
        Method method = staticMethod(target, factory, String.class);
        if (method != null) {
          return method.invoke(null, value) != null;
        }
      }
      Method parse = staticMethod(target, "parse", CharSequence.class);
      if (parse != null) {
        return parse.invoke(null, value) != null;
      }
      Constructor<?> constructor = target.getConstructor(String.class);
      return constructor.newInstance(value) != null;
    } catch (InvocationTargetException e) {
      return false;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // A type this cannot read: do not blame the parameter.
      return true;
    }
  }

  private static Method staticMethod(Class<?> type, String name, Class<?> parameter) {
    try {
      Method method = type.getMethod(name, parameter);
      return Modifier.isStatic(method.getModifiers()) ? method : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
