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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.CommitmentKind;
import org.passerelle.partnership.CommitmentStatus;
import org.passerelle.partnership.api.CommitmentSummary;
import org.passerelle.partnership.api.CommitmentView;
import org.passerelle.partnership.api.CreateCommitmentRequest;
import org.passerelle.partnership.api.RecordProgressRequest;
import org.passerelle.partnership.service.CommitmentService;

@Path("/api/v1/commitments")
@Tag(name = "Commitments", description = "What partners promised in conventions, and delivered")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CommitmentResource {

  private final CommitmentService service;
  private final CurrentScope scope;

  CommitmentResource(CommitmentService service, CurrentScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "createCommitment",
      summary = "Add a commitment to a convention",
      description =
          "Open, with its kind, target and due date, in a draft, signed or active convention (409"
              + " for an expired or terminated one). Funding takes a currency, the other kinds"
              + " none and whole units. Country admins for their country.")
  @APIResponse(
      responseCode = "201",
      description = "Created, open",
      content = @Content(schema = @Schema(implementation = CommitmentView.class)))
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull CreateCommitmentRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<CommitmentView> outcome =
        service.create(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "listCommitments",
      summary = "List the commitments of the conventions in your scope",
      description = "By due date, then id, each with its evidence.")
  public Page<CommitmentView> list(
      @QueryParam("partnerId") @Size(max = 36) String partnerId,
      @QueryParam("conventionId") @Size(max = 36) String conventionId,
      @Parameter(schema = @Schema(implementation = CommitmentKind.class))
          @QueryParam("kind")
          @Size(max = 30)
          String kind,
      @Parameter(
              description = "Commitments in any of these statuses",
              schema = @Schema(type = SchemaType.ARRAY, implementation = CommitmentStatus.class))
          @QueryParam("status")
          @Size(max = 3)
          List<@Size(max = 20) String> statuses,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: dueOn, kind, status, createdAt, closedAt. Default dueOn.",
              example = "kind,dueOn")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new CommitmentService.Filters(
            QueryParams.uuid("partnerId", partnerId),
            QueryParams.uuid("conventionId", conventionId),
            QueryParams.value(CommitmentKind.class, "kind", kind),
            QueryParams.values(CommitmentStatus.class, "status", statuses)),
        CommitmentService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("summary")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "summarizeCommitments",
      summary = "What a partner promised and delivered",
      description =
          "Every commitment of the partner's conventions that you may read: target, progress,"
              + " due date, status and evidence, with counts by status. Partner users may omit"
              + " partnerId (their own organisation); staff name it.")
  @APIResponse(
      responseCode = "200",
      description = "The summary",
      content = @Content(schema = @Schema(implementation = CommitmentSummary.class)))
  public CommitmentSummary summary(@QueryParam("partnerId") @Size(max = 36) String partnerId) {
    return service.summary(QueryParams.uuid("partnerId", partnerId), scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(operationId = "getCommitment", summary = "Read a commitment with its evidence")
  @APIResponse(
      responseCode = "200",
      description = "The commitment",
      content = @Content(schema = @Schema(implementation = CommitmentView.class)))
  public Response get(@PathParam("id") UUID id) {
    CommitmentView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/progress")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "recordCommitmentProgress",
      summary = "Record progress by hand, with a note",
      description =
          "For mentoring hours, funding received and premises (409 for kinds counted from facts:"
              + " hires and places from placements, computers from donations, prizes from prizes"
              + " awarded), while the commitment is open (409 otherwise). The note and its author"
              + " are kept and shown to staff. Emits commitment-progressed, and"
              + " commitment-fulfilled when the target is reached.")
  @APIResponse(
      responseCode = "200",
      description = "The commitment with its new evidence",
      content = @Content(schema = @Schema(implementation = CommitmentView.class)))
  public Response recordProgress(
      @PathParam("id") UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull RecordProgressRequest request) {
    IdempotencyKeys.Outcome<CommitmentView> outcome =
        service.recordProgress(id, request, idempotencyKey.value(), scope.get());
    return Response.ok(outcome.value())
        .tag(Responses.etag(outcome.value().version()))
        .header(Responses.REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }
}
