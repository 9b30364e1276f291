package org.passerelle.cohort.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.api.CancelCohortRequest;
import org.passerelle.cohort.api.ChangeCohortRequest;
import org.passerelle.cohort.api.CohortView;
import org.passerelle.cohort.api.ScheduleCohortRequest;
import org.passerelle.cohort.service.CohortSearchService;
import org.passerelle.cohort.service.CohortService;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.IfMatch;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.problem.ProblemType;

@Path("/api/v1/cohorts")
@Tag(name = "Cohorts", description = "Cohorts of a programme at a site")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CohortResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final CohortService service;
  private final CohortSearchService search;
  private final CurrentScope scope;
  private final ObjectMapper json;
  private final Validator validator;

  CohortResource(
      CohortService service,
      CohortSearchService search,
      CurrentScope scope,
      ObjectMapper json,
      Validator validator) {
    this.service = service;
    this.search = search;
    this.scope = scope;
    this.json = json;
    this.validator = validator;
  }

  @POST
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "scheduleCohort",
      summary = "Schedule a cohort",
      description =
          "Within the caller's country or sites. funderPartnerIds name active partners registered"
              + " in the cohort's country (422 with a field error per id otherwise; one registered"
              + " a moment ago is not learned yet: retry shortly). Emits cohort-scheduled.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response schedule(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull ScheduleCohortRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<CohortView> outcome =
        service.schedule(request, idempotencyKey.value(), scope.get());
    return Responses.created(uri, outcome.value().id(), outcome.value().version(), outcome);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "changeCohort",
      summary =
          "Change a cohort's dates, capacity, recruitment window, minimum age, trainers or"
              + " funders",
      description =
          "JSON merge patch of startDate, endDate, capacity, recruitmentOpensOn,"
              + " recruitmentClosesOn, minimumAge, trainers, funders and funderPartnerIds (partners"
              + " registered in the cohort's country, and active unless they already fund it;"
              + " 422 otherwise): a field left out keeps"
              + " its value, a list sent replaces the whole list (null empties it). The"
              + " recruitment window must still close on or after it opens and before the start;"
              + " capacity cannot go below the seats taken. Needs If-Match with the ETag last"
              + " read (412 when the cohort changed since). Only while the cohort is planned or"
              + " recruiting (409 otherwise), except trainers and funders (names and partner ids),"
              + " which may also change"
              + " while it runs. Emits cohort-changed with the whole cohort (never the"
              + " trainers).")
  @APIResponse(
      responseCode = "200",
      description = "The changed cohort, with its new ETag",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response change(
      @PathParam("id") UUID id,
      @BeanParam IfMatch.Required ifMatch,
      @Valid @NotNull ChangeCohortRequest request) {
    CohortView view = service.change(id, request, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/open-recruitment")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "openCohortRecruitment",
      summary = "Open a planned cohort's recruitment",
      description =
          "Planned to recruiting (409 illegal-transition otherwise). If-Match, when sent, must"
              + " name the current version (412 otherwise). Emits cohort-changed with the new"
              + " status.")
  @APIResponse(
      responseCode = "200",
      description = "The recruiting cohort, with its new ETag",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response openRecruitment(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch) {
    CohortView view = service.openRecruitment(id, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/start")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "startCohort",
      summary = "Start a recruiting cohort",
      description =
          "Recruiting to running (409 illegal-transition otherwise: a planned cohort opens its"
              + " recruitment first). Not before the start date, in the site's time zone (422)."
              + " Every enrolled learner becomes active. If-Match, when sent, must name the"
              + " current version (412 otherwise). Emits cohort-started with the whole cohort and"
              + " the number of active learners.")
  @APIResponse(
      responseCode = "200",
      description = "The running cohort, with its new ETag",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response start(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch) {
    CohortView view = service.start(id, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "completeCohort",
      summary = "Complete a running cohort",
      description =
          "Running to completed (409 illegal-transition otherwise). Not before the end date, in"
              + " the site's time zone (422). Learners still active stay active until their"
              + " jury's result. If-Match, when sent, must name the current version (412"
              + " otherwise). Emits cohort-completed with the whole cohort and its learners"
              + " counted by status.")
  @APIResponse(
      responseCode = "200",
      description = "The completed cohort, with its new ETag",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response complete(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch) {
    CohortView view = service.complete(id, ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "cancelCohort",
      summary = "Cancel a cohort before it runs",
      description =
          "Planned or recruiting to cancelled (409 illegal-transition otherwise). The body, with"
              + " an optional reason kept for staff, may be left out. If-Match, when sent, must"
              + " name the current version (412 otherwise). Emits cohort-cancelled, without the"
              + " reason.")
  @APIResponse(
      responseCode = "200",
      description = "The cancelled cohort, with its new ETag",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response cancel(
      @PathParam("id") UUID id,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = CancelCohortRequest.class)))
          byte[] body)
      throws IOException {
    CohortView view =
        service.cancel(id, cancelRequest(contentType, body), ifMatch.matches(), scope.get());
    return Responses.ok(view, view.version());
  }

  /**
   * The optional body of a cancellation: none at all (a bare {@code POST}, with or without a
   * Content-Type), or JSON, read as strictly as any other body and validated.
   */
  private CancelCohortRequest cancelRequest(String contentType, byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      return null;
    }
    if (!isJson(contentType)) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type.detail");
    }
    CancelCohortRequest request = json.readValue(body, CancelCohortRequest.class);
    if (request == null) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "malformed-json.detail");
    }
    Set<ConstraintViolation<CancelCohortRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return request;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    MediaType type;
    try {
      type = MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
        || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
  }

  @GET
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "listCohorts",
      summary = "List the cohorts in your scope",
      description =
          "By start date, then id, unless sort says otherwise. Filters combine; several status parameters mean any of them;"
              + " startFrom and startTo bound the start date, both included. Integrations get"
              + " trainers and cancellationReason null.")
  public Page<CohortView> list(
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @QueryParam("site") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String site,
      @QueryParam("programme") @Pattern(regexp = "[A-Z0-9-]{2,64}") String programme,
      @Parameter(
              description = "Cohorts in any of these statuses",
              schema = @Schema(type = SchemaType.ARRAY, implementation = CohortStatus.class))
          @QueryParam("status")
          @Size(max = 5)
          List<@Size(max = 20) String> statuses,
      @Parameter(
              description = "Starting on or after this day",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("startFrom")
          @Size(max = 10)
          String startFrom,
      @Parameter(
              description = "Starting on or before this day",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("startTo")
          @Size(max = 10)
          String startTo,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: startDate, endDate, programme, site, country, status. Default"
                      + " startDate, the order read from the scopes' indexes; another order sorts"
                      + " the whole of the caller's scope that matches.",
              example = "site,-startDate")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return search.list(
        new CohortSearchService.Filters(
            country,
            site,
            programme,
            QueryParams.values(CohortStatus.class, "status", statuses),
            QueryParams.date("startFrom", startFrom),
            QueryParams.date("startTo", startTo)),
        CohortSearchService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
  @Operation(
      operationId = "getCohort",
      summary = "Read a cohort in your scope",
      description = "Integrations get trainers and cancellationReason null.")
  @APIResponse(
      responseCode = "200",
      description = "The cohort, with the applications it received",
      content = @Content(schema = @Schema(implementation = CohortView.class)))
  public Response get(@PathParam("id") UUID id) {
    CohortView view = service.get(id, scope.get());
    return Responses.ok(view, view.version());
  }
}
