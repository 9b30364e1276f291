package org.passerelle.cohort.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.api.OwnEnrolment;
import org.passerelle.cohort.service.OwnEnrolmentService;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

/** A learner's own seats across cohorts, for a learner portal (ADR 0039). */
@Path("/api/v1/cohorts/mine")
@Tag(name = "Cohorts", description = "Cohorts of a programme at a site")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class OwnEnrolmentResource {

  private final OwnEnrolmentService service;
  private final CurrentScope scope;

  OwnEnrolmentResource(OwnEnrolmentService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @RolesAllowed(Roles.LEARNER)
  @Operation(
      operationId = "listMyEnrolments",
      summary = "Your own enrolments across cohorts",
      description =
          "Learners: each cohort they hold or held a seat in, newest first: programme (with its"
              + " titles), site, dates, cohort and learner status, their attendance summary and"
              + " the certificate issued to them there. Never staff's comments. Empty until"
              + " enrollment linked the account to the learner (learner-account-linked).")
  public Page<OwnEnrolment> mine(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.mine(page, size, scope.get());
  }
}
