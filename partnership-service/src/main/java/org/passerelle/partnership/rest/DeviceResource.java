package org.passerelle.partnership.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.DeviceStatus;
import org.passerelle.partnership.api.DeviceView;
import org.passerelle.partnership.api.LendDeviceRequest;
import org.passerelle.partnership.api.RetireDeviceRequest;
import org.passerelle.partnership.api.SiteInventory;
import org.passerelle.partnership.api.WipeDeviceRequest;
import org.passerelle.partnership.service.DeviceService;

@Path("/api/v1/devices")
@Tag(name = "Devices", description = "Donated computers, their life and their loans to learners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
@RunOnVirtualThread
public class DeviceResource {

  private static final String IF_MATCH =
      " If-Match, when sent, must name the current version (412 otherwise); a move the device's"
          + " status does not allow is 409 illegal-transition.";

  private final DeviceService service;
  private final CurrentScope scope;

  DeviceResource(DeviceService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @GET
  @Operation(
      operationId = "listDevices",
      summary = "List the computers of your sites",
      description =
          "Staff of the devices' sites (country admins their country). status: any of these;"
              + " overdue: lent and past the expected return day; toRecall: lent and flagged for"
              + " recall (the learner left, or completed where the site recalls).")
  public Page<DeviceView> list(
      @QueryParam("site") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String site,
      @Parameter(
              description = "Devices in any of these statuses",
              schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceStatus.class))
          @QueryParam("status")
          @Size(max = 7)
          List<@Size(max = 20) String> statuses,
      @QueryParam("donation") @Size(max = 36) String donation,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"true", "false"}))
          @QueryParam("overdue")
          @Pattern(regexp = "true|false")
          String overdue,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"true", "false"}))
          @QueryParam("toRecall")
          @Pattern(regexp = "true|false")
          String toRecall,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: site, serialNumber, model, status, updatedAt. Default"
                      + " site,serialNumber.",
              example = "status,site")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new DeviceService.Filters(
            site,
            QueryParams.values(DeviceStatus.class, "status", statuses),
            QueryParams.uuid("donation", donation),
            overdue == null ? null : Boolean.valueOf(overdue),
            toRecall == null ? null : Boolean.valueOf(toRecall)),
        DeviceService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("inventory")
  @Operation(
      operationId = "getDeviceInventory",
      summary = "Each site's computers by where they are",
      description =
          "Per site in your scope (one site when asked): received, wiped, ready, on loan (of which"
              + " overdue and to recall), returned. Retired and gifted computers are no longer"
              + " in the stock.")
  public List<SiteInventory> inventory(
      @QueryParam("site") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String site) {
    return service.inventory(site, scope.get());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getDevice",
      summary = "Read a computer",
      description = "With its open loan, if it is lent.")
  @APIResponse(
      responseCode = "200",
      description = "The device",
      content = @Content(schema = @Schema(implementation = DeviceView.class)))
  public Response get(@PathParam("id") UUID id) {
    return ok(service.get(id, scope.get()));
  }

  @POST
  @Path("{id}/wipe")
  @Operation(
      operationId = "wipeDevice",
      summary = "Record a computer's wipe",
      description =
          "Received or returned to wiped, with the wipe certificate's reference and who wiped it."
              + IF_MATCH)
  @APIResponse(
      responseCode = "200",
      description = "The device, with its new ETag",
      content = @Content(schema = @Schema(implementation = DeviceView.class)))
  public Response wipe(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull WipeDeviceRequest request) {
    return ok(service.wipe(id, request, ifMatch.matches(), scope.get()));
  }

  @POST
  @Path("{id}/ready")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "makeDeviceReady",
      summary = "A wiped computer is ready to lend",
      description = "Wiped to ready (installed and checked)." + IF_MATCH)
  @APIResponse(
      responseCode = "200",
      description = "The device, with its new ETag",
      content = @Content(schema = @Schema(implementation = DeviceView.class)))
  public Response ready(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch) {
    return ok(service.ready(id, ifMatch.matches(), scope.get()));
  }

  @POST
  @Path("{id}/loan")
  @Operation(
      operationId = "lendDevice",
      summary = "Lend a ready computer to a learner",
      description =
          "Ready to loaned: the learner by learnerId, the day they accepted the loan agreement"
              + " (not in the future) and its reference, the expected return (not past). A"
              + " learner holds one computer at a time (409). site: another site of yours that"
              + " hands it over, in the same country; the device moves there."
              + IF_MATCH)
  @APIResponse(
      responseCode = "200",
      description = "The device and its loan, with its new ETag",
      content = @Content(schema = @Schema(implementation = DeviceView.class)))
  public Response lend(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull LendDeviceRequest request) {
    return ok(service.lend(id, request, ifMatch.matches(), scope.get()));
  }

  @POST
  @Path("{id}/return")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "returnDevice",
      summary = "A lent computer came back",
      description =
          "Loaned to returned; the loan ends. It is wiped again before another loan." + IF_MATCH)
  @APIResponse(
      responseCode = "200",
      description = "The device, with its new ETag",
      content = @Content(schema = @Schema(implementation = DeviceView.class)))
  public Response giveBack(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch) {
    return ok(service.giveBack(id, ifMatch.matches(), scope.get()));
  }

  @POST
  @Path("{id}/gift")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "giftDevice",
      summary = "Give a lent computer to its learner",
      description = "Loaned to gifted; the loan ends and the computer leaves the stock." + IF_MATCH)
  @APIResponse(
      responseCode = "200",
      description = "The device, with its new ETag",
      content = @Content(schema = @Schema(implementation = DeviceView.class)))
  public Response gift(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch) {
    return ok(service.gift(id, ifMatch.matches(), scope.get()));
  }

  @POST
  @Path("{id}/retire")
  @Operation(
      operationId = "retireDevice",
      summary = "Take a computer out of the stock",
      description =
          "Received, wiped, ready or returned to retired, with the coded reason. A lent"
              + " computer comes back first."
              + IF_MATCH)
  @APIResponse(
      responseCode = "200",
      description = "The device, with its new ETag",
      content = @Content(schema = @Schema(implementation = DeviceView.class)))
  public Response retire(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull RetireDeviceRequest request) {
    return ok(service.retire(id, request, ifMatch.matches(), scope.get()));
  }

  private static Response ok(DeviceView view) {
    return Responses.ok(view, view.version());
  }
}
