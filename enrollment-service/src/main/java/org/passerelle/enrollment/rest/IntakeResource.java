package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.api.IntakeView;
import org.passerelle.enrollment.api.WaitlistEntry;
import org.passerelle.enrollment.service.IntakeService;
import org.passerelle.enrollment.service.WaitlistService;

@Path("/api/v1/intakes")
@Tag(
    name = "Intakes",
    description = "The recruitment side of cohorts, as cohort-service's events describe them")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
public class IntakeResource {

  private final IntakeService service;
  private final WaitlistService waitlist;
  private final CurrentScope scope;

  IntakeResource(IntakeService service, WaitlistService waitlist, CurrentScope scope) {
    this.service = service;
    this.waitlist = waitlist;
    this.scope = scope;
  }

  @GET
  @Operation(
      operationId = "listIntakes",
      summary = "List the intakes in your scope",
      description =
          "By start date, then id, unless sort says otherwise. Filters: country, site, cohort"
              + " status, and recruiting=true for the"
              + " intakes that take applications today (planned or recruiting, today within the"
              + " recruitment window), false for the others.")
  public Page<IntakeView> list(
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @QueryParam("site") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String site,
      @Parameter(description = "The cohort's status in cohort-service")
          @QueryParam("status")
          @Pattern(regexp = "PLANNED|RECRUITING|RUNNING|COMPLETED|CANCELLED")
          String status,
      @Parameter(description = "true: recruiting now; false: not taking applications today")
          @QueryParam("recruiting")
          @Pattern(regexp = "true|false")
          String recruiting,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: startDate, endDate, programme, site, country, status,"
                      + " updatedAt. Default startDate.",
              example = "site,-startDate")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        country,
        site,
        status,
        recruiting == null ? null : Boolean.valueOf(recruiting),
        IntakeService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getIntake", summary = "Read an intake in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The intake; its ETag is the cohort's version it reflects",
      content = @Content(schema = @Schema(implementation = IntakeView.class)))
  public Response get(@PathParam("id") UUID id) {
    IntakeView view = service.get(id, scope.get());
    return Responses.ok(view, view.cohortVersion());
  }

  @GET
  @Path("{id}/waitlist/entries")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "listIntakeWaitlistEntries",
      summary = "The intake's waitlist, in the order promotions follow",
      description =
          "The order is configured (passerelle.enrollment.waitlist.order), by default priority"
              + " publics first, then the test score, then the date waitlisted; position is the"
              + " place on the whole waitlist. A page of the list shape of every list.")
  public Page<WaitlistEntry> waitlistEntries(
      @PathParam("id") UUID id,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return Page.slice(waitlist.of(id, scope.get()), page, size);
  }

  @GET
  @Path("{id}/waitlist")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "getIntakeWaitlist",
      deprecated = true,
      summary = "The intake's whole waitlist as a bare array (deprecated)",
      description =
          "Deprecated: removed after 2027-06-30; use listIntakeWaitlistEntries"
              + " (GET /api/v1/intakes/{id}/waitlist/entries), the same entries in the list shape"
              + " of every list. Answers carry Deprecation, Sunset and a Link to it. The order is"
              + " configured (passerelle.enrollment.waitlist.order), by default priority publics"
              + " first, then the test score, then the date waitlisted.")
  @APIResponse(
      responseCode = "200",
      description = "The whole waitlist, in order",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WaitlistEntry.class)))
  public Response waitlist(@PathParam("id") UUID id, @Context UriInfo uri) {
    List<WaitlistEntry> entries = waitlist.of(id, scope.get());
    return Deprecations.ok(
        entries,
        Deprecations.ISSUE_20_DEPRECATED,
        Deprecations.ISSUE_20_SUNSET,
        Responses.location(uri, "entries"));
  }
}
