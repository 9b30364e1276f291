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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.PartnerRole;
import org.passerelle.partnership.PartnerStatus;
import org.passerelle.partnership.api.ChangePartnerRequest;
import org.passerelle.partnership.api.PartnerRegistration;
import org.passerelle.partnership.api.PartnerView;
import org.passerelle.partnership.api.RegisterPartnerRequest;
import org.passerelle.partnership.service.PartnerSearchService;
import org.passerelle.partnership.service.PartnerService;

@Path("/api/v1/partners")
@Tag(name = "Partners", description = "Employers, funders and other partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PartnerResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final PartnerService service;
  private final PartnerSearchService search;
  private final CurrentScope scope;

  PartnerResource(PartnerService service, PartnerSearchService search, CurrentScope scope) {
    this.service = service;
    this.search = search;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "registerPartner",
      summary = "Register a partner",
      description =
          "Country admins for their country. The legal identifier follows its country's rule"
              + " (SIRET: 14 digits and its check digit; ICE: 15 digits; 400 otherwise) and is"
              + " unique in the country (409). Roles default to the kind's; sites must be of the"
              + " partner's country. Emits partner-registered.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response register(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull RegisterPartnerRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<PartnerView> outcome =
        service.register(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "registerPartnerWithId",
      summary = "Register a partner under a chosen id",
      description =
          "For organisations whose id is already known elsewhere: records migrated from another"
              + " system with stable ids, the partner organisations users' tokens name"
              + " (partner_id). Creates the partner with this id (201, emits partner-registered)."
              + " Idempotent: the same details sent again answer 200 with the partner and change"
              + " nothing; other details under an existing id are 409. Country admins for their"
              + " country.")
  @APIResponse(
      responseCode = "201",
      description = "Created at this address",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Already registered with these details; nothing changed",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response registerWithId(
      @PathParam("id") UUID id, @Valid @NotNull RegisterPartnerRequest request) {
    PartnerRegistration registration = service.registerWithId(id, request, scope.get());
    PartnerView view = registration.partner();
    // The partner is at the request's own address: no Location to build.
    return Response.status(registration.created() ? 201 : 200)
        .entity(view)
        .tag(Responses.etag(view.version()))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER
  })
  @Operation(operationId = "getPartner", summary = "Read a partner in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The partner",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response get(@PathParam("id") UUID id) {
    PartnerView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @GET
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER
  })
  @Operation(
      operationId = "listPartners",
      summary = "List the partners in your scope",
      description =
          "By name, then id, unless sort says otherwise. Staff and integrations see their country's partners, partner users"
              + " their own organisation. Filters combine: country, a role the partner has, a"
              + " site it serves, its status, and q (part of the name, any case, or the whole"
              + " legal identifier). Never the contacts.")
  public Page<PartnerView> list(
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @Parameter(
              description = "Partners having this role",
              schema = @Schema(implementation = PartnerRole.class))
          @QueryParam("role")
          @Size(max = 40)
          String role,
      @QueryParam("site") @Size(max = 64) @Pattern(regexp = PartnerView.SITE_CODE) String site,
      @Parameter(
              description = "Partners in this status",
              schema = @Schema(implementation = PartnerStatus.class))
          @QueryParam("status")
          @Size(max = 20)
          String status,
      @Parameter(description = "Part of the name, or the whole legal identifier")
          @QueryParam("q")
          @Size(max = 100)
          String q,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: name, country, kind, status, city, createdAt, updatedAt."
                      + " Default name, the order read from the scopes' indexes; another order"
                      + " sorts the whole of the caller's scope that matches.",
              example = "-createdAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return search.list(
        new PartnerSearchService.Filters(
            country,
            QueryParams.value(PartnerRole.class, "role", role),
            site,
            QueryParams.value(PartnerStatus.class, "status", status),
            q),
        PartnerSearchService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("me")
  @RolesAllowed(Roles.PARTNER)
  @Operation(
      operationId = "getMyPartner",
      summary = "Read your own organisation",
      description = "For partner users: the partner their token names (partner_id); 404 if none.")
  @APIResponse(
      responseCode = "200",
      description = "The partner",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response me() {
    PartnerView view = service.mine(scope.get());
    return Responses.ok(view, view.version());
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "changePartner",
      summary = "Change a partner's details or status",
      description =
          "JSON merge patch of name, kind, roles, status (ACTIVE or INACTIVE),"
              + " registrationNumber, sector, address and sites: a field left out keeps its"
              + " value, a list or the address sent replaces the whole of it; null removes the"
              + " legal identifier, sector or address, and empties the sites. The country never"
              + " changes. Needs If-Match with the ETag last read (428 without, 412 when the"
              + " partner changed since). Country admins for their country. Emits"
              + " partner-changed with the whole partner (never its contacts) when something"
              + " changed.")
  @APIResponse(
      responseCode = "200",
      description = "The partner, with its new ETag",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response change(
      @PathParam("id") UUID id,
      @BeanParam IfMatch.Required ifMatch,
      @Valid @NotNull ChangePartnerRequest request) {
    PartnerView view = service.change(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }
}
