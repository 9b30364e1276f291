package org.passerelle.placement.api;

import jakarta.validation.constraints.Size;

/** A contact attempt that did not reach the learner, with staff's note (never published). */
public record FollowUpAttemptRequest(@Size(max = 500) String note) {}
