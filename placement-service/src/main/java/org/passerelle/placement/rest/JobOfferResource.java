package org.passerelle.placement.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.api.JobOfferView;
import org.passerelle.placement.api.PublishJobOfferRequest;
import org.passerelle.placement.service.JobOfferService;

@Path("/api/v1/job-offers")
@Tag(name = "Job offers", description = "Jobs offered to learners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class JobOfferResource {

  private final JobOfferService service;
  private final CurrentScope scope;

  JobOfferResource(JobOfferService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "publishJobOffer",
      summary = "Publish a job offer",
      description =
          "Staff for their sites, a partner for its own offers (its token's partner_id, in its"
              + " country). The partner and the site must be ones partnership-service and"
              + " cohort-service announced, in the site's country: 422 naming partnerId or"
              + " siteCode otherwise, also for one registered a moment ago (retry shortly)."
              + " Emits job-offer-published.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = JobOfferView.class)))
  public Response publish(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull PublishJobOfferRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<JobOfferView> outcome =
        service.publish(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
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
  @Operation(operationId = "getJobOffer", summary = "Read a job offer in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The job offer",
      content = @Content(schema = @Schema(implementation = JobOfferView.class)))
  public Response get(@PathParam("id") UUID id) {
    JobOfferView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }
}
