package org.passerelle.cohort.rest;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;

/**
 * A change to a cohort that has not started, as a JSON merge patch: a field left out keeps its
 * value. A null would remove the field, and every one of them is required, so null is refused.
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
}
