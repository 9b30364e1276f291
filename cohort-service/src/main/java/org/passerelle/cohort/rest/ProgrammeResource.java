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
import org.passerelle.cohort.api.ChangeProgrammeRequest;
import org.passerelle.cohort.api.CreateProgrammeRequest;
import org.passerelle.cohort.api.ProgrammeView;
import org.passerelle.cohort.service.ReferenceDataService;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

/** The programmes: read by every authenticated caller, managed by platform admins. */
@Path("/api/v1/programmes")
@Tag(name = "Reference data", description = "Sites and programmes of the network")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RunOnVirtualThread
public class ProgrammeResource {

  private final ReferenceDataService service;
  private final CurrentScope scope;

  ProgrammeResource(ReferenceDataService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @Operation(operationId = "listProgrammes", summary = "List the programmes")
  public Page<ProgrammeView> programmes(
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: code, jobTrack, durationWeeks, certificationLevel. Default code.",
              example = "-durationWeeks")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.programmes(ReferenceDataService.PROGRAMMES.parse(sort), page, size);
  }

  @GET
  @Path("{code}")
  @Operation(
      operationId = "getProgramme",
      summary = "Read a programme, with its certification and competency blocks")
  @APIResponse(
      responseCode = "200",
      description = "The programme, with its ETag",
      content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
  public Response get(@PathParam("code") @Size(max = 64) String code) {
    ProgrammeView view = service.programme(code);
    return Responses.ok(view, view.version());
  }

  @POST
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(
      operationId = "createProgramme",
      summary = "Add a programme",
      description =
          "Platform admins only. The code never changes. The certification framework is one of"
              + " the configured ones (RNCP, MA-CNC), which set the levels (3 to 8) and the code"
              + " format (RNCP: RNCP followed by digits). Competency blocks in their order, codes"
              + " unique. 409 when the code exists.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull CreateProgrammeRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<ProgrammeView> outcome =
        service.createProgramme(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().code(), outcome.value().version(), outcome);
  }

  @PATCH
  @Path("{code}")
  @Consumes({MediaType.APPLICATION_JSON, CohortResource.MERGE_PATCH})
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(
      operationId = "changeProgramme",
      summary = "Change a programme's titles, job track, certification, duration or blocks",
      description =
          "Platform admins only. JSON merge patch: a field left out keeps its value, titles and"
              + " certification merge field by field, certification.code null removes the code,"
              + " competencyBlocks replaces the whole list. The certification is checked as it"
              + " is after the change. The code never changes. Needs If-Match with the ETag last"
              + " read (412 when the programme changed since).")
  @APIResponse(
      responseCode = "200",
      description = "The changed programme, with its new ETag",
      content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
  public Response change(
      @PathParam("code") @Size(max = 64) String code,
      @BeanParam IfMatch.Required ifMatch,
      @Valid @NotNull ChangeProgrammeRequest request) {
    ProgrammeView view = service.changeProgramme(code, request, ifMatch.matches());
    return Responses.ok(view, view.version());
  }
}
