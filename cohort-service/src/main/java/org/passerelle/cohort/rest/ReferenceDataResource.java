package org.passerelle.cohort.rest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.cohort.repository.ProgrammeRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.commons.rest.Page;

/** Sites and programmes: readable by every authenticated caller. */
@Path("/api/v1")
@Tag(name = "Reference data", description = "Sites and programmes of the network")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@RunOnVirtualThread
public class ReferenceDataResource {

  private final SiteRepository sites;
  private final ProgrammeRepository programmes;

  ReferenceDataResource(SiteRepository sites, ProgrammeRepository programmes) {
    this.sites = sites;
    this.programmes = programmes;
  }

  @GET
  @Path("sites")
  @Transactional
  @Operation(operationId = "listSites", summary = "List the network's sites")
  public Page<SiteView> sites(
      @QueryParam("country") @jakarta.validation.constraints.Pattern(regexp = "FR|MA")
          String country,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    var query =
        country == null
            ? sites.findAll(Sort.by("code"))
            : sites.find("country", Sort.by("code"), country);
    return Page.of(query, page, size, SiteView::of);
  }

  @GET
  @Path("programmes")
  @Transactional
  @Operation(operationId = "listProgrammes", summary = "List the programmes")
  public Page<ProgrammeView> programmes(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return Page.of(programmes.findAll(Sort.by("code")), page, size, ProgrammeView::of);
  }
}
