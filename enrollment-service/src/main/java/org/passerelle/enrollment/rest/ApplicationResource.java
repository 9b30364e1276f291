package org.passerelle.enrollment.rest;

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
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.api.ApplicationSummary;
import org.passerelle.enrollment.api.ApplicationView;
import org.passerelle.enrollment.api.DecisionRequest;
import org.passerelle.enrollment.api.ScreeningRequest;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.enrollment.service.ApplicationSearchService;
import org.passerelle.enrollment.service.ApplicationService;
import org.passerelle.enrollment.service.SelectionService;
import org.passerelle.enrollment.service.SubmissionService;

@Path("/api/v1/applications")
@Tag(name = "Applications", description = "Applications to an intake and their selection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({
  Roles.PLATFORM_ADMIN,
  Roles.COUNTRY_ADMIN,
  Roles.SITE_STAFF,
  Roles.INTEGRATION,
  Roles.LEARNER
})
public class ApplicationResource {

  private final SubmissionService submissions;
  private final SelectionService selection;
  private final ApplicationService applications;
  private final ApplicationSearchService search;
  private final CurrentScope scope;

  ApplicationResource(
      SubmissionService submissions,
      SelectionService selection,
      ApplicationService applications,
      ApplicationSearchService search,
      CurrentScope scope) {
    this.submissions = submissions;
    this.selection = selection;
    this.applications = applications;
    this.search = search;
    this.scope = scope;
  }

  @POST
  @Operation(
      operationId = "submitApplication",
      summary = "Submit an application to an intake",
      description =
          "Staff submit within their scope, a regional office's system within its country,"
              + " a learner for themself. Refused (422) outside the intake's recruitment window,"
              + " under its minimum age, or without consent to application processing; 409 when"
              + " the person already applied to the intake. Emits application-submitted. The"
              + " person is found by email within the intake's country only; staff of a site who"
              + " do not reach the person's record get 409 registered-at-another-site (a country"
              + " administrator files it), and a record linked to a learner's account keeps what"
              + " the person declared. A learner applies with their account's verified email"
              + " (403 email-not-verified without one, 422 on applicant.email for any other)."
              + " An office's externalRef sent again with the same data returns the stored"
              + " application; with other data, or held by an application outside the caller's"
              + " scope, 409.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response submit(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull SubmitApplicationRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<ApplicationView> outcome =
        submissions.submit(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @Operation(
      operationId = "listApplications",
      summary = "Search the applications in your scope",
      description =
          "Staff see their scope, a learner their own applications, a regional office's system"
              + " (integration) its country's, without the test score. Newest first. q matches"
              + " names (\"first last\" or \"last first\") and email, case folded; its % and _"
              + " are themselves, not wildcards. Filtering by the sensitive priority publics"
              + " (REFUGEE, DISABILITY) is for the roles that read them, and audited; erased"
              + " applicants are never found by a priority public. The total is counted up to"
              + " 1000, a search's up to its page: when more match, totalIsExact is false and"
              + " total is a lower bound. externalRef, applicantId and learnerId narrow the"
              + " caller's scope, never reach beyond it: an application outside it is not"
              + " listed.")
  public Page<ApplicationSummary> list(
      @QueryParam("q") @Size(min = 2, max = 100) String q,
      @Parameter(schema = @Schema(implementation = ApplicationStatus.class))
          @QueryParam("status")
          @Size(max = 20)
          String status,
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("intakeId")
          @Size(max = 36)
          String intakeId,
      @QueryParam("site") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String site,
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @Parameter(
              description = "Submitted on or after this day",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("submittedFrom")
          @Size(max = 10)
          String submittedFrom,
      @Parameter(
              description = "Submitted on or before this day",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("submittedTo")
          @Size(max = 10)
          String submittedTo,
      @Parameter(description = "Applicants belonging to all of these priority publics")
          @QueryParam("priorityPublic")
          @Size(max = 4)
          List<@Size(max = 30) String> priorityPublics,
      @Parameter(
              description =
                  "The application a regional office's system filed under this reference, in"
                      + " the caller's scope")
          @QueryParam("externalRef")
          @Size(min = 1, max = 100)
          String externalRef,
      @Parameter(
              description = "The applications of this applicant (applicantId of the list's items)",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("applicantId")
          @Size(max = 36)
          String applicantId,
      @Parameter(
              description =
                  "The applications of this learner (the pseudonym the other services know the"
                      + " person by, e.g. cohort-service's learnerId)",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("learnerId")
          @Size(max = 36)
          String learnerId,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: submittedAt, updatedAt, lastName, firstName, status. Default"
                      + " -submittedAt (newest first), the only order read from an index;"
                      + " another order sorts the whole of the caller's scope that matches.",
              example = "lastName,-submittedAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return search.list(
        new ApplicationSearchService.Filters(
            q,
            QueryParams.value(ApplicationStatus.class, "status", status),
            QueryParams.uuid("intakeId", intakeId),
            site,
            country,
            QueryParams.date("submittedFrom", submittedFrom),
            QueryParams.date("submittedTo", submittedTo),
            QueryParams.values(PriorityPublic.class, "priorityPublic", priorityPublics),
            externalRef,
            QueryParams.uuid("applicantId", applicantId),
            QueryParams.uuid("learnerId", learnerId)),
        ApplicationSearchService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getApplication",
      summary = "Read an application in your scope, or your own",
      description =
          "Staff in scope read everything. The learner reads their own without the screening"
              + " and who decided. A regional office's system (integration) reads codes, never"
              + " staff's words, evaluation or accounts: screening, decision.decidedBy and"
              + " withdrawalReason are null, decision.reason is given only when a system decided"
              + " (the exit reason code); decision.decidedByType says STAFF or SYSTEM.")
  @APIResponse(
      responseCode = "200",
      description = "The application",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response get(@PathParam("id") UUID id) {
    ApplicationView view = applications.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/screen")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "screenApplication",
      summary = "Start screening, or record the test score and interview notes",
      description = "SUBMITTED → SCREENING; while screening, records the results sent.")
  @APIResponse(
      responseCode = "200",
      description = "The application, SCREENING, with the results recorded",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response screen(
      @PathParam("id") UUID id, @BeanParam IfMatch ifMatch, @Valid ScreeningRequest request) {
    return answer(selection.screen(id, request, ifMatch.matches(), scope.get()));
  }

  @POST
  @Path("{id}/accept")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "acceptApplication",
      summary = "Accept after screening (or promote from the waitlist)",
      description =
          "Emits application-accepted; cohort-service then confirms a seat (ENROLLED) or has"
              + " none left (WAITLISTED), asynchronously: the answer is still ACCEPTED, and its"
              + " pendingEnrolment says where the outcome shows (this application's status, the"
              + " learner's seat in the cohort, the events).")
  @APIResponse(
      responseCode = "200",
      description = "The application, ACCEPTED, with its pendingEnrolment",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response accept(
      @PathParam("id") UUID id, @BeanParam IfMatch ifMatch, @Valid DecisionRequest request) {
    return decide(id, ApplicationStatus.ACCEPTED, request, ifMatch);
  }

  @POST
  @Path("{id}/waitlist")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "waitlistApplication",
      summary = "Put on the intake's waitlist after screening",
      description = "Emits application-waitlisted.")
  @APIResponse(
      responseCode = "200",
      description = "The application, WAITLISTED",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response waitlist(
      @PathParam("id") UUID id, @BeanParam IfMatch ifMatch, @Valid DecisionRequest request) {
    return decide(id, ApplicationStatus.WAITLISTED, request, ifMatch);
  }

  @POST
  @Path("{id}/reject")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "rejectApplication",
      summary = "Reject after screening, with the reason",
      description = "Emits application-rejected.")
  @APIResponse(
      responseCode = "200",
      description = "The application, REJECTED",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response reject(
      @PathParam("id") UUID id, @BeanParam IfMatch ifMatch, @Valid DecisionRequest request) {
    return decide(id, ApplicationStatus.REJECTED, request, ifMatch);
  }

  @POST
  @Path("{id}/withdraw")
  @Operation(
      operationId = "withdrawApplication",
      summary = "Withdraw an open application (the learner, or staff on their behalf)",
      description = "Emits application-withdrawn; a seat it held is freed for the waitlist.")
  @APIResponse(
      responseCode = "200",
      description = "The application, WITHDRAWN",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response withdraw(
      @PathParam("id") UUID id, @BeanParam IfMatch ifMatch, @Valid DecisionRequest request) {
    return answer(selection.withdraw(id, request, ifMatch.matches(), scope.get()));
  }

  private Response decide(
      UUID id, ApplicationStatus decision, DecisionRequest request, IfMatch ifMatch) {
    return answer(selection.decide(id, decision, request, ifMatch.matches(), scope.get()));
  }

  private static Response answer(ApplicationView view) {
    return Responses.ok(view, view.version());
  }
}
