package org.passerelle.placement.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;

/**
 * A change to a job offer, as a JSON merge patch: a field left out keeps its value, a list sent
 * replaces the whole of it. Description, duration, salary and closing date may be removed (null);
 * the other fields are required, so null is refused (lists: null empties them). The employer
 * partner and the site never change: they decide who handles the offer. Fields, not a record: only
 * through fields does Jackson tell a left-out field from a null.
 */
public class ChangeJobOfferRequest {

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 200)
  @Pattern(regexp = NOT_BLANK)
  public String employerName;

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 200)
  @Pattern(regexp = NOT_BLANK)
  public String title;

  @JsonSetter(nulls = Nulls.FAIL)
  public ContractType contractType;

  @JsonSetter(nulls = Nulls.FAIL)
  public JobOffer.RemoteMode remoteMode;

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 100)
  @Pattern(regexp = NOT_BLANK)
  public String city;

  @JsonSetter(nulls = Nulls.FAIL)
  @Min(1)
  @Max(1000)
  public Integer openings;

  @JsonSetter(nulls = Nulls.AS_EMPTY)
  @Size(max = 30)
  public List<@NotBlank @Size(max = 100) String> skills;

  @JsonSetter(nulls = Nulls.AS_EMPTY)
  @Size(max = 20)
  public List<@NotNull @Pattern(regexp = PublishJobOfferRequest.PROGRAMME) String> programmes;

  @JsonSetter(nulls = Nulls.AS_EMPTY)
  @Size(max = 20)
  public List<@NotNull @Size(max = 64) @Pattern(regexp = PublishJobOfferRequest.SITE) String>
      targetSites;

  @Schema(implementation = String.class, nullable = true, maxLength = 5000)
  public Optional<@Size(max = 5000) String> description;

  @Schema(implementation = Integer.class, nullable = true, minimum = "1", maximum = "120")
  public Optional<@Min(1) @Max(120) Integer> durationMonths;

  @Schema(implementation = JobOfferSalary.class, nullable = true)
  public Optional<@Valid JobOfferSalary> salary;

  @Schema(implementation = LocalDate.class, nullable = true)
  public Optional<LocalDate> closingDate;

  /**
   * Text with at least one non-blank character, as a regular expression both Java and the OpenAPI
   * document's readers (ECMA-262, no inline flags) understand.
   */
  public static final String NOT_BLANK = "\\s*\\S[\\s\\S]*";
}
