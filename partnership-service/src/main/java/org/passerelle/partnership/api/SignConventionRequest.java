package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The signature of a draft: when, and, if they changed, who signed and the document's reference.
 */
public record SignConventionRequest(
    @NotNull LocalDate signedOn,
    @Size(max = 10) List<@NotBlank @Size(max = 200) String> signatories,
    @Size(max = 100) @Pattern(regexp = CreateConventionRequest.DOCUMENT)
        String documentReference) {}
