package org.passerelle.placement.rest;

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
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.JobOfferStatus;
import org.passerelle.placement.api.ChangeJobOfferRequest;
import org.passerelle.placement.api.CloseJobOfferRequest;
import org.passerelle.placement.api.JobOfferDecisionRequest;
import org.passerelle.placement.api.JobOfferView;
import org.passerelle.placement.api.PublishJobOfferRequest;
import org.passerelle.placement.service.JobOfferService;

@Path("/api/v1/job-offers")
@Tag(name = "Job offers", description = "Jobs offered to learners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class JobOfferResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

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
      summary = "Post a job offer",
      description =
          "Staff for their sites, a partner for its own offers (its token's partner_id, in its"
              + " country). The partner and the site must be ones partnership-service and"
              + " cohort-service announced, in the site's country, and so must the targetSites:"
              + " 422 naming partnerId, siteCode or targetSites otherwise, also for one"
              + " registered a moment ago (retry shortly)."
              + " Staff's offers are published at once (emits job-offer-published) unless draft"
              + " is true; a partner's offer is a draft that waits for staff's moderation"
              + " (moderation PENDING; draft true keeps it unsent). A closing date already past"
              + " is refused (400).")
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
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER,
    Roles.LEARNER
  })
  @Operation(
      operationId = "listJobOffers",
      summary = "List the job offers in your scope",
      description =
          "Newest first, unless sort says otherwise. Staff see every offer of their sites (drafts and moderation included)"
              + " and the published or past offers of their country, partners their own,"
              + " learners the published offers of their country. q searches the title, the"
              + " employer and the description; site keeps offers relayed by or targeting it;"
              + " programme keeps offers targeting it or no programme in particular.")
  public Page<JobOfferView> list(
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @QueryParam("site") @Size(max = 64) @Pattern(regexp = PublishJobOfferRequest.SITE)
          String site,
      @QueryParam("programme") @Size(max = 64) @Pattern(regexp = PublishJobOfferRequest.PROGRAMME)
          String programme,
      @Parameter(schema = @Schema(implementation = ContractType.class))
          @QueryParam("contractType")
          @Size(max = 30)
          String contractType,
      @Parameter(schema = @Schema(implementation = JobOffer.RemoteMode.class))
          @QueryParam("remoteMode")
          @Size(max = 20)
          String remoteMode,
      @Parameter(
              description = "Offers in any of these statuses",
              schema = @Schema(type = SchemaType.ARRAY, implementation = JobOfferStatus.class))
          @QueryParam("status")
          @Size(max = 5)
          List<@Size(max = 20) String> statuses,
      @QueryParam("partnerId") @Size(max = 36) String partnerId,
      @QueryParam("q") @Size(max = 100) String q,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: createdAt, publishedAt, closingDate, title, employerName, site,"
                      + " status. Default -createdAt (newest first), the order read from the"
                      + " scopes' indexes; another order sorts the whole of the caller's scope"
                      + " that matches.",
              example = "closingDate")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.list(
        new JobOfferService.Filters(
            country,
            site,
            programme,
            QueryParams.value(ContractType.class, "contractType", contractType),
            QueryParams.value(JobOffer.RemoteMode.class, "remoteMode", remoteMode),
            QueryParams.values(JobOfferStatus.class, "status", statuses),
            QueryParams.uuid("partnerId", partnerId),
            q),
        JobOfferService.SORTING.parse(sort),
        page,
        size,
        scope.get());
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

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "changeJobOffer",
      summary = "Change a job offer",
      description =
          "JSON merge patch of employerName, title, description, skills, contractType,"
              + " durationMonths, remoteMode, city, programmes, targetSites (known sites of its"
              + " country, 422 otherwise), salary, openings and"
              + " closingDate: a field left out keeps its value, a list sent replaces the whole"
              + " of it; null removes the description, duration, salary or closing date. The"
              + " partner and the site never change. Staff of the offer's site change drafts and"
              + " published offers, the offering partner its drafts only (409 once published; a"
              + " rejected draft it corrects goes back to moderation); an offer that is over"
              + " does not change (409). Needs If-Match with the ETag last read (428 without,"
              + " 412 when the offer changed since).")
  @APIResponse(
      responseCode = "200",
      description = "The job offer, with its new ETag",
      content = @Content(schema = @Schema(implementation = JobOfferView.class)))
  public Response change(
      @PathParam("id") UUID id,
      @BeanParam IfMatch.Required ifMatch,
      @Valid @NotNull ChangeJobOfferRequest request) {
    JobOfferView view = service.change(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/publish")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "publishJobOfferDraft",
      summary = "Publish a draft, or send it to moderation",
      description =
          "Staff of the offer's site: draft to published (409 illegal-transition otherwise),"
              + " approving a partner's offer; emits job-offer-published. A closing date already"
              + " past is refused (400). The offering partner: sends its draft to staff's"
              + " moderation (moderation PENDING). If-Match, when sent, must name the current"
              + " version (412).")
  @APIResponse(
      responseCode = "200",
      description = "The job offer, with its new ETag",
      content = @Content(schema = @Schema(implementation = JobOfferView.class)))
  public Response publishDraft(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch) {
    JobOfferView view = service.publishDraft(id, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/reject")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "rejectJobOffer",
      summary = "Send a partner's draft back from moderation, with the reason",
      description =
          "Staff of the offer's site, for a draft waiting for moderation (409 otherwise): it"
              + " stays a draft (moderation REJECTED, with the reason) that the partner corrects"
              + " and sends again. If-Match, when sent, must name the current version (412).")
  @APIResponse(
      responseCode = "200",
      description = "The job offer, with its new ETag",
      content = @Content(schema = @Schema(implementation = JobOfferView.class)))
  public Response reject(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull JobOfferDecisionRequest request) {
    JobOfferView view = service.reject(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/close")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.PARTNER})
  @Operation(
      operationId = "closeJobOffer",
      summary = "Close a published offer",
      description =
          "Published to CLOSED, or FILLED (409 illegal-transition otherwise): staff of the"
              + " offer's site or the offering partner. An offer is also filled when hires"
              + " through its candidacies reach its openings, and expires the day after its"
              + " closing date. If-Match, when sent, must name the current version (412).")
  @APIResponse(
      responseCode = "200",
      description = "The job offer, with its new ETag",
      content = @Content(schema = @Schema(implementation = JobOfferView.class)))
  public Response close(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull CloseJobOfferRequest request) {
    JobOfferView view = service.close(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }
}
