package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.service.ApplicationService;

@Path("/api/v1/applications")
@Tag(name = "Applications", description = "Applications to a cohort (enrollment)")
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

  private final ApplicationService service;
  private final CurrentScope scope;

  ApplicationResource(ApplicationService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @Operation(
      operationId = "submitApplication",
      summary = "Submit an application to a cohort",
      description =
          "Staff submit within their scope, a regional office's system within its country,"
              + " a learner for themself. Emits application-submitted.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response submit(
      @Parameter(description = "Retries with the same key return the first result")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @Valid @NotNull SubmitApplicationRequest request,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    IdempotencyKeys.Outcome<ApplicationView> outcome =
        service.submit(request, idempotencyKey, scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getApplication", summary = "Read an application in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The application",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  public Response get(@PathParam("id") UUID id) {
    ApplicationView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }
}
