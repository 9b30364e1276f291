package org.passerelle.commons.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventsConfig;
import org.passerelle.commons.inbox.DeadLetters;
import org.passerelle.commons.inbox.DeadLetters.DeadLetter;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.Roles;
import org.passerelle.problem.ProblemType;

/**
 * Events a service's consumer parked after their last attempt, for platform administrators: list
 * them, read one, and re-drive it once its cause is fixed. Every service exposes it under its own
 * name; the gateway routes on that name.
 */
@Path("/api/v1/event-consumers/{service}/dead-letters")
@Tag(
    name = "Event consumers",
    description = "Parked (dead-letter) events of each service's consumer, and their re-drive")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class DeadLetterResource {

  /** Service names are short words; anything longer is no service of ours (400). */
  static final int SERVICE_NAME_MAX = 40;

  private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);
  private static final int MAX_ERROR_LENGTH = 300;

  private final DeadLetters deadLetters;
  private final EventsConfig config;

  DeadLetterResource(DeadLetters deadLetters, EventsConfig config) {
    this.deadLetters = deadLetters;
    this.config = config;
  }

  @GET
  @Operation(
      operationId = "listDeadLetters",
      summary = "List the events a service's consumer parked",
      description =
          "Newest first, one entry per event. PARKED events wait for a re-drive; REDRIVEN ones"
              + " have been applied since.")
  public Page<DeadLetter> list(
      @Parameter(description = "Service name: enrollment, cohort, partnership or placement")
          @PathParam("service")
          @Size(max = SERVICE_NAME_MAX)
          String consumer,
      @Parameter(description = "PARKED or REDRIVEN")
          @QueryParam("status")
          @Pattern(regexp = "PARKED|REDRIVEN")
          String status,
      @Parameter(
              description =
                  "CloudEvents type, e.g. org.passerelle.enrollment.application-submitted.v1")
          @QueryParam("type")
          @Pattern(regexp = "[a-z0-9.-]{1,200}")
          String type,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    requireThisService(consumer);
    List<DeadLetter> matching =
        read().stream()
            .filter(letter -> status == null || letter.status().name().equals(status))
            .filter(letter -> type == null || type.equals(letter.type()))
            .toList();
    return Page.slice(matching, page, size);
  }

  @GET
  @Path("{eventId}")
  @Operation(operationId = "getDeadLetter", summary = "Read one parked event, with its data")
  @APIResponse(
      responseCode = "200",
      description = "The parked event",
      content = @Content(schema = @Schema(implementation = DeadLetter.class)))
  public DeadLetter get(
      @PathParam("service") @Size(max = SERVICE_NAME_MAX) String consumer,
      @PathParam("eventId") UUID eventId) {
    requireThisService(consumer);
    return find(eventId);
  }

  @POST
  @Path("{eventId}/redrive")
  @Operation(
      operationId = "redriveDeadLetter",
      summary = "Apply a parked event again, once its cause is fixed",
      description =
          "Applies the event once through the consumer's handler, exactly once (inbox). A"
              + " re-drive of an event already applied changes nothing. When it still fails the"
              + " answer is 409 with the error, and the event stays parked.")
  @APIResponse(
      responseCode = "200",
      description = "Applied (status REDRIVEN)",
      content = @Content(schema = @Schema(implementation = DeadLetter.class)))
  public DeadLetter redrive(
      @PathParam("service") @Size(max = SERVICE_NAME_MAX) String consumer,
      @PathParam("eventId") UUID eventId) {
    requireThisService(consumer);
    DeadLetter parked = find(eventId);
    try {
      deadLetters.redrive(eventId);
    } catch (RuntimeException e) {
      LOG.warnf("re-drive of event %s failed: %s", eventId, e.toString());
      throw new ProblemException(ProblemType.CONFLICT, "conflict.redrive-failed", brief(e));
    }
    return parked.redriven();
  }

  private DeadLetter find(UUID eventId) {
    try {
      return deadLetters.find(eventId).orElseThrow(() -> ProblemException.notFound("dead-letter"));
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw brokerUnavailable(e);
    }
  }

  private List<DeadLetter> read() {
    try {
      return deadLetters.list();
    } catch (RuntimeException e) {
      throw brokerUnavailable(e);
    }
  }

  private static ProblemException brokerUnavailable(RuntimeException e) {
    LOG.warnf("cannot read the dead-letter topics: %s", e.toString());
    return new ProblemException(
        ProblemType.SERVICE_UNAVAILABLE, "service-unavailable.detail", "Kafka");
  }

  /** Another service's consumer is not here: as for any object out of reach, 404. */
  private void requireThisService(String consumer) {
    if (!config.service().equals(consumer)) {
      throw ProblemException.notFound("event-consumer");
    }
  }

  /**
   * What the handler threw, without database details: a driver's message can quote column values,
   * and in enrollment-service those are personal data. The log has the rest.
   */
  private static String brief(RuntimeException e) {
    if (e instanceof jakarta.persistence.PersistenceException
        || e.getCause() instanceof java.sql.SQLException) {
      return e.getClass().getSimpleName();
    }
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
  }
}
