package org.passerelle.cohort.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.service.CohortService;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.problem.ProblemType;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

@Path("/api/v1/cohorts")
@Tag(name = "Cohorts", description = "Cohorts of a programme at a site")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CohortResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final CohortService service;
  private final CurrentScope scope;

  CohortResource(CohortService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "scheduleCohort",
      summary = "Schedule a cohort",
      description = "Within the caller's country or sites. Emits cohort-scheduled.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response schedule(
      @Parameter(description = "Retries with the same key return the first result")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @Valid @NotNull ScheduleCohortRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<CohortView> outcome =
        service.schedule(request, idempotencyKey, scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "changeCohort",
      summary = "Change a cohort's dates or capacity",
      description =
          "JSON merge patch of startDate, endDate and capacity: a field left out keeps its"
              + " value. Needs If-Match with the ETag last read (412 when the cohort changed"
              + " since). Only while the cohort is planned or recruiting (409 otherwise)."
              + " Emits cohort-changed with the whole cohort.")
  @APIResponse(
      responseCode = "200",
      description = "The changed cohort, with its new ETag",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response change(
      @PathParam("id") UUID id,
      @Parameter(description = "The ETag of the cohort as last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull ChangeCohortRequest request,
      @Context Request http) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "precondition-required.detail");
    }
    CohortView view =
        service.change(
            id,
            request,
            version -> http.evaluatePreconditions(Responses.etag(version)) == null,
            scope.get());
    return Responses.ok(view, view.version());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(operationId = "getCohort", summary = "Read a cohort in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The cohort, with the applications it received",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response get(@PathParam("id") UUID id) {
    CohortView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }
}
