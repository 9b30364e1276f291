package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.api.RetentionRunView;
import org.passerelle.enrollment.api.StartRetentionRunRequest;
import org.passerelle.enrollment.service.RetentionRunService;

@Path("/api/v1/retention-runs")
@Tag(
    name = "Retention",
    description = "Applicants who never enrolled are erased after their country's retention period")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
public class RetentionRunResource {

  private final RetentionRunService runs;
  private final CurrentScope scope;

  RetentionRunResource(RetentionRunService runs, CurrentScope scope) {
    this.runs = runs;
    this.scope = scope;
  }

  @GET
  @Operation(
      operationId = "listRetentionRuns",
      summary = "The retention job's runs",
      description =
          "Newest first unless sort says otherwise. Platform admins see every country's, country"
              + " admins their country's.")
  public Page<RetentionRunView> list(
      @QueryParam("country") @Pattern(regexp = "[A-Z]{2}") String country,
      @QueryParam("status") @Pattern(regexp = "RUNNING|SUCCEEDED|FAILED") String status,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: startedAt, finishedAt, country, status, erased. Default"
                      + " -startedAt (newest first).",
              example = "-erased")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return runs.list(
        country, status, RetentionRunService.SORTING.parse(sort), page, size, scope.get());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getRetentionRun", summary = "One run of the retention job")
  public RetentionRunView get(@PathParam("id") UUID id) {
    return runs.get(id, scope.get());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startRetentionRun",
      summary = "Run a country's retention now",
      description =
          "Erases, as POST /api/v1/applicants/{id}/erase does, the country's applicants who"
              + " never enrolled and whose last activity is older than the country's retention"
              + " period (passerelle.enrollment.countries.<C>.retention), and answers with the"
              + " finished run. Platform admins for any configured country, country admins for"
              + " theirs. 409 while a run of that country is going on. Running it again is"
              + " harmless: what was erased is not due any more.")
  @APIResponse(
      responseCode = "201",
      description = "The finished run (SUCCEEDED, or FAILED with the number not erased)",
      content = @Content(schema = @Schema(implementation = RetentionRunView.class)))
  public Response start(@Valid @NotNull StartRetentionRunRequest request, @Context UriInfo uri) {
    RetentionRunView run = runs.start(request.country(), scope.get());
    return Response.created(Responses.location(uri, run.id().toString())).entity(run).build();
  }
}
