package org.passerelle.partnership.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.partnership.PartnerKind;
import org.passerelle.partnership.PartnerRole;
import org.passerelle.partnership.PartnerStatus;

/**
 * A change to a partner, as a JSON merge patch: a field left out keeps its value, a list or the
 * address sent replaces the whole of it. The legal identifier, sector and address may be removed
 * (null); the other fields are required, so null is refused (sites: null empties the list). The
 * country never changes: it is not a field. Fields, not a record: only through fields does Jackson
 * tell a left-out field from a null (an Optional field: left out is null, null is empty).
 */
public class ChangePartnerRequest {

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 200)
  @Pattern(regexp = PartnerAddress.NOT_BLANK)
  public String name;

  @JsonSetter(nulls = Nulls.FAIL)
  public PartnerKind kind;

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(min = 1, max = 11)
  public Set<@NotNull PartnerRole> roles;

  @JsonSetter(nulls = Nulls.FAIL)
  public PartnerStatus status;

  /** Its format here; the service checks it against the country's rule. */
  @Schema(
      implementation = String.class,
      nullable = true,
      maxLength = 40,
      pattern = "[0-9A-Z ]{1,40}",
      description = "SIRET in France, ICE in Morocco; null removes it")
  public Optional<@Size(max = 40) @Pattern(regexp = "[0-9A-Z ]{1,40}") String> registrationNumber;

  @Schema(implementation = String.class, nullable = true, maxLength = 100)
  public Optional<@Size(max = 100) @Pattern(regexp = PartnerAddress.NOT_BLANK) String> sector;

  @Schema(implementation = PartnerAddress.class, nullable = true)
  public Optional<@Valid PartnerAddress> address;

  @JsonSetter(nulls = Nulls.AS_EMPTY)
  @Size(max = 100)
  public Set<@NotNull @Pattern(regexp = PartnerView.SITE_CODE) @Size(max = 64) String> sites;
}
