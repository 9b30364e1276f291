package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A convention drafted with a partner of the country, for some of its sites, and possibly sites of
 * other countries it also covers (ADR 0024).
 */
public record CreateConventionRequest(
    @NotNull UUID partnerId,
    @NotNull @Pattern(regexp = "FR|MA") String country,
    @Schema(description = "Other countries covered besides the partner's; each needs a site")
        @Size(max = 2)
        List<@NotNull @Pattern(regexp = "FR|MA") String> countries,
    @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = SITE) String> sites,
    @Size(max = 20) List<@NotNull @Pattern(regexp = PROGRAMME) String> programmes,
    @Size(max = 10) List<@NotBlank @Size(max = 200) String> signatories,
    @Size(max = 100) @Pattern(regexp = DOCUMENT) String documentReference,
    @NotNull LocalDate startsOn,
    @NotNull LocalDate endsOn) {

  public static final String SITE = "[A-Z]{2}-[A-Z0-9-]{1,61}";
  public static final String PROGRAMME = "[A-Z0-9-]{2,64}";
  public static final String DOCUMENT = "[0-9A-Za-z][0-9A-Za-z ._/-]{0,99}";
}
