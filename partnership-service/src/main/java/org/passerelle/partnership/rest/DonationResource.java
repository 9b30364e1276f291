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
import org.passerelle.partnership.api.DonationView;
import org.passerelle.partnership.api.DonorSummary;
import org.passerelle.partnership.api.RecordDonationRequest;
import org.passerelle.partnership.service.DonationService;

@Path("/api/v1/donations")
@Tag(name = "Donations", description = "Computers partners give, received by the sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DonationResource {

  private final DonationService service;
  private final CurrentScope scope;

  DonationResource(DonationService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "recordDonation",
      summary = "Record a donation of computers",
      description =
          "Staff of the receiving site (and above). The donor is a partner of the site's country"
              + " (422 otherwise); a serial number already in the country's stock is 409. Each"
              + " item becomes a device RECEIVED at the site.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = DonationView.class)))
  public Response record(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull RecordDonationRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<DonationView> outcome =
        service.record(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "listDonations",
      summary = "List donations in your scope",
      description =
          "Staff see the donations received by their sites (country admins their country);"
              + " partner users their own organisation's. year: donated in that calendar year.")
  public Page<DonationView> list(
      @QueryParam("donor") @Size(max = 36) String donor,
      @QueryParam("site") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String site,
      @QueryParam("year") @Min(2000) @Max(2100) Integer year,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: donatedOn, createdAt, site, units. Default"
                      + " -donatedOn,-createdAt (newest first).",
              example = "site,-donatedOn")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @jakarta.ws.rs.DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
          int size) {
    return service.list(
        new DonationService.Filters(QueryParams.uuid("donor", donor), site, year),
        DonationService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "getDonation",
      summary = "Read a donation",
      description = "Staff of the receiving site (and above), or the donor's users.")
  @APIResponse(
      responseCode = "200",
      description = "The donation and where each of its computers is in its life",
      content = @Content(schema = @Schema(implementation = DonationView.class)))
  public Response get(@PathParam("id") UUID id) {
    DonationView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @GET
  @Path("summary")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.PARTNER})
  @Operation(
      operationId = "getDonorSummary",
      summary = "A donor's year of donations",
      description =
          "Units and declared value (a total per currency) the donor gave in a calendar year, and"
              + " each donation, for its social-responsibility report. Country admins of the"
              + " donor's country, or the donor's users. The same as CSV at summary.csv.")
  @APIResponse(
      responseCode = "200",
      description = "The summary",
      content = @Content(schema = @Schema(implementation = DonorSummary.class)))
  public DonorSummary summary(
      @QueryParam("donor") @NotNull @Size(max = 36) String donor,
      @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
    return service.summary(QueryParams.uuid("donor", donor), year, scope.get());
  }

  @GET
  @Path("summary.csv")
  @Produces(DonorSummaryCsv.TEXT_CSV)
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.PARTNER})
  @Operation(
      operationId = "getDonorSummaryCsv",
      summary = "A donor's year of donations, as CSV",
      description =
          "getDonorSummary as CSV (RFC 4180, UTF-8, a header line): one line per donation, then"
              + " one total line per currency.")
  @APIResponse(
      responseCode = "200",
      description = "The summary",
      content =
          @Content(
              mediaType = DonorSummaryCsv.TEXT_CSV,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public Response summaryCsv(
      @QueryParam("donor") @NotNull @Size(max = 36) String donor,
      @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
    DonorSummary summary = service.summary(QueryParams.uuid("donor", donor), year, scope.get());
    return Response.ok(DonorSummaryCsv.of(summary))
        .type(DonorSummaryCsv.TEXT_CSV + "; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"donations-" + summary.donorId() + "-" + year + ".csv\"")
        .build();
  }
}
