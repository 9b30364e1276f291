package org.passerelle.cohort.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.JobTrack;

/**
 * A change to a programme, as a JSON merge patch: a field left out keeps its value, objects merge
 * field by field, a list replaces the whole list. Only the certification code may be removed
 * (null); every other field is required, so null is refused. The code never changes: it is not a
 * field.
 */
public class ChangeProgrammeRequest {

  @JsonSetter(nulls = Nulls.FAIL)
  @Valid
  public Titles titles;

  @JsonSetter(nulls = Nulls.FAIL)
  public JobTrack jobTrack;

  @JsonSetter(nulls = Nulls.FAIL)
  @Valid
  public Certification certification;

  @JsonSetter(nulls = Nulls.FAIL)
  @Min(1)
  @Max(104)
  public Integer durationWeeks;

  @Schema(description = "Replaces every block, in this order; [] removes them all", maxItems = 20)
  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 20)
  public List<@NotNull @Valid CompetencyBlockRequest> competencyBlocks;

  @Schema(name = "ChangeProgrammeTitles", description = "Title changes, language by language")
  public static class Titles {
    @JsonSetter(nulls = Nulls.FAIL)
    @Size(max = 200)
    @Pattern(regexp = ChangeSiteRequest.NOT_BLANK)
    public String fr;

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(max = 200)
    @Pattern(regexp = ChangeSiteRequest.NOT_BLANK)
    public String en;

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(max = 200)
    @Pattern(regexp = ChangeSiteRequest.NOT_BLANK)
    public String ar;
  }

  @Schema(
      name = "ChangeProgrammeCertification",
      description = "Certification changes, field by field")
  public static class Certification {
    @JsonSetter(nulls = Nulls.FAIL)
    @Size(max = 20)
    @Pattern(regexp = "[A-Z0-9-]{2,20}")
    public String framework;

    /**
     * Left out: null; sent as null (removed): empty; otherwise the new code, which the service
     * checks against the framework's configured format (Bean Validation does not look into an
     * Optional field).
     */
    @Schema(implementation = String.class, nullable = true, maxLength = 40)
    public Optional<String> code;

    @JsonSetter(nulls = Nulls.FAIL)
    @Min(1)
    @Max(8)
    public Integer level;
  }
}
