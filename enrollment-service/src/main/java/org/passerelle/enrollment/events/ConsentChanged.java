package org.passerelle.enrollment.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.enrollment.ConsentPurpose;

/**
 * Data of {@code consent-changed.v1}: the purposes beyond processing applications (follow-up
 * contact, CV sharing) the person consents to after a change, the whole set, so that a consumer
 * replaces what it held (ADR 0023).
 */
public record ConsentChanged(
    UUID learnerId,
    String country,
    List<ConsentPurpose> consentedPurposes,
    OffsetDateTime occurredAt) {

  public static final String NAME = "consent-changed";

  /** The purposes this event carries; processing the application concerns no other service. */
  public static final List<ConsentPurpose> PURPOSES =
      List.of(ConsentPurpose.FOLLOW_UP_CONTACT, ConsentPurpose.CV_SHARING);
}
