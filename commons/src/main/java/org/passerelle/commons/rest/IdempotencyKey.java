package org.passerelle.commons.rest;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.passerelle.commons.idempotency.IdempotencyKeys;

/**
 * The {@code Idempotency-Key} of a creating POST (DESIGN §6), read and described once: a resource
 * takes it as a {@code @BeanParam} and hands {@link #value()} to {@link IdempotencyKeys#once},
 * which checks it and replays the first result.
 */
public class IdempotencyKey {

  @Parameter(
      description =
          "Any unique text up to 200 characters, chosen by the caller for this create: retries"
              + " with the same key and body return the first result (Idempotent-Replayed: true);"
              + " the same key with another body is refused")
  @Schema(maxLength = IdempotencyKeys.MAX_KEY_LENGTH)
  @HeaderParam(IdempotencyKeys.HEADER)
  String value;

  /** The key, or null when the caller sent none (the create then runs each time). */
  public String value() {
    return value;
  }
}
