package org.passerelle.cohort.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a certificate is revoked. */
public record RevokeCertificateRequest(
    @Schema(
            description =
                "Staff's reason, kept in the certificate's audit for staff; never shown publicly"
                    + " nor sent in events, and erased with the learner",
            maxLength = 500)
        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = TEXT)
        String reason) {

  /** Text on several lines: no control characters but tabs and line breaks. */
  static final String TEXT = "[\\P{Cc}\\t\\r\\n]*";
}
