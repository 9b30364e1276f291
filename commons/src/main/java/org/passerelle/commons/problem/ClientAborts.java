package org.passerelle.commons.problem;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.problem.ProblemType;

/**
 * A caller that closes its connection while its request body is being read is not a server error:
 * one INFO line without a stack trace, and status 499 (nginx's "client closed request") in the
 * metrics; nobody is there to read it. Any other I/O failure stays a logged 500 (503 if the
 * database is out), as in {@link ProblemMappers}.
 */
public class ClientAborts {

  private static final Logger LOG = Logger.getLogger(ClientAborts.class);
  static final int CLIENT_CLOSED_REQUEST = 499;

  private final Problems problems;

  ClientAborts(Problems problems) {
    this.problems = problems;
  }

  @ServerExceptionMapper
  public Response io(IOException e, HttpHeaders headers, UriInfo uri) {
    if (closedByCaller(e)) {
      return gone(e, uri);
    }
    Optional<Response> outage = problems.databaseUnavailable(e, headers, path(uri));
    if (outage.isPresent()) {
      return outage.get();
    }
    LOG.errorf(e, "unexpected error on %s", path(uri));
    return problems.response(
        ProblemType.INTERNAL_ERROR,
        Problems.languages(headers),
        path(uri),
        List.of(),
        "internal-error.detail");
  }

  @ServerExceptionMapper
  public Response closed(HttpClosedException e, UriInfo uri) {
    return gone(e, uri);
  }

  private static Response gone(Throwable e, UriInfo uri) {
    LOG.infof("caller went away before its request to %s was read (%s)", path(uri), rootOf(e));
    return Response.status(CLIENT_CLOSED_REQUEST).build();
  }

  /** Whether the connection was closed under the request, as opposed to a failure of ours. */
  static boolean closedByCaller(Throwable e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
        return true;
      }
    }
    return false;
  }

  private static String rootOf(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && depth < 16; depth++) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }
}
