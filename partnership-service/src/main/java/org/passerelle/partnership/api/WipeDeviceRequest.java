package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A computer's disk was wiped: the certificate's reference and who did it. */
public record WipeDeviceRequest(
    @NotBlank @Size(max = 100) String certificateReference,
    @NotBlank @Size(max = 200) String wipedBy) {}
