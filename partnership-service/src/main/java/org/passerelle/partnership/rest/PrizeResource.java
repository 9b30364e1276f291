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
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.api.AwardPrizeRequest;
import org.passerelle.partnership.api.CreateConventionRequest;
import org.passerelle.partnership.api.PrizeView;
import org.passerelle.partnership.service.PrizeService;

@Path("/api/v1/prizes")
@Tag(name = "Prizes", description = "Prizes partners award to learners and educators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PrizeResource {

  private final PrizeService service;
  private final CurrentScope scope;

  PrizeResource(PrizeService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "awardPrize",
      summary = "Record a prize a partner awarded",
      description =
          "To learners (learnerIds) or educators (names), at a site of yours, by a partner of"
              + " that country. Under a prizes commitment (commitmentId) it counts one towards"
              + " it. Emits prize-awarded (learnerIds, never names).")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = PrizeView.class)))
  public Response award(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull AwardPrizeRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<PrizeView> outcome =
        service.award(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "listPrizes",
      summary = "List the prizes in your scope",
      description = "Newest first. Staff of their sites or country; partners their own.")
  public Page<PrizeView> list(
      @QueryParam("partnerId") @Size(max = 36) String partnerId,
      @QueryParam("conventionId") @Size(max = 36) String conventionId,
      @QueryParam("site") @Pattern(regexp = CreateConventionRequest.SITE) String site,
      @QueryParam("learnerId") @Size(max = 36) String learnerId,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: awardedOn, title, site, country, createdAt. Default -awardedOn"
                      + " (newest first).",
              example = "site,-awardedOn")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new PrizeService.Filters(
            QueryParams.uuid("partnerId", partnerId),
            QueryParams.uuid("conventionId", conventionId),
            site,
            QueryParams.uuid("learnerId", learnerId)),
        PrizeService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("mine")
  @RolesAllowed(Roles.LEARNER)
  @Operation(
      operationId = "listMyPrizes",
      summary = "The prizes awarded to you",
      description =
          "Learners: the prizes awarded to them, alone or in a group, newest first; how many"
              + " received each, never who. Empty until enrollment linked the account to the"
              + " learner.")
  public Page<PrizeView> mine(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.mine(page, size, scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(operationId = "getPrize", summary = "Read a prize in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The prize",
      content = @Content(schema = @Schema(implementation = PrizeView.class)))
  public Response get(@PathParam("id") UUID id) {
    PrizeView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }
}
