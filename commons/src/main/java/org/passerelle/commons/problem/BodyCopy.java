package org.passerelle.commons.problem;

import io.quarkus.runtime.BlockingOperationControl;
import jakarta.validation.Valid;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the bytes of a JSON body that the operation binds to a type, so that when binding fails the
 * problem mapper can read the body again and report every problem in it ({@link BodyProblems}), not
 * only the first the reader met. Such bodies are small ({@link BodySizeLimit}); bodies an operation
 * reads itself (bytes, text, streams, such as imports) are left alone.
 */
public class BodyCopy {

  static final String PROPERTY = BodyCopy.class.getName();

  private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, "PATCH");
  private static final Set<Class<?>> READ_BY_THE_OPERATION =
      Set.of(byte[].class, String.class, InputStream.class, Reader.class);
  private static final Map<Method, Optional<Body>> BODIES = new ConcurrentHashMap<>();

  /** The parameter a method binds its body to: its type, and whether it is validated. */
  record Body(Type type, boolean validated) {}

  /** A copy of the request's body, if it was kept. */
  static byte[] of(ContainerRequestContext request) {
    return request != null && request.getProperty(PROPERTY) instanceof byte[] body ? body : null;
  }

  /** The body parameter of a resource method, if it binds one from JSON. */
  static Optional<Body> body(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method == null ? Optional.empty() : BODIES.computeIfAbsent(method, BodyCopy::find);
  }

  @ServerRequestFilter
  public void keep(ContainerRequestContext request, ResourceInfo resource) throws IOException {
    if (!WITH_BODY.contains(request.getMethod().toUpperCase(Locale.ROOT))
        || !json(request)
        || !BlockingOperationControl.isBlockingAllowed()
        || body(resource).isEmpty()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setProperty(PROPERTY, body);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static boolean json(ContainerRequestContext request) {
    MediaType type;
    try {
      type = request.getMediaType();
    } catch (IllegalArgumentException e) {
      return false; // a malformed Content-Type: refused with 415 before any reading
    }
    return type != null
        && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
  }

  private static Optional<Body> find(Method method) {
    for (Parameter parameter : method.getParameters()) {
      if (bound(parameter)) {
        return Optional.of(
            new Body(parameter.getParameterizedType(), parameter.isAnnotationPresent(Valid.class)));
      }
    }
    return Optional.empty();
  }

  /** The body parameter: no JAX-RS annotation, not a context object, not read by the method. */
  private static boolean bound(Parameter parameter) {
    for (Annotation annotation : parameter.getAnnotations()) {
      String type = annotation.annotationType().getPackageName();
      if (type.startsWith("jakarta.ws.rs") || type.startsWith("org.jboss.resteasy.reactive")) {
        return false;
      }
    }
    Class<?> type = parameter.getType();
    String name = type.getName();
    return !READ_BY_THE_OPERATION.contains(type)
        && !type.isPrimitive()
        && !name.startsWith("jakarta.")
        && !name.startsWith("io.vertx.")
        && !name.startsWith("io.smallrye.")
        && !name.startsWith("org.jboss.resteasy.reactive.")
        && !name.startsWith("com.fasterxml.jackson.");
  }
}
