package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.enrollment.api.OpenIntake;
import org.passerelle.enrollment.service.OpenIntakeService;

/** The intakes open to applications today, public like a school's own leaflet (ADR 0039). */
@Path("/api/v1/intakes/open")
@Tag(
    name = "Intakes",
    description = "The recruitment side of cohorts, as cohort-service's events describe them")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class OpenIntakeResource {

  private final OpenIntakeService service;

  OpenIntakeResource(OpenIntakeService service) {
    this.service = service;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "listOpenIntakes",
      summary = "List the intakes you may apply to today (no token needed)",
      description =
          "Intakes whose cohort is planned or recruiting and whose recruitment window includes"
              + " today, by start date unless sort says otherwise: programme, site, dates,"
              + " capacity and seats left, nothing about applicants. Public: a learner portal"
              + " shows them before sign-in; through"
              + " the gateway, an anonymous caller names the country in X-Passerelle-Country."
              + " Apply with POST /api/v1/applications and the intake's id as intakeId.")
  public Page<OpenIntake> list(
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @QueryParam("site") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String site,
      @QueryParam("programme") @Pattern(regexp = "[A-Z0-9]{1,20}(-[A-Z0-9]{1,20}){0,4}")
          String programme,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: startDate, endDate, programme, site, country. Default startDate.",
              example = "programme,startDate")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new OpenIntakeService.Filters(country, site, programme),
        OpenIntakeService.SORTING.parse(sort),
        page,
        size);
  }
}
