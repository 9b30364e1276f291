package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.problem.Problems;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.api.ImportApplicationsRequest;
import org.passerelle.enrollment.api.ImportReport;
import org.passerelle.enrollment.api.ImportSummary;
import org.passerelle.enrollment.service.ApplicationImportService;
import org.passerelle.enrollment.service.ApplicationImportWorker;
import org.passerelle.enrollment.service.ImportFile;
import org.passerelle.enrollment.service.ImportFileReader;
import org.passerelle.problem.Messages;

@Path("/api/v1/applications/imports")
@Tag(
    name = "Application imports",
    description = "Regional offices push applications in bulk (CSV or JSON)")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.INTEGRATION})
public class ApplicationImportResource {

  public static final String TEXT_CSV = "text/csv";

  /** When to look at a job again: a few hundred rows are applied meanwhile. */
  private static final int RETRY_AFTER_SECONDS = 2;

  private static final String CSV_EXAMPLE =
      """
      externalRef,intakeId,firstName,lastName,birthDate,email,phone,addressLine,postalCode,city,\
      addressCountry,nationality,gender,educationLevel,jobSeekerAgency,jobSeekerId,priorityPublics,\
      referralSource,referralContact,motivation,availability,accommodationNeeds,\
      consentApplicationProcessing,consentFollowUpContact,consentCvSharing,consentTextVersion
      IDF-2026-0001,6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b,Amina,Benali,2001-04-12,\
      amina.benali@example.org,+33612345678,12 rue des Lilas,93270,Sevran,FR,FR,FEMALE,BAC,\
      FRANCE_TRAVAIL,1234567A,PRIORITY_NEIGHBOURHOOD|NEET_UNDER_26,MISSION_LOCALE,Mme Durand,\
      "Je veux devenir développeuse web, et vite.",Full time,,true,true,false,
      """;

  private final ImportFileReader files;
  private final ApplicationImportService imports;
  private final CurrentScope scope;
  private final ApplicationImportWorker worker;

  ApplicationImportResource(
      ImportFileReader files,
      ApplicationImportService imports,
      CurrentScope scope,
      ApplicationImportWorker worker) {
    this.files = files;
    this.imports = imports;
    this.scope = scope;
    this.worker = worker;
  }

  @POST
  @Consumes({TEXT_CSV, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "importApplications",
      summary = "Import applications in bulk (CSV or JSON)",
      description =
          """
          For regional offices' systems (integration, in their country), country admins (their \
          country) and platform admins. Up to passerelle.enrollment.imports.max-rows rows \
          (10,000 by default; more: 413) and 8 MiB.

          Each row is validated and applied on its own, as POST /api/v1/applications would: a \
          bad row fails alone and never stops or undoes the others. Every row needs an \
          `externalRef`, the office's own reference, unique per country: a row whose \
          externalRef was already imported with the same content is UNCHANGED (nothing is \
          created twice when a file is sent again); with other content it FAILS with a \
          conflict.

          The file is read whole and checked before the answer (a file that cannot be read is \
          refused, nothing stored); then it is stored with its job and the answer is \
          **202 Accepted** at once, with the job (status QUEUED), `Location` to read it and \
          `Retry-After`. The rows are applied in the background, in the file's order; a job \
          stopped by a restart resumes where it was, never applying a row twice. GET the \
          Location: `status` (QUEUED, RUNNING, SUCCEEDED, FAILED), `rowsProcessed` of \
          `rowsTotal`, and the `created`, `unchanged` and `failed` counts so far; once it has \
          ended, `rows` gives each row's outcome (CREATED, UNCHANGED, FAILED), its application \
          id, and for failures the problem with its field errors, in the caller's language. It \
          holds no personal data. (Before ADR 0047 this answered 201 with the finished report.)

          **CSV** (`text/csv`, UTF-8 unless a charset is given, optional BOM, RFC 4180 quoting; \
          comma-separated, or semicolon-separated when the header row has no comma). A header \
          row names the columns, in any order: `externalRef`*, `intakeId`*, `siteCode`, \
          `firstName`*, `lastName`*, `birthDate`* (YYYY-MM-DD), `email`*, `phone`* (E.164), \
          `addressLine`*, `postalCode`*, `city`*, `addressCountry`* (ISO 3166-1), \
          `nationality`*, `gender` (FEMALE, MALE, NON_BINARY, NOT_DECLARED), \
          `educationLevel`* (NONE, BELOW_BAC, BAC, BAC_PLUS_2, BAC_PLUS_3_OR_MORE, \
          FOREIGN_DIPLOMA), `jobSeekerAgency` (FRANCE_TRAVAIL, ANAPEC), `jobSeekerId`, \
          `priorityPublics` (separated by `|`: PRIORITY_NEIGHBOURHOOD, REFUGEE, DISABILITY, \
          NEET_UNDER_26), `referralSource` (MISSION_LOCALE, FRANCE_TRAVAIL, ANAPEC, \
          ASSOCIATION, ALUMNI, SELF), `referralContact`, `motivation`, `availability`, \
          `accommodationNeeds`, `consentApplicationProcessing`*, `consentFollowUpContact`, \
          `consentCvSharing` (true or false; empty: not asked), `consentTextVersion`. Columns \
          marked * must be in the header; an unknown, repeated or missing column refuses the \
          file (400) before anything is written. Empty cells are absent values. Rows are \
          numbered from 1 after the header; `line` gives the file's line. Field errors name \
          the column.

          **JSON** (`application/json`): `{"rows": [ <an application as POST \
          /api/v1/applications takes it, with externalRef>, ... ]}`. Malformed JSON refuses \
          the file (400); a row with wrong types or unknown fields fails alone.

          `Idempotency-Key`: a retry with the same key and body returns the same job (202).""")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the job, also at Location, where its progress is read",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed file or header; nothing written",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "413",
      description = "Too many rows or too large; nothing written",
      content = @Content(mediaType = "application/problem+json"))
  public Response importApplications(
      @BeanParam IdempotencyKey idempotencyKey,
      @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = TEXT_CSV,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 8 * 1024 * 1024),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportApplicationsRequest.class))
              })
          byte[] body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Locale locale = Messages.pick(Problems.languages(headers));
    MediaType type = headers.getMediaType();
    byte[] content = body == null ? new byte[0] : body;
    boolean csv = type != null && type.isCompatible(MediaType.valueOf(TEXT_CSV));
    String contentType = type == null ? null : type.toString();
    ImportFile file =
        csv
            ? files.readCsv(content, ImportFileReader.charset(contentType), locale)
            : files.readJson(content, locale);
    ApplicationImportService.Result result =
        imports.accept(file, content, contentType, idempotencyKey.value(), scope.get(), locale);
    worker.wake();
    return Response.accepted()
        .location(Responses.location(uri, result.id().toString()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(result.json())
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .header(Responses.REPLAYED, result.replayed() ? "true" : null)
        .build();
  }

  @GET
  @Operation(
      operationId = "listApplicationImports",
      summary = "List the imports in your scope (without their rows)",
      description =
          "Newest first unless sort says otherwise. Platform admins see every import; country"
              + " admins and offices' systems those made in"
              + " their country.")
  public Page<ImportSummary> list(
      @QueryParam("country") @Pattern(regexp = "FR|MA") String country,
      @Parameter(description = "Started on or after this day (UTC)") @QueryParam("startedFrom")
          LocalDate startedFrom,
      @Parameter(description = "Started on or before this day (UTC)") @QueryParam("startedTo")
          LocalDate startedTo,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: startedAt, finishedAt, country, format. Default -startedAt"
                      + " (newest first).",
              example = "country,-startedAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return imports.list(
        country,
        startedFrom,
        startedTo,
        ApplicationImportService.SORTING.parse(sort),
        page,
        size,
        scope.get());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getApplicationImport",
      summary = "Read an import's job: its progress, then its report row by row",
      description =
          "Status, rows processed and counts so far; once it has ended, each row's result."
              + " Messages are in the language of the import request. Outside your country:"
              + " 404.")
  @APIResponse(
      responseCode = "200",
      description = "The job",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  public Response get(@PathParam("id") UUID id) {
    return Response.ok(imports.report(id, scope.get()), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
