package org.passerelle.partnership.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.passerelle.partnership.api.PartnerRegistration;
import org.passerelle.partnership.api.PartnerView;
import org.passerelle.partnership.api.RegisterPartnerRequest;
import org.passerelle.partnership.service.PartnerService;

@Path("/api/v1/partners")
@Tag(name = "Partners", description = "Employers, funders and other partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PartnerResource {

  private final PartnerService service;
  private final CurrentScope scope;

  PartnerResource(PartnerService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "registerPartner",
      summary = "Register a partner",
      description = "Country admins for their country. Emits partner-registered.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response register(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull RegisterPartnerRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<PartnerView> outcome =
        service.register(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "registerPartnerWithId",
      summary = "Register a partner under a chosen id",
      description =
          "For organisations whose id is already known elsewhere: records migrated from another"
              + " system with stable ids, the partner organisations users' tokens name"
              + " (partner_id). Creates the partner with this id (201, emits partner-registered)."
              + " Idempotent: the same details sent again answer 200 with the partner and change"
              + " nothing; other details under an existing id are 409. Country admins for their"
              + " country.")
  @APIResponse(
      responseCode = "201",
      description = "Created at this address",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Already registered with these details; nothing changed",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response registerWithId(
      @PathParam("id") UUID id, @Valid @NotNull RegisterPartnerRequest request) {
    PartnerRegistration registration = service.registerWithId(id, request, scope.get());
    PartnerView view = registration.partner();
    // The partner is at the request's own address: no Location to build.
    return Response.status(registration.created() ? 201 : 200)
        .entity(view)
        .tag(Responses.etag(view.version()))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER
  })
  @Operation(operationId = "getPartner", summary = "Read a partner in your scope")
  @APIResponse(
      responseCode = "200",
      description = "The partner",
      content = @Content(schema = @Schema(implementation = PartnerView.class)))
  public Response get(@PathParam("id") UUID id) {
    PartnerView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }
}
