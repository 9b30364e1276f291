package org.passerelle.cohort.rest;

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
import org.passerelle.cohort.CertificationOutcome;
import org.passerelle.cohort.api.CertificationResultView;
import org.passerelle.cohort.api.RecordCertificationRequest;
import org.passerelle.cohort.service.CertificationService;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

@Path("/api/v1/cohorts/{cohortId}/certification-results")
@Tag(name = "Certification", description = "Juries' results and the certificates they issue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CertificationResultResource {

  private final CertificationService service;
  private final CurrentScope scope;

  CertificationResultResource(CertificationService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "recordCertificationResult",
      summary = "Record a jury's result for an active learner",
      description =
          "While the cohort runs or once it has completed (409 otherwise). The learner, active in"
              + " the cohort, completes their training (409 illegal-transition from any other"
              + " status, e.g. already completed or withdrawn; 422 when not in the cohort)."
              + " CERTIFIED and PARTIALLY_CERTIFIED issue a certificate with a public"
              + " verification id; a partial certification names the blocks validated (some of"
              + " the programme's, not all). The date is not before the cohort's start nor after"
              + " today at its site. The learner's training ends on the jury's day (or on the"
              + " last day they attended, when later): a result recorded after the fact completes"
              + " them on that day, which learner-completed's completedAt carries (its start at"
              + " the site; the time of recording when the day is today). Emits learner-completed"
              + " with the certification.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location is the learner's result",
      content = @Content(schema = @Schema(implementation = CertificationResultView.class)))
  public Response record(
      @PathParam("cohortId") UUID cohortId,
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull RecordCertificationRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<CertificationResultView> outcome =
        service.record(cohortId, request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().learnerId(), outcome.value().version(), outcome);
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "listCertificationResults",
      summary = "List a cohort's certification results",
      description =
          "The results recorded for a cohort in your scope, oldest first unless sort says"
              + " otherwise, each with its"
              + " certificate's public id and status. Integrations get juryReference null.")
  @APIResponse(responseCode = "200", description = "One page of results")
  public Page<CertificationResultView> list(
      @PathParam("cohortId") UUID cohortId,
      @Parameter(
              description = "Only this outcome",
              schema = @Schema(implementation = CertificationOutcome.class))
          @QueryParam("outcome")
          String outcome,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: recordedAt, certifiedOn, outcome. Default recordedAt (oldest"
                      + " first).",
              example = "outcome,-certifiedOn")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        cohortId,
        QueryParams.value(CertificationOutcome.class, "outcome", outcome),
        CertificationService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{learnerId}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "getCertificationResult",
      summary = "Read a learner's certification result",
      description =
          "404 when the cohort is outside your scope or no result was recorded. Integrations get"
              + " juryReference null.")
  @APIResponse(
      responseCode = "200",
      description = "The result, with its certificate if one was issued",
      content = @Content(schema = @Schema(implementation = CertificationResultView.class)))
  public Response get(
      @PathParam("cohortId") UUID cohortId, @PathParam("learnerId") UUID learnerId) {
    CertificationResultView view = service.get(cohortId, learnerId, scope.get());
    return Responses.ok(view, view.version());
  }
}
