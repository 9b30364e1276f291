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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.api.CloseIndicatorPeriodRequest;
import org.passerelle.placement.api.CorrectIndicatorClosureRequest;
import org.passerelle.placement.api.IndicatorClosureView;
import org.passerelle.placement.service.IndicatorClosureService;

@Path("/api/v1/indicators/closures")
@Tag(name = "Indicators", description = "Impact indicators, closed periods and exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class IndicatorClosureResource {

  private final IndicatorClosureService service;
  private final CurrentScope scope;

  IndicatorClosureResource(IndicatorClosureService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "closeIndicatorPeriod",
      summary = "Close a country's indicator period",
      description =
          "A country admin for their country, a platform admin for any, once the period is over"
              + " (to before today): the facts of its learners and applications are frozen as"
              + " revision 1, and GET /api/v1/indicators for exactly this period reads them,"
              + " whatever events arrive later. 409 when the period is closed already.")
  @APIResponse(
      responseCode = "201",
      description = "Closed",
      content = @Content(schema = @Schema(implementation = IndicatorClosureView.class)))
  public Response close(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull CloseIndicatorPeriodRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<IndicatorClosureView> outcome =
        service.close(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @POST
  @Path("{id}/corrections")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "correctIndicatorClosure",
      summary = "Correct a closed period from the live facts",
      description =
          "Freezes the period's facts again from what placement-service knows now, as the next"
              + " revision, with the reason given; figures of the period follow it from then on.")
  @APIResponse(
      responseCode = "200",
      description = "The closure with its new revision and ETag",
      content = @Content(schema = @Schema(implementation = IndicatorClosureView.class)))
  public Response correct(
      @PathParam("id") UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull CorrectIndicatorClosureRequest request) {
    IdempotencyKeys.Outcome<IndicatorClosureView> outcome =
        service.correct(id, request, idempotencyKey.value(), scope.get());
    return Response.ok(outcome.value())
        .tag(Responses.etag(outcome.value().version()))
        .header(Responses.REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "listIndicatorClosures",
      summary = "List the closed indicator periods of your country",
      description =
          "Newest period first unless sort says otherwise, each with its revisions (why and when"
              + " corrected).")
  public Page<IndicatorClosureView> list(
      @QueryParam("country") @Pattern(regexp = "[A-Z]{2}") String country,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: periodTo, periodFrom, closedAt, country. Default"
                      + " -periodTo,-periodFrom (newest period first).",
              example = "-closedAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        country, IndicatorClosureService.SORTING.parse(sort), page, size, scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(operationId = "getIndicatorClosure", summary = "Read a closed indicator period")
  @APIResponse(
      responseCode = "200",
      description = "The closure",
      content = @Content(schema = @Schema(implementation = IndicatorClosureView.class)))
  public Response get(@PathParam("id") UUID id) {
    IndicatorClosureView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }
}
