package org.passerelle.enrollment.rest;

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
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.api.OwnApplication;
import org.passerelle.enrollment.service.OwnApplicationService;

/** A learner's own applications, each with its intake, for a learner portal. */
@Path("/api/v1/applications/mine")
@Tag(name = "Applications", description = "Applications to an intake and their selection")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class OwnApplicationResource {

  private final OwnApplicationService service;
  private final CurrentScope scope;

  OwnApplicationResource(OwnApplicationService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @RolesAllowed(Roles.LEARNER)
  @Operation(
      operationId = "listMyApplications",
      summary = "Your own applications, with their intakes",
      description =
          "Learners: the applications of the records linked to their account, in every country,"
              + " newest first, each with its intake's programme, site, dates and cohort status."
              + " Never the test score. Empty while no record is linked to the account.")
  public Page<OwnApplication> mine(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.mine(page, size, scope.get());
  }
}
