package org.passerelle.cohort.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A change to a cohort, as a JSON merge patch: a field left out keeps its value. A null would
 * remove the field: the dates, capacity, window and age are required, so null is refused; the
 * trainers, funders and funder partner ids lists become empty. A list sent replaces the whole list.
 * Fields, not a record: only through fields does Jackson tell a left-out field from a null.
 */
public class ChangeCohortRequest {

  @JsonSetter(nulls = Nulls.FAIL)
  public LocalDate startDate;

  @JsonSetter(nulls = Nulls.FAIL)
  public LocalDate endDate;

  @JsonSetter(nulls = Nulls.FAIL)
  @Min(1)
  @Max(500)
  public Integer capacity;

  @JsonSetter(nulls = Nulls.FAIL)
  public LocalDate recruitmentOpensOn;

  @JsonSetter(nulls = Nulls.FAIL)
  public LocalDate recruitmentClosesOn;

  @JsonSetter(nulls = Nulls.FAIL)
  @Min(16)
  @Max(99)
  public Integer minimumAge;

  @JsonSetter(nulls = Nulls.AS_EMPTY)
  @Size(max = 10)
  public List<@NotBlank @Size(max = 200) String> trainers;

  @JsonSetter(nulls = Nulls.AS_EMPTY)
  @Size(max = 20)
  public List<@NotBlank @Size(max = 200) String> funders;

  @JsonSetter(nulls = Nulls.AS_EMPTY)
  @Size(max = 20)
  public List<@NotNull UUID> funderPartnerIds;

  /** Whether the change touches more than the trainers and funders (names or partner ids). */
  public boolean changesMoreThanStaffing() {
    return startDate != null
        || endDate != null
        || capacity != null
        || recruitmentOpensOn != null
        || recruitmentClosesOn != null
        || minimumAge != null;
  }
}
