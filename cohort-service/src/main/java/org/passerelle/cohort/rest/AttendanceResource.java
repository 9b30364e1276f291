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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.api.AtRiskLearnerView;
import org.passerelle.cohort.api.AttendanceDayRequest;
import org.passerelle.cohort.api.AttendanceDayView;
import org.passerelle.cohort.api.LearnerAttendanceSummary;
import org.passerelle.cohort.api.LearnerAttendanceView;
import org.passerelle.cohort.service.AttendanceService;
import org.passerelle.cohort.service.AttendanceSummaryService;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

/**
 * A cohort's attendance, per session day. Shares the {@code /api/v1/cohorts} prefix with {@link
 * CohortResource}: same class path, so the router sees one set of sub-paths.
 */
@Path("/api/v1/cohorts")
@Tag(name = "Attendance", description = "Attendance per session day, summaries, early warning")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class AttendanceResource {

  private final AttendanceService service;
  private final AttendanceSummaryService summaries;
  private final CurrentScope scope;

  AttendanceResource(
      AttendanceService service, AttendanceSummaryService summaries, CurrentScope scope) {
    this.service = service;
    this.summaries = summaries;
    this.scope = scope;
  }

  @PUT
  @Path("{cohortId}/attendance/{date}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "recordAttendanceDay",
      summary = "Record a cohort's whole session day",
      description =
          "One record per learner: every active learner exactly once (422 naming those missing"
              + " by learnerId); a learner who has left may be recorded for days before they left"
              + " and, left out, keeps what was recorded; a learner not in the cohort, or not"
              + " attending that day, is 422; a learner named twice is 400. The cohort must be"
              + " running or completed (409 otherwise); the date within its start and end dates"
              + " and not after today in the site's time zone (422). Replaces the day's records"
              + " of the learners named (a correction), all or nothing. If-Match, when sent, must"
              + " name the day's current ETag (412 otherwise). When an active learner's current"
              + " run of unexcused absences reaches the configured threshold, emits"
              + " attendance-alert, once per run.")
  @APIResponse(
      responseCode = "200",
      description = "The day as recorded, with its ETag",
      content = @Content(schema = @Schema(implementation = AttendanceDayView.class)))
  public Response recordDay(
      @PathParam("cohortId") UUID cohortId,
      @Parameter(description = "The session day, ISO-8601 (2027-01-11)")
          @PathParam("date")
          @Size(max = 10)
          String date,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull AttendanceDayRequest request) {
    AttendanceService.Day day =
        service.recordDay(cohortId, date(date), request, ifMatch.matches(), scope.get());
    return Responses.ok(day.view(), day.version());
  }

  @GET
  @Path("{cohortId}/attendance/{date}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "getAttendanceDay",
      summary = "Read a cohort's session day",
      description =
          "The records of the day, in learnerId order; none when the day is not recorded."
              + " Integrations do not see staff's comments.")
  @APIResponse(
      responseCode = "200",
      description = "The day, with its ETag",
      content = @Content(schema = @Schema(implementation = AttendanceDayView.class)))
  public Response day(
      @PathParam("cohortId") UUID cohortId,
      @Parameter(description = "The session day, ISO-8601 (2027-01-11)")
          @PathParam("date")
          @Size(max = 10)
          String date) {
    AttendanceService.Day day = service.day(cohortId, date(date), scope.get());
    return Responses.ok(day.view(), day.version());
  }

  @GET
  @Path("{cohortId}/attendance")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "summariseAttendance",
      summary = "Attendance summary per learner",
      description =
          "For each learner active or completed, and each who left with days recorded, in"
              + " learnerId order: days recorded, by kind, the attendance rate (present and late"
              + " over recorded, four decimal places), the current run of unexcused absences and"
              + " whether it puts the learner at risk.")
  @APIResponse(responseCode = "200", description = "A page of summaries")
  public Page<LearnerAttendanceSummary> summaries(
      @PathParam("cohortId") UUID cohortId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return Page.slice(summaries.summaries(cohortId, scope.get()), page, size);
  }

  @GET
  @Path("{cohortId}/attendance/learners/{learnerId}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "getLearnerAttendance",
      summary = "One learner's attendance in a cohort",
      description =
          "The learner's session days in date order and their summary; 404 for a learner never"
              + " in the cohort. Integrations do not see staff's comments.")
  @APIResponse(
      responseCode = "200",
      description = "The learner's days and summary",
      content = @Content(schema = @Schema(implementation = LearnerAttendanceView.class)))
  public LearnerAttendanceView learner(
      @PathParam("cohortId") UUID cohortId, @PathParam("learnerId") UUID learnerId) {
    return summaries.learner(cohortId, learnerId, scope.get());
  }

  @GET
  @Path("{cohortId}/at-risk-learners")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "listAtRiskLearners",
      summary = "The cohort's learners at risk",
      description =
          "Active learners whose current run of unexcused absences reaches the configured"
              + " threshold, with the run's length and first day; the longest run first, then the"
              + " oldest. The current run is the latest one over the days recorded: at risk means"
              + " absent now. An earlier run a backfilled day completed raises attendance-alert"
              + " but, once the learner came back, does not list them here.")
  @APIResponse(responseCode = "200", description = "A page of learners at risk")
  public Page<AtRiskLearnerView> atRisk(
      @PathParam("cohortId") UUID cohortId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return Page.slice(summaries.atRisk(cohortId, scope.get()), page, size);
  }

  /** The path's date: 400 when it is not an ISO-8601 date (JAX-RS would say 404). */
  private static LocalDate date(String value) {
    return QueryParams.date("date", value);
  }
}
