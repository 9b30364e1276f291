package org.passerelle.cohort.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.api.LearnerSeat;
import org.passerelle.cohort.service.LearnerHistoryService;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

@Path("/api/v1/learners/{learnerId}/seats")
@Tag(name = "Learners", description = "Learners in a cohort: seats, withdrawals, transfers")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class LearnerHistoryResource {

  private final LearnerHistoryService history;
  private final CurrentScope scope;

  LearnerHistoryResource(LearnerHistoryService history, CurrentScope scope) {
    this.history = history;
    this.scope = scope;
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "listLearnerSeats",
      summary = "A learner's history across cohorts",
      description =
          "The learner's seats (learnerId, the pseudonym enrollment-service gives the person) in"
              + " the cohorts of your scope, by the cohorts' start dates then id: transfers and"
              + " returns show as one seat per cohort. Seats in cohorts outside your scope are"
              + " not listed; a learner without any there is 404, like an unknown one."
              + " Integrations get exitComment null.")
  public Page<LearnerSeat> list(
      @PathParam("learnerId") UUID learnerId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return history.history(learnerId, page, size, scope.get());
  }
}
