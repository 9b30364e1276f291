package org.passerelle.partnership.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.api.ContactAccessView;
import org.passerelle.partnership.service.PartnerContactService;

/** The access log of a partner's contacts, for the admins who answer for personal data. */
@Path("/api/v1/partners/{id}/contact-accesses")
@Tag(name = "Partners", description = "Employers, funders and other partners")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PartnerContactAccessResource {

  private final PartnerContactService service;
  private final CurrentScope scope;

  PartnerContactAccessResource(PartnerContactService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "listPartnerContactAccesses",
      summary = "Who read or changed a partner's contacts",
      description =
          "Newest first unless sort says otherwise. Every list, read, change, export and erasure"
              + " of the partner's contacts: who, when, with"
              + " which roles and for what operation, never the person's details. The admins of"
              + " the partner's country.")
  public Page<ContactAccessView> list(
      @PathParam("id") UUID id,
      @Parameter(
              description =
                  Sorting.SYNTAX + " Fields: at, action, actor. Default -at (newest first).",
              example = "action,-at")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.accesses(
        id, PartnerContactService.ACCESSES.parse(sort), page, size, scope.get());
  }
}
