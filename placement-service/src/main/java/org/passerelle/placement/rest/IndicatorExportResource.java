package org.passerelle.placement.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.api.IndicatorExport;
import org.passerelle.placement.api.IndicatorExportAuditView;
import org.passerelle.placement.api.IndicatorExportDictionary;
import org.passerelle.placement.service.IndicatorDefinitions;
import org.passerelle.placement.service.IndicatorExportService;
import org.passerelle.placement.service.IndicatorReport;

@Path("/api/v1/indicators/exports")
@Tag(name = "Indicators", description = "Impact indicators, closed periods and exports")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class IndicatorExportResource {

  private final IndicatorExportService service;
  private final IndicatorDefinitions definitions;
  private final CurrentScope scope;

  IndicatorExportResource(
      IndicatorExportService service, IndicatorDefinitions definitions, CurrentScope scope) {
    this.service = service;
    this.definitions = definitions;
    this.scope = scope;
  }

  @GET
  @Path("{report}")
  @Produces({MediaType.APPLICATION_JSON, IndicatorExportCsv.TEXT_CSV})
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER
  })
  @Operation(
      operationId = "exportIndicators",
      summary = "Export an indicators report for its audience",
      description =
          "fr-label-yearly (FR, per site), qualiopi-results (per programme), ma-insertion-9m"
              + " (MA, per programme), funder-report (per cohort of one funder, funderPartnerId)."
              + " format=csv (RFC 4180, header = the dictionary's names) or json. Staff export"
              + " their scope, integrations their country, partners only their own funder report."
              + " A closed period is read as frozen. Every export is audited.")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorExport.class)),
        @Content(
            mediaType = IndicatorExportCsv.TEXT_CSV,
            schema = @Schema(type = SchemaType.STRING))
      })
  public Response export(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "fr-label-yearly",
                        "qualiopi-results",
                        "ma-insertion-9m",
                        "funder-report"
                      }))
          @PathParam("report")
          @Size(max = 40)
          String report,
      @Parameter(required = true) @QueryParam("country") @Pattern(regexp = "[A-Z]{2}")
          String country,
      @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("from")
          @Size(max = 10)
          String from,
      @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("to")
          @Size(max = 10)
          String to,
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("funderPartnerId")
          @Size(max = 36)
          String funderPartnerId,
      @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "csv|json") String format) {
    IndicatorReport found = report(report);
    PeriodQueryChecks checks = new PeriodQueryChecks();
    checks.required("country", country);
    LocalDate start = checks.date("from", from);
    LocalDate end = checks.date("to", to);
    UUID funder = checks.check(() -> QueryParams.uuid("funderPartnerId", funderPartnerId));
    checks.period(start, end);
    IndicatorExport export =
        service.export(
            new IndicatorExportService.Query(found, country, start, end, funder, format),
            scope.get());
    if ("json".equals(format)) {
      return Response.ok(export, MediaType.APPLICATION_JSON_TYPE).build();
    }
    String file =
        "%s-%s-%s-%s.csv".formatted(export.report(), export.country(), export.from(), export.to());
    return Response.ok(IndicatorExportCsv.of(found.columns(), export.rows()))
        .type(IndicatorExportCsv.TEXT_CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  @GET
  @Path("{report}/dictionary")
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER
  })
  @Operation(
      operationId = "getIndicatorExportDictionary",
      summary = "The columns of an indicators report",
      description =
          "Each column's name, type (string, date, uuid, integer, decimal, boolean),"
              + " whether it may be empty, the indicator it comes from and what it means.")
  public IndicatorExportDictionary dictionary(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "fr-label-yearly",
                        "qualiopi-results",
                        "ma-insertion-9m",
                        "funder-report"
                      }))
          @PathParam("report")
          @Size(max = 40)
          String report) {
    return report(report).dictionary(definitions);
  }

  @GET
  @Path("audit")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN})
  @Operation(
      operationId = "listIndicatorExportAudit",
      summary = "Who exported which indicators report",
      description =
          "Newest first unless sort says otherwise: who (subject and roles), when, which report,"
              + " format, country, funder,"
              + " scope and period, and how many rows. Platform admins all, country admins their"
              + " country's.")
  public Page<IndicatorExportAuditView> audit(
      @QueryParam("country") @Pattern(regexp = "[A-Z]{2}") String country,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "fr-label-yearly",
                        "qualiopi-results",
                        "ma-insertion-9m",
                        "funder-report"
                      }))
          @QueryParam("report")
          @Pattern(regexp = "fr-label-yearly|qualiopi-results|ma-insertion-9m|funder-report")
          String report,
      @Parameter(
              description =
                  Sorting.SYNTAX
                      + " Fields: exportedAt, report, country, exportedBy. Default -exportedAt"
                      + " (newest first).",
              example = "report,-exportedAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return service.audit(
        country, report, IndicatorExportService.AUDIT_SORTING.parse(sort), page, size, scope.get());
  }

  private static IndicatorReport report(String id) {
    return IndicatorReport.byId(id)
        .orElseThrow(() -> ProblemException.notFound("indicator-report"));
  }
}
