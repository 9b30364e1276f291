package org.passerelle.cohort.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.api.ChangeSiteRequest;
import org.passerelle.cohort.api.CreateSiteRequest;
import org.passerelle.cohort.api.SiteView;
import org.passerelle.cohort.service.ReferenceDataService;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

/** The network's sites: read by every authenticated caller, managed by platform admins. */
@Path("/api/v1/sites")
@Tag(name = "Reference data", description = "Sites and programmes of the network")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RunOnVirtualThread
public class SiteResource {

  private final ReferenceDataService service;
  private final CurrentScope scope;

  SiteResource(ReferenceDataService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @Operation(operationId = "listSites", summary = "List the network's sites")
  public Page<SiteView> sites(
      @QueryParam("country") @jakarta.validation.constraints.Pattern(regexp = "FR|MA")
          String country,
      @Parameter(
              description =
                  Sorting.SYNTAX + " Fields: code, name, city, region, country. Default code.",
              example = "country,name")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.sites(country, ReferenceDataService.SITES.parse(sort), page, size);
  }

  @GET
  @Path("{code}")
  @Operation(operationId = "getSite", summary = "Read a site")
  @APIResponse(
      responseCode = "200",
      description = "The site, with its ETag",
      content = @Content(schema = @Schema(implementation = SiteView.class)))
  public Response get(@PathParam("code") @Size(max = 64) String code) {
    SiteView view = service.site(code);
    return Responses.ok(view, view.version());
  }

  @POST
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(
      operationId = "createSite",
      summary = "Add a site to the network",
      description =
          "Platform admins only. The code starts with the country (FR-SEVRAN) and never changes;"
              + " the time zone is an IANA region id (Europe/Paris). 409 when the code exists.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = SiteView.class)))
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull CreateSiteRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<SiteView> outcome =
        service.createSite(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().code(), outcome.value().version(), outcome);
  }

  @PATCH
  @Path("{code}")
  @Consumes({MediaType.APPLICATION_JSON, CohortResource.MERGE_PATCH})
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(
      operationId = "changeSite",
      summary = "Change a site's name, city, region or time zone",
      description =
          "Platform admins only. JSON merge patch of name, city, region and timeZone: a field left"
              + " out keeps its value; the code and the country never change. Needs If-Match with"
              + " the ETag last read (412 when the site changed since).")
  @APIResponse(
      responseCode = "200",
      description = "The changed site, with its new ETag",
      content = @Content(schema = @Schema(implementation = SiteView.class)))
  public Response change(
      @PathParam("code") @Size(max = 64) String code,
      @BeanParam IfMatch.Required ifMatch,
      @Valid @NotNull ChangeSiteRequest request) {
    SiteView view = service.changeSite(code, request, ifMatch.matches());
    return Responses.ok(view, view.version());
  }
}
