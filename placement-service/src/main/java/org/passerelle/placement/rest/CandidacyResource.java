package org.passerelle.placement.rest;

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
import org.passerelle.placement.CandidacyStatus;
import org.passerelle.placement.api.CandidacyMoveRequest;
import org.passerelle.placement.api.CandidacyRequest;
import org.passerelle.placement.api.CandidacyView;
import org.passerelle.placement.service.CandidacyService;

@Path("/api/v1/candidacies")
@Tag(name = "Candidacies", description = "Learners' candidacies to job offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CandidacyResource {

  private final CandidacyService service;
  private final CurrentScope scope;

  CandidacyResource(CandidacyService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.LEARNER})
  @Operation(
      operationId = "createCandidacy",
      summary = "Propose a learner for a job offer, or apply to it",
      description =
          "Staff propose a learner of their sites (learnerId; 422 when the learner is not known"
              + " here within their scope, or trains in another country than the offer): status"
              + " PROPOSED. A learner applies for themself (their account linked by enrollment;"
              + " 403 otherwise): status APPLIED. The offer must be published (409 otherwise);"
              + " one candidacy per learner and offer (409). Emits candidacy-changed.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = CandidacyView.class)))
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull CandidacyRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<CandidacyView> outcome =
        service.create(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER,
    Roles.LEARNER
  })
  @Operation(
      operationId = "listCandidacies",
      summary = "List the candidacies in your scope",
      description =
          "Newest first. Staff see those of their sites' learners and offers, a partner those"
              + " to its offers whose learner consents to sharing their profile with employers,"
              + " a learner their own (none before enrollment linked their account).")
  public Page<CandidacyView> list(
      @QueryParam("jobOfferId") @Size(max = 36) String jobOfferId,
      @QueryParam("learnerId") @Size(max = 36) String learnerId,
      @Parameter(
              description = "Candidacies in any of these statuses",
              schema = @Schema(type = SchemaType.ARRAY, implementation = CandidacyStatus.class))
          @QueryParam("status")
          @Size(max = 8)
          List<@Size(max = 20) String> statuses,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: createdAt, changedAt, status, startDate, site. Default"
                      + " -createdAt (newest first).",
              example = "status,-changedAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new CandidacyService.Filters(
            QueryParams.uuid("jobOfferId", jobOfferId),
            QueryParams.uuid("learnerId", learnerId),
            QueryParams.values(CandidacyStatus.class, "status", statuses)),
        CandidacyService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER,
    Roles.LEARNER
  })
  @Operation(operationId = "getCandidacy", summary = "Read a candidacy in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The candidacy",
      content = @Content(schema = @Schema(implementation = CandidacyView.class)))
  public Response get(@PathParam("id") UUID id) {
    CandidacyView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/status")
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.PARTNER,
    Roles.LEARNER
  })
  @Operation(
      operationId = "moveCandidacy",
      summary = "Move a candidacy to its next state",
      description =
          "PROPOSED or APPLIED, then INTERVIEWING, OFFERED, and HIRED, DECLINED, WITHDRAWN or"
              + " NOT_RETAINED (409 illegal-transition otherwise). The learner takes up a"
              + " proposal (APPLIED), declines or withdraws; the employer partner interviews,"
              + " offers, hires or does not retain (403 for another step); staff of the"
              + " learner's or the offer's site do any step. HIRED needs startDate, the job's"
              + " first day (400 otherwise, and for any other state): it records the placement"
              + " and fills the offer once its openings are all hired. Emits candidacy-changed."
              + " If-Match, when sent, must name the current version (412).")
  @APIResponse(
      responseCode = "200",
      description = "The candidacy, with its new ETag",
      content = @Content(schema = @Schema(implementation = CandidacyView.class)))
  public Response move(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull CandidacyMoveRequest request) {
    CandidacyView view = service.move(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }
}
