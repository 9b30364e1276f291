package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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
import org.passerelle.enrollment.api.ConsentGiven;
import org.passerelle.enrollment.api.ConsentsView;
import org.passerelle.enrollment.api.ErasureView;
import org.passerelle.enrollment.service.ApplicantExportService;
import org.passerelle.enrollment.service.ConsentService;
import org.passerelle.enrollment.service.ErasureService;

/**
 * The person's rights over their data (GDPR in France, law 09-08 in Morocco): consents, access and
 * erasure. The person themself always; staff as each operation says, within their scope (an
 * applicant outside it answers 404).
 */
@Path("/api/v1/applicants")
@Tag(
    name = "Personal data",
    description = "Consents, right of access and right to erasure of an applicant")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({
  Roles.PLATFORM_ADMIN,
  Roles.COUNTRY_ADMIN,
  Roles.SITE_STAFF,
  Roles.INTEGRATION,
  Roles.LEARNER
})
public class ApplicantResource {

  private final ConsentService consents;
  private final ApplicantExportService exports;
  private final ErasureService erasure;
  private final CurrentScope scope;

  ApplicantResource(
      ConsentService consents,
      ApplicantExportService exports,
      ErasureService erasure,
      CurrentScope scope) {
    this.consents = consents;
    this.exports = exports;
    this.erasure = erasure;
    this.scope = scope;
  }

  @GET
  @Path("{id}/consents")
  @Operation(
      operationId = "getApplicantConsents",
      summary = "The person's consents: the one in force per purpose, and the history",
      description =
          "For the person themself and for staff (platform admin, country admin, site staff) in"
              + " scope; other roles in scope get 403. 409 once the person's data is erased.")
  public Response consents(@PathParam("id") UUID id) {
    return noStore(Response.ok(consents.get(id, scope.get())));
  }

  @POST
  @Path("{id}/consents")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordApplicantConsents",
      summary = "Record consents given or withdrawn",
      description =
          "Appends one record per purpose sent (each purpose at most once), under the regime of"
              + " the person's country and the text version shown (the country's current one if"
              + " absent); the newest record per purpose is the one in force. By the person"
              + " themself or by staff (platform admin, country admin, site staff) in scope on"
              + " their behalf. Withdrawing APPLICATION_PROCESSING is recorded like any other"
              + " withdrawal: it means staff must stop processing the person's applications (no"
              + " further screening or decision); it does not withdraw them, which the person or"
              + " staff do explicitly (POST /api/v1/applications/{id}/withdraw). FOLLOW_UP_CONTACT"
              + " and CV_SHARING travel with the next application events as consentedPurposes."
              + " 409 once the person's data is erased.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; the consents as they now stand",
      content = @Content(schema = @Schema(implementation = ConsentsView.class)))
  public Response recordConsents(
      @PathParam("id") UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @NotEmpty @Size(max = 3) List<@NotNull @Valid ConsentGiven> given,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<ConsentsView> outcome =
        consents.record(id, given, idempotencyKey.value(), scope.get());
    return noStore(
        Response.created(Responses.location(uri))
            .entity(outcome.value())
            .header(Responses.REPLAYED, outcome.replayed() ? "true" : null));
  }

  @GET
  @Path("{id}/export")
  @Operation(
      operationId = "exportApplicant",
      summary = "Everything held about the person (right of access)",
      description =
          "The applicant with every field, sensitive ones included, every application with its"
              + " screening and decisions, the consents and their history, the audit of reads and"
              + " changes of the sensitive fields, and the imports and stored responses that"
              + " name the person. For the person themself and for the roles that read sensitive"
              + " data (passerelle.enrollment.sensitive-data.reader-roles, by default platform"
              + " admin and country admin) in scope; other roles in scope get 403. Audited"
              + " (EXPORT). 409 once the person's data is erased.")
  public Response export(@PathParam("id") UUID id) {
    return noStore(Response.ok(exports.export(id, scope.get())));
  }

  @POST
  @Path("{id}/erase")
  @Operation(
      operationId = "eraseApplicant",
      summary = "Erase the person's data (right to erasure)",
      description =
          "Withdraws the person's open applications first (application-withdrawn, so a seat"
              + " held is freed), then replaces names, email and every contact, identity and"
              + " free-text field with random pseudonyms or nothing, unlinks the learner"
              + " account, deletes the stored responses of retried requests that name the"
              + " person, and emits applicant-erased with the learnerId so that other services"
              + " drop what they link to it. Keeps the categories indicators count (gender, age"
              + " band, education level, job-seeker agency, priority publics, country, statuses,"
              + " dates). Irreversible. By the person themself, or a platform or country admin"
              + " in scope; other roles in scope get 403. 409 if already erased.")
  @APIResponse(
      responseCode = "200",
      description = "Erased",
      content = @Content(schema = @Schema(implementation = ErasureView.class)))
  public ErasureView erase(@PathParam("id") UUID id) {
    return erasure.erase(id, scope.get());
  }

  /** Personal data: no cache keeps a copy. */
  private static Response noStore(Response.ResponseBuilder response) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoTransform(false);
    return response.cacheControl(noStore).build();
  }
}
