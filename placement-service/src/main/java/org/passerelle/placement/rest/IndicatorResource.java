package org.passerelle.placement.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.api.IndicatorDefinition;
import org.passerelle.placement.api.IndicatorLearnersView;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.PublishJobOfferRequest;
import org.passerelle.placement.service.IndicatorCalculator.GroupBy;
import org.passerelle.placement.service.IndicatorDefinitions;
import org.passerelle.placement.service.IndicatorService;

@Path("/api/v1/indicators")
@Tag(
    name = "Indicators",
    description = "Impact indicators: figures, their definitions, who they count")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class IndicatorResource {

  static final String VALUES = "invalid-request.parameter-values";

  private final IndicatorService service;
  private final IndicatorDefinitions definitions;
  private final CurrentScope scope;

  IndicatorResource(
      IndicatorService service, IndicatorDefinitions definitions, CurrentScope scope) {
    this.service = service;
    this.definitions = definitions;
    this.scope = scope;
  }

  @GET
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER
  })
  @Operation(
      operationId = "getIndicators",
      summary = "The impact indicators of a period in your scope",
      description =
          "Figures of [from, to] (inclusive days) per group (groupBy country, site, programme,"
              + " cohort or funder; a learner counts under each funder of their cohort), each with"
              + " its numerator, denominator, unknowns, response rate, definition id and version,"
              + " and the country's threshold. Staff read their sites or country, integrations"
              + " their country, partners the cohorts they fund (grouped by funder: their own"
              + " group). A filter outside your scope gives no group. Figures counting 1 to"
              + " min-cell - 1 people carry no number (suppression says the rule). Definitions:"
              + " GET /api/v1/indicators/definitions.")
  public IndicatorsView indicators(
      @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("from")
          String from,
      @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("to")
          String to,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"country", "site", "programme", "cohort", "funder"}))
          @QueryParam("groupBy")
          @DefaultValue("country")
          String groupBy,
      @QueryParam("country") @Size(max = 2) String country,
      @QueryParam("site") @Pattern(regexp = PlacementResource.SITE) String site,
      @QueryParam("programmeCode") @Pattern(regexp = PublishJobOfferRequest.PROGRAMME)
          String programmeCode,
      @QueryParam("cohortId") @Size(max = 36) String cohortId,
      @QueryParam("funderPartnerId") @Size(max = 36) String funderPartnerId,
      @Parameter(description = "An indicator id, repeatable; all when absent")
          @QueryParam("indicator")
          @Size(max = 40)
          List<@Size(max = 64) String> indicator) {
    PeriodQueryChecks checks = new PeriodQueryChecks();
    LocalDate start = checks.date("from", from);
    LocalDate end = checks.date("to", to);
    GroupBy grouping = checks.check(() -> groupBy(groupBy));
    IndicatorService.Filters filters =
        filters(checks, country, cohortId, funderPartnerId, site, programmeCode);
    List<IndicatorDefinition> selected = checks.check(() -> selected(indicator));
    checks.period(start, end);
    return service.indicators(start, end, grouping, filters, selected, scope.get());
  }

  @GET
  @Path("definitions")
  @RolesAllowed({
    Roles.PLATFORM_ADMIN,
    Roles.COUNTRY_ADMIN,
    Roles.SITE_STAFF,
    Roles.INTEGRATION,
    Roles.PARTNER,
    Roles.LEARNER
  })
  @Operation(
      operationId = "listIndicatorDefinitions",
      summary = "The indicators' definitions",
      description =
          "Every indicator: id, version, titles in fr, en and ar, source (label or survey),"
              + " attribution to a period, population, numerator, denominator and unknowns in"
              + " words, parameters, countries and per-country thresholds.")
  public List<IndicatorDefinition> definitions() {
    return definitions.all();
  }

  @GET
  @Path("{id}/learners")
  @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.COUNTRY_ADMIN, Roles.SITE_STAFF})
  @Operation(
      operationId = "getIndicatorLearners",
      summary = "The learners one figure counts (staff)",
      description =
          "The pseudonymous learner ids (application ids for the application counts) in the"
              + " numerator, the denominator and the unknowns of indicator id over [from, to],"
              + " within your scope and the filters, optionally for one breakdown category."
              + " 404 for an unknown indicator.")
  public IndicatorLearnersView learners(
      @PathParam("id") @Size(max = 64) String id,
      @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("from")
          String from,
      @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("to")
          String to,
      @QueryParam("category") @Size(max = 64) String category,
      @QueryParam("country") @Size(max = 2) String country,
      @QueryParam("site") @Pattern(regexp = PlacementResource.SITE) String site,
      @QueryParam("programmeCode") @Pattern(regexp = PublishJobOfferRequest.PROGRAMME)
          String programmeCode,
      @QueryParam("cohortId") @Size(max = 36) String cohortId,
      @QueryParam("funderPartnerId") @Size(max = 36) String funderPartnerId) {
    PeriodQueryChecks checks = new PeriodQueryChecks();
    LocalDate start = checks.date("from", from);
    LocalDate end = checks.date("to", to);
    IndicatorService.Filters filters =
        filters(checks, country, cohortId, funderPartnerId, site, programmeCode);
    checks.period(start, end);
    return service.learners(id, category, start, end, filters, scope.get());
  }

  /** The filters' values, each checked in turn with the others. */
  private IndicatorService.Filters filters(
      PeriodQueryChecks checks,
      String country,
      String cohortId,
      String funderPartnerId,
      String site,
      String programme) {
    String knownCountry = checks.check(() -> country(country));
    UUID cohort = checks.check(() -> QueryParams.uuid("cohortId", cohortId));
    UUID funder = checks.check(() -> QueryParams.uuid("funderPartnerId", funderPartnerId));
    return new IndicatorService.Filters(knownCountry, site, programme, cohort, funder);
  }

  private static GroupBy groupBy(String value) {
    for (GroupBy groupBy : GroupBy.values()) {
      if (groupBy.parameter().equals(value)) {
        return groupBy;
      }
    }
    throw ProblemException.invalid(
        "groupBy",
        VALUES,
        "groupBy",
        Arrays.stream(GroupBy.values()).map(GroupBy::parameter).collect(Collectors.joining(", ")));
  }

  private String country(String country) {
    if (country != null && !definitions.countries().contains(country)) {
      throw ProblemException.invalid(
          "country", VALUES, "country", String.join(", ", definitions.countries()));
    }
    return country;
  }

  private List<IndicatorDefinition> selected(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return definitions.all();
    }
    List<IndicatorDefinition> selected = new ArrayList<>();
    for (IndicatorDefinition definition : definitions.all()) {
      if (ids.contains(definition.id())) {
        selected.add(definition);
      }
    }
    for (String id : ids) {
      if (definitions.byId(id).isEmpty()) {
        throw ProblemException.invalid(
            "indicator", VALUES, "indicator", String.join(", ", definitions.ids()));
      }
    }
    return selected;
  }
}
