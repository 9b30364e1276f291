package org.passerelle.partnership.rest;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.api.ChangeContactRequest;
import org.passerelle.partnership.api.ContactExport;
import org.passerelle.partnership.api.ContactRequest;
import org.passerelle.partnership.api.ContactView;
import org.passerelle.partnership.service.PartnerContactService;

/**
 * The people to deal with at a partner: personal data, kept to those who work with them; every read
 * and change goes to their access log.
 */
@Path("/api/v1/partners/{id}/contacts")
@Tag(name = "Partners", description = "Employers, funders and other partners")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PartnerContactResource {

  private final PartnerContactService service;
  private final CurrentScope scope;

  PartnerContactResource(PartnerContactService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "listPartnerContacts",
      summary = "A partner's contacts",
      description =
          "Personal data: the school's staff of the partner's country and the partner itself;"
              + " never integrations. Erased contacts are left out. By name unless sort says"
              + " otherwise. Recorded in the"
              + " contacts' access log.")
  public Page<ContactView> list(
      @PathParam("id") UUID id,
      @Parameter(
              description = Sorting.SYNTAX + " Fields: name, jobTitle, createdAt. Default name.",
              example = "-createdAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(id, PartnerContactService.CONTACTS.parse(sort), page, size, scope.get());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.PARTNER})
  @Operation(
      operationId = "addPartnerContact",
      summary = "Record a contact at a partner",
      description =
          "The country's admins, or the partner itself. An email or a phone is required."
              + " Emits nothing: contacts never leave partnership-service.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public Response add(
      @PathParam("id") UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull ContactRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<ContactView> outcome =
        service.add(id, request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @Path("{contactId}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "getPartnerContact",
      summary = "Read a partner's contact",
      description =
          "As the list; an erased contact shows only its id, dates and erasure. Recorded in the"
              + " contacts' access log.")
  @APIResponse(
      responseCode = "200",
      description = "The contact",
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public Response get(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
    ContactView view = service.get(id, contactId, scope.get());
    return Responses.ok(view, view.version());
  }

  @PATCH
  @Path("{contactId}")
  @Consumes({MediaType.APPLICATION_JSON, PartnerResource.MERGE_PATCH})
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.PARTNER})
  @Operation(
      operationId = "changePartnerContact",
      summary = "Change a contact's details",
      description =
          "JSON merge patch of name, jobTitle, email and phone: a field left out keeps its value;"
              + " null removes the role, email or phone, as long as an email or a phone remains."
              + " Needs If-Match with the ETag last read (428 without, 412 when the contact"
              + " changed since). The country's admins, or the partner itself. 409 once erased."
              + " Recorded in the contacts' access log; emits nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The contact, with its new ETag",
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public Response change(
      @PathParam("id") UUID id,
      @PathParam("contactId") UUID contactId,
      @BeanParam IfMatch.Required ifMatch,
      @Valid @NotNull ChangeContactRequest request) {
    ContactView view = service.change(id, contactId, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @GET
  @Path("{contactId}/export")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "exportPartnerContact",
      summary = "Everything held about a contact (right of access)",
      description =
          "The country's admins, answering the person's request: the details, who recorded them,"
              + " and who read or changed them since. 409 once the contact is erased.")
  @APIResponse(
      responseCode = "200",
      description = "The export, not to be cached",
      content = @Content(schema = @Schema(implementation = ContactExport.class)))
  public Response export(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
    return Response.ok(service.export(id, contactId, scope.get()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("{contactId}/erase")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.PARTNER})
  @Operation(
      operationId = "erasePartnerContact",
      summary = "Erase a contact (right to erasure)",
      description =
          "Blanks the person's name, role, email and phone for good and forgets the answers kept"
              + " for retried creates; the record of an erased contact stays. The country's"
              + " admins, or the partner itself. 409 if already erased.")
  @APIResponse(
      responseCode = "200",
      description = "The erased contact",
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public ContactView erase(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
    return service.erase(id, contactId, scope.get());
  }
}
