package org.passerelle.placement.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.PlacementSource;
import org.passerelle.placement.PlacementStatus;
import org.passerelle.placement.Situation;
import org.passerelle.placement.api.DismissPlacementRequest;
import org.passerelle.placement.api.PlacementView;
import org.passerelle.placement.api.RecordPlacementRequest;
import org.passerelle.placement.api.SituationReport;
import org.passerelle.placement.service.PlacementService;

@Path("/api/v1/placements")
@Tag(name = "Placements", description = "Learners' situations after the training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PlacementResource {

  static final String SITE = "(FR|MA)-[A-Z0-9-]{1,61}";

  private final PlacementService service;
  private final CurrentScope scope;

  PlacementResource(PlacementService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.LEARNER})
  @Operation(
      operationId = "recordPlacement",
      summary = "Record a learner's situation at a date",
      description =
          "Staff for a learner of their scope (learnerId; source EMPLOYER or LEARNER, who told"
              + " them), a learner for themself (source LEARNER). Durable employment is decided"
              + " by the learner's country's rule. Emits placement-recorded.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = PlacementView.class)))
  public Response record(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull RecordPlacementRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<PlacementView> outcome =
        service.record(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.LEARNER
  })
  @Operation(
      operationId = "listPlacements",
      summary = "List the placements in your scope",
      description =
          "Newest situation first. Staff of their sites or country, integrations their country"
              + " (codes only), learners their own.")
  public Page<PlacementView> list(
      @QueryParam("learnerId") @Size(max = 36) String learnerId,
      @QueryParam("site") @Pattern(regexp = SITE) String site,
      @QueryParam("situation") @Size(max = 30) String situation,
      @QueryParam("status") @Size(max = 30) String status,
      @QueryParam("source") @Size(max = 30) String source,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"true", "false"}))
          @QueryParam("durableEmployment")
          @Pattern(regexp = "true|false")
          String durableEmployment,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: situationOn, startDate, status, situation, site, recordedAt."
                      + " Default -situationOn (latest first).",
              example = "site,-situationOn")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new PlacementService.Filters(
            QueryParams.uuid("learnerId", learnerId),
            site,
            QueryParams.value(Situation.class, "situation", situation),
            QueryParams.value(PlacementStatus.class, "status", status),
            QueryParams.value(PlacementSource.class, "source", source),
            durableEmployment == null ? null : Boolean.valueOf(durableEmployment)),
        PlacementService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.LEARNER
  })
  @Operation(operationId = "getPlacement", summary = "Read a placement in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The placement",
      content = @Content(schema = @Schema(implementation = PlacementView.class)))
  public Response get(@PathParam("id") UUID id) {
    PlacementView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/confirm")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "confirmPlacement",
      summary = "Confirm the placement of a learner who left for a job",
      description =
          "TO_CONFIRM to RECORDED with the situation staff learned (409 illegal-transition"
              + " otherwise). If-Match, when sent, must name the current version (412 otherwise)."
              + " Emits placement-recorded.")
  @APIResponse(
      responseCode = "200",
      description = "The placement, with its new ETag",
      content = @Content(schema = @Schema(implementation = PlacementView.class)))
  public Response confirm(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull SituationReport report) {
    PlacementView view = service.confirm(id, report, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/dismiss")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "dismissPlacement",
      summary = "Dismiss the placement of a learner who left for a job that fell through",
      description =
          "TO_CONFIRM to DISMISSED with a coded reason (JOB_FELL_THROUGH, NOT_A_JOB, DUPLICATE,"
              + " OTHER with a note), 409 illegal-transition otherwise. If-Match, when sent, must"
              + " name the current version (412 otherwise). Emits nothing: nothing was recorded.")
  @APIResponse(
      responseCode = "200",
      description = "The placement, with its new ETag",
      content = @Content(schema = @Schema(implementation = PlacementView.class)))
  public Response dismiss(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull DismissPlacementRequest request) {
    PlacementView view = service.dismiss(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }
}
