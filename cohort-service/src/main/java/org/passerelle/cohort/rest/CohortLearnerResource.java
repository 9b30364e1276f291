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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.api.EnrolLearnersRequest;
import org.passerelle.cohort.api.EnrolmentView;
import org.passerelle.cohort.api.LearnerView;
import org.passerelle.cohort.api.TransferLearnersRequest;
import org.passerelle.cohort.api.TransferView;
import org.passerelle.cohort.api.WithdrawLearnerRequest;
import org.passerelle.cohort.service.LearnerService;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

@Path("/api/v1/cohorts/{cohortId}/learners")
@Tag(name = "Learners", description = "Learners in a cohort: seats, withdrawals, transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CohortLearnerResource {

  private final LearnerService service;
  private final CurrentScope scope;

  CohortLearnerResource(LearnerService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "listCohortLearners",
      summary = "List a cohort's learners",
      description =
          "The learners of a cohort in your scope (404 otherwise), oldest seat first unless sort"
              + " says"
              + " otherwise, optionally"
              + " only those in the given statuses (repeat status). Integrations read the same"
              + " list without staff's exit comments.")
  @APIResponse(responseCode = "200", description = "One page of learners")
  public Page<LearnerView> list(
      @PathParam("cohortId") UUID cohortId,
      @Parameter(
              description = "Only learners in these statuses; repeatable",
              schema = @Schema(type = SchemaType.ARRAY, implementation = LearnerStatus.class))
          @QueryParam("status")
          @Size(max = 5)
          List<@Size(max = 20) String> status,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: enrolledAt, status, withdrawnAt, completedAt. Default"
                      + " enrolledAt (oldest seat first).",
              example = "status,enrolledAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        cohortId,
        QueryParams.values(LearnerStatus.class, "status", status),
        LearnerService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{learnerId}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "getCohortLearner",
      summary = "Read a learner's seat in a cohort",
      description =
          "404 when the cohort is out of your scope or the learner not in it. The ETag is the"
              + " seat's version, for If-Match on withdraw. Integrations get exitComment null.")
  @APIResponse(
      responseCode = "200",
      description = "The learner's seat",
      content = @Content(schema = @Schema(implementation = LearnerView.class)))
  public Response get(
      @PathParam("cohortId") UUID cohortId, @PathParam("learnerId") UUID learnerId) {
    LearnerView view = service.get(cohortId, learnerId, scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{learnerId}/withdraw")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "withdrawCohortLearner",
      summary = "Record that a learner left the school",
      description =
          "Enrolled or active to withdrawn (409 illegal-transition otherwise), with the coded"
              + " exit reason and an optional comment kept for staff. If-Match, when sent, must"
              + " name the seat's current version (412 otherwise). Emits learner-withdrew (the"
              + " reason, never the comment); before the cohort starts, also seat-freed so the"
              + " waitlist moves. A departure recorded after the fact names its day in"
              + " withdrawnOn (400 when after today at the site, before the start of a started"
              + " cohort, or on or before a day the learner attended): the learner counts as"
              + " having left on that day (learner-withdrew's withdrawnAt is its start at the"
              + " site).")
  @APIResponse(
      responseCode = "200",
      description = "The withdrawn learner, with the seat's new ETag",
      content = @Content(schema = @Schema(implementation = LearnerView.class)))
  public Response withdraw(
      @PathParam("cohortId") UUID cohortId,
      @PathParam("learnerId") UUID learnerId,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull WithdrawLearnerRequest request) {
    LearnerView view =
        service.withdraw(cohortId, learnerId, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "enrolCohortLearners",
      summary = "Seat a list of learners in a cohort",
      description =
          "1 to 100 learners, each with the application the seat comes from, into a planned,"
              + " recruiting or running cohort (409 otherwise; in a running one they are active at"
              + " once). All or nothing: learners already seated here are left as they are and"
              + " listed; the others need one free seat each, or nothing changes (409 saying how"
              + " many seats are left). Each learner comes with an application of theirs that"
              + " enrollment-service announced (application-submitted, -accepted, -withdrawn) in"
              + " the cohort's country: 422 naming learners[i].learnerId or"
              + " learners[i].applicationId otherwise. A learner who withdrew or was transferred"
              + " away comes back"
              + " on the same row. The same learner or application twice in the list is 400."
              + " Emits learner-enrolled for each learner seated. Retries with the same"
              + " Idempotency-Key return the first result.")
  @APIResponse(
      responseCode = "200",
      description = "The learners seated and those already seated",
      content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
  public Response enrol(
      @PathParam("cohortId") UUID cohortId,
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull EnrolLearnersRequest request) {
    IdempotencyKeys.Outcome<EnrolmentView> outcome =
        service.enrol(cohortId, request, idempotencyKey.value(), scope.get());
    return replayable(outcome);
  }

  @POST
  @Path("transfer")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "transferCohortLearners",
      summary = "Move learners to another cohort of the same programme",
      description =
          "1 to 100 enrolled or active learners of this cohort (422 for one not in it, 409"
              + " illegal-transition for one in another status) to another planned, recruiting or"
              + " running cohort (409 otherwise) of the same programme and country (422"
              + " otherwise). Both cohorts must be in your scope (404 otherwise). All or nothing:"
              + " the target needs one free seat per learner (409 saying how many are left). The"
              + " learners' rows here become transferred; in the target they are enrolled (active"
              + " if it runs) with the same application, on their earlier row if they had one."
              + " Emits learner-transferred per learner, and seat-freed per learner when this"
              + " cohort has not started. Retries with the same Idempotency-Key return the first"
              + " result.")
  @APIResponse(
      responseCode = "200",
      description = "The learners' seats in the target cohort",
      content = @Content(schema = @Schema(implementation = TransferView.class)))
  public Response transfer(
      @PathParam("cohortId") UUID cohortId,
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull TransferLearnersRequest request) {
    IdempotencyKeys.Outcome<TransferView> outcome =
        service.transfer(cohortId, request, idempotencyKey.value(), scope.get());
    return replayable(outcome);
  }

  private static Response replayable(IdempotencyKeys.Outcome<?> outcome) {
    return Response.ok(outcome.value())
        .header(Responses.REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }
}
