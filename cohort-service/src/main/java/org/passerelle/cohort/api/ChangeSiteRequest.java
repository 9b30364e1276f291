package org.passerelle.cohort.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a site, as a JSON merge patch: a field left out keeps its value; every field is
 * required, so null is refused. The code and the country never change (cohorts and events name
 * them): they are not fields of the patch.
 */
public class ChangeSiteRequest {

  /**
   * Not blank: at least one character that is not white space. Written without inline flags, as the
   * published OpenAPI document carries it and JSON Schema reads ECMA-262 expressions.
   */
  static final String NOT_BLANK = "\\s*\\S[\\s\\S]*";

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 200)
  @Pattern(regexp = NOT_BLANK)
  public String name;

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 100)
  @Pattern(regexp = NOT_BLANK)
  public String city;

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 100)
  @Pattern(regexp = NOT_BLANK)
  public String region;

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 64)
  @Pattern(regexp = NOT_BLANK)
  public String timeZone;
}
