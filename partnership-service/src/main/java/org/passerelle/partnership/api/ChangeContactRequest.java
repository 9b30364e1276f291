package org.passerelle.partnership.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to a contact, as a JSON merge patch: a field left out keeps its value; the role, email
 * and phone may be removed (null) as long as an email or a phone remains; the name is required.
 * Fields, not a record, for the reason given on {@link ChangePartnerRequest}.
 */
public class ChangeContactRequest {

  @JsonSetter(nulls = Nulls.FAIL)
  @Size(max = 200)
  @Pattern(regexp = PartnerAddress.NOT_BLANK)
  public String name;

  @Schema(implementation = String.class, nullable = true, maxLength = 100)
  public Optional<@Size(max = 100) @Pattern(regexp = PartnerAddress.NOT_BLANK) String> jobTitle;

  @Schema(implementation = String.class, nullable = true, maxLength = 254, format = "email")
  public Optional<@Size(max = 254) @Email String> email;

  @Schema(
      implementation = String.class,
      nullable = true,
      maxLength = 30,
      pattern = ContactRequest.PHONE)
  public Optional<@Size(max = 30) @Pattern(regexp = ContactRequest.PHONE) String> phone;
}
