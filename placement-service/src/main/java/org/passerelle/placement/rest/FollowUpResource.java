package org.passerelle.placement.rest;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.api.FollowUpAttemptRequest;
import org.passerelle.placement.api.FollowUpView;
import org.passerelle.placement.api.SituationReport;
import org.passerelle.placement.service.FollowUpService;

@Path("/api/v1/follow-ups")
@Tag(name = "Follow-ups", description = "Asking learners where they are after their exit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class FollowUpResource {

  private final FollowUpService service;
  private final CurrentScope scope;

  FollowUpResource(FollowUpService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.LEARNER
  })
  @Operation(
      operationId = "listFollowUps",
      summary = "List the follow-ups in your scope",
      description =
          "Earliest due first. due=DUE keeps the open ones whose due day came, due=OVERDUE those"
              + " still open past the configured delay; status=NO_CONSENT counts those the"
              + " learners did not consent to. Staff of their sites or country, integrations"
              + " their country, learners their own (never NO_CONSENT ones).")
  public Page<FollowUpView> list(
      @QueryParam("learnerId") @Size(max = 36) String learnerId,
      @QueryParam("site") @Pattern(regexp = PlacementResource.SITE) String site,
      @QueryParam("status") @Size(max = 30) String status,
      @QueryParam("due") @Size(max = 30) String due,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: dueOn, exitDate, status, site, lastAttemptAt, createdAt."
                      + " Default dueOn.",
              example = "status,dueOn")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new FollowUpService.Filters(
            QueryParams.uuid("learnerId", learnerId),
            site,
            QueryParams.value(FollowUpStatus.class, "status", status),
            QueryParams.value(FollowUpService.Due.class, "due", due)),
        FollowUpService.SORTING.parse(sort),
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
    Roles.LEARNER
  })
  @Operation(operationId = "getFollowUp", summary = "Read a follow-up in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The follow-up",
      content = @Content(schema = @Schema(implementation = FollowUpView.class)))
  public Response get(@PathParam("id") UUID id) {
    FollowUpView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/attempts")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "recordFollowUpAttempt",
      summary = "Record an attempt that did not reach the learner",
      description =
          "On a scheduled follow-up whose due day came (409 otherwise). After the configured"
              + " number of attempts it closes as UNREACHABLE and follow-up-recorded is emitted."
              + " If-Match, when sent, must name the current version (412 otherwise).")
  @APIResponse(
      responseCode = "200",
      description = "The follow-up, with its new ETag",
      content = @Content(schema = @Schema(implementation = FollowUpView.class)))
  public Response attempt(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull FollowUpAttemptRequest request) {
    FollowUpView view = service.attempt(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/situation")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.LEARNER})
  @Operation(
      operationId = "answerFollowUp",
      summary = "Record the learner's situation at this follow-up",
      description =
          "Staff who reached the learner, or the learner answering their own follow-up, once its"
              + " due day came (409 otherwise). Records a placement (placement-recorded) and closes"
              + " the follow-up as DONE (follow-up-recorded). If-Match, when sent, must name the"
              + " current version (412 otherwise).")
  @APIResponse(
      responseCode = "200",
      description = "The follow-up, with its new ETag",
      content = @Content(schema = @Schema(implementation = FollowUpView.class)))
  public Response answer(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull SituationReport report) {
    FollowUpView view = service.answer(id, report, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }
}
