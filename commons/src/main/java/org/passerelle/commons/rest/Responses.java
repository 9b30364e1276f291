package org.passerelle.commons.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.idempotency.IdempotencyKeys;

/** The answers every resource gives the same way: Location, ETag, replay marker. */
public final class Responses {

  public static final String REPLAYED = "Idempotent-Replayed";

  private Responses() {}

  /** 201 with the new resource's address and version; a replay says so in a header. */
  public static Response created(
      UriInfo uri, UUID id, long version, IdempotencyKeys.Outcome<?> outcome) {
    return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
        .entity(outcome.value())
        .tag(etag(version))
        .header(REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }

  public static Response ok(Object body, long version) {
    return Response.ok(body).tag(etag(version)).build();
  }

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * Whether the request's If-Match, if any, names a version (true without If-Match), for services
   * to test against the version they hold locked (DESIGN §6: 412 when it does not).
   */
  public static LongPredicate ifMatch(Request http) {
    return version -> http.evaluatePreconditions(etag(version)) == null;
  }
}
