package org.passerelle.partnership.rest;

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
import java.util.List;
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
import org.passerelle.partnership.ConventionStatus;
import org.passerelle.partnership.api.ConventionView;
import org.passerelle.partnership.api.CreateConventionRequest;
import org.passerelle.partnership.api.RenewConventionRequest;
import org.passerelle.partnership.api.SignConventionRequest;
import org.passerelle.partnership.api.TerminateConventionRequest;
import org.passerelle.partnership.service.ConventionService;

@Path("/api/v1/conventions")
@Tag(name = "Conventions", description = "Partnership conventions and their life")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ConventionResource {

  private final ConventionService service;
  private final CurrentScope scope;

  ConventionResource(ConventionService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "createConvention",
      summary = "Draft a convention with a partner",
      description =
          "A draft for a partner of the same country (400 otherwise), covering sites of that"
              + " country. Country admins for their country.")
  @APIResponse(
      responseCode = "201",
      description = "Created, as a draft",
      content = @Content(schema = @Schema(implementation = ConventionView.class)))
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull CreateConventionRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<ConventionView> outcome =
        service.create(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "listConventions",
      summary = "List the conventions in your scope",
      description =
          "By end date, then id, unless sort says otherwise. Admins see their country's, site"
              + " staff those covering one of"
              + " their sites, partners their own. expiringWithinDays keeps signed or active"
              + " conventions ending between today and that many days from now.")
  public Page<ConventionView> list(
      @QueryParam("partnerId") @Size(max = 36) String partnerId,
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @QueryParam("site") @Pattern(regexp = CreateConventionRequest.SITE) String site,
      @Parameter(
              description = "Conventions in any of these statuses",
              schema = @Schema(type = SchemaType.ARRAY, implementation = ConventionStatus.class))
          @QueryParam("status")
          @Size(max = 5)
          List<@Size(max = 20) String> statuses,
      @Parameter(description = "Signed or active conventions ending within this many days")
          @QueryParam("expiringWithinDays")
          @Min(0)
          @Max(3660)
          Integer expiringWithinDays,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: endsOn, startsOn, signedOn, status, createdAt. Default endsOn.",
              example = "status,-signedOn")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new ConventionService.Filters(
            QueryParams.uuid("partnerId", partnerId),
            country,
            site,
            QueryParams.values(ConventionStatus.class, "status", statuses),
            expiringWithinDays),
        ConventionService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(operationId = "getConvention", summary = "Read a convention in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The convention",
      content = @Content(schema = @Schema(implementation = ConventionView.class)))
  public Response get(@PathParam("id") UUID id) {
    ConventionView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/sign")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "signConvention",
      summary = "Record a draft's signature",
      description =
          "Draft to signed (409 illegal-transition otherwise); the daily job activates it on its"
              + " start date. The signature date may not be in the future. Country admins for"
              + " their country. If-Match, when sent, must name the current version (412).")
  @APIResponse(
      responseCode = "200",
      description = "The convention, with its new ETag",
      content = @Content(schema = @Schema(implementation = ConventionView.class)))
  public Response sign(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull SignConventionRequest request) {
    ConventionView view = service.sign(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/terminate")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "terminateConvention",
      summary = "End a convention early, with a reason",
      description =
          "Signed or active to terminated (409 illegal-transition otherwise). Country admins for"
              + " their country. If-Match, when sent, must name the current version (412).")
  @APIResponse(
      responseCode = "200",
      description = "The convention, with its new ETag",
      content = @Content(schema = @Schema(implementation = ConventionView.class)))
  public Response terminate(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull TerminateConventionRequest request) {
    ConventionView view = service.terminate(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/renew")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "renewConvention",
      summary = "Draft the successor of a signed convention",
      description =
          "A draft with the same partner, country, sites and programmes, linked to this one"
              + " (predecessorId); it starts the day after this one ends unless told. One"
              + " successor per convention (409 once renewed); a draft or terminated convention"
              + " is not renewed (409).")
  @APIResponse(
      responseCode = "201",
      description = "The successor, as a draft",
      content = @Content(schema = @Schema(implementation = ConventionView.class)))
  public Response renew(
      @PathParam("id") UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull RenewConventionRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<ConventionView> outcome =
        service.renew(id, request, idempotencyKey.value(), scope.get());
    return Response.created(
            Responses.location(uri).resolve("../" + outcome.value().id()).normalize())
        .entity(outcome.value())
        .tag(Responses.etag(outcome.value().version()))
        .header(Responses.REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }
}
