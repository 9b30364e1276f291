package org.passerelle.cohort.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.api.CertificateAuditEntry;
import org.passerelle.cohort.api.CertificateVerification;
import org.passerelle.cohort.api.RevokeCertificateRequest;
import org.passerelle.cohort.service.CertificateService;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;

/**
 * Certificates by their public id: anyone checks one without an account; admins revoke one and read
 * its audit trail.
 */
@Path("/api/v1/certificates/{publicId}")
@Tag(name = "Certificates", description = "Public verification and revocation of certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CertificateResource {

  private static final String PUBLIC_ID =
      "The verification id printed on the certificate (32 characters, URL-safe)";

  private final CertificateService service;
  private final CurrentScope scope;

  CertificateResource(CertificateService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "verifyCertificate",
      summary = "Check a certificate (no token needed)",
      description =
          "What an employer needs to check a certificate: programme, certification framework,"
              + " code and level, outcome, blocks, date, and whether it is valid or revoked."
              + " Nothing about the person. An unknown or malformed id is 404.")
  @APIResponse(
      responseCode = "200",
      description = "The certificate",
      content = @Content(schema = @Schema(implementation = CertificateVerification.class)))
  @APIResponse(responseCode = "404", description = "No certificate with this id")
  public Response verify(
      @Parameter(
              description = PUBLIC_ID,
              schema = @Schema(type = SchemaType.STRING, maxLength = 32))
          @PathParam("publicId")
          String publicId) {
    // A revocation must show at once: no cache keeps an earlier answer.
    return Response.ok(service.verify(publicId))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @POST
  @Path("revoke")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "revokeCertificate",
      summary = "Revoke a certificate",
      description =
          "Platform admins, and country admins for certificates of their country (404"
              + " otherwise). Final: 409 illegal-transition when already revoked. The reason is"
              + " kept in the audit trail for staff. Emits certificate-revoked, without the"
              + " reason.")
  @APIResponse(
      responseCode = "200",
      description = "The certificate as its verification now shows it",
      content = @Content(schema = @Schema(implementation = CertificateVerification.class)))
  public CertificateVerification revoke(
      @Parameter(
              description = PUBLIC_ID,
              schema = @Schema(type = SchemaType.STRING, maxLength = 32))
          @PathParam("publicId")
          String publicId,
      @Valid @NotNull RevokeCertificateRequest request) {
    return service.revoke(publicId, request, scope.get());
  }

  @GET
  @Path("audit")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "getCertificateAudit",
      summary = "Read a certificate's audit trail",
      description =
          "Who issued and revoked it, when, and the reason given; oldest first. Platform admins,"
              + " and country admins for certificates of their country (404 otherwise).")
  @APIResponse(responseCode = "200", description = "One page of the audit trail")
  public Page<CertificateAuditEntry> audit(
      @Parameter(
              description = PUBLIC_ID,
              schema = @Schema(type = SchemaType.STRING, maxLength = 32))
          @PathParam("publicId")
          String publicId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.audit(publicId, page, size, scope.get());
  }
}
