package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.SensitiveDataAccessView;
import org.passerelle.enrollment.service.AuditLogService;

@Path("/api/v1/sensitive-data-accesses")
@Tag(
    name = "Personal data",
    description = "Consents, right of access and right to erasure of an applicant")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
public class SensitiveDataAccessResource {

  private final AuditLogService log;
  private final CurrentScope scope;

  SensitiveDataAccessResource(AuditLogService log, CurrentScope scope) {
    this.log = log;
    this.scope = scope;
  }

  @GET
  @Operation(
      operationId = "listSensitiveDataAccesses",
      summary = "The audit log of sensitive fields",
      description =
          "Newest first unless sort says otherwise. Every read, change, search, export and"
              + " erasure of disability, refugee status and"
              + " accommodation needs: who, when, for what operation and which fields, never"
              + " their values. Platform admins see all of it, country admins their country's.")
  public Page<SensitiveDataAccessView> list(
      @QueryParam("applicantId") UUID applicantId,
      @Parameter(description = "Token subject of the caller") @QueryParam("actor") @Size(max = 100)
          String actor,
      @QueryParam("action") SensitiveDataAccess.Action action,
      @Parameter(description = "At or after this instant (ISO-8601 with offset)")
          @QueryParam("from")
          OffsetDateTime from,
      @Parameter(description = "Before this instant (ISO-8601 with offset)") @QueryParam("to")
          OffsetDateTime to,
      @Parameter(
              description =
                  Sorting.SYNTAX + " Fields: at, action, actor. Default -at (newest first).",
              example = "actor,-at")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return log.list(
        new AuditLogService.Filters(applicantId, actor, action, from, to),
        AuditLogService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }
}
