package org.passerelle.partnership.handlers;

import java.util.List;
import org.passerelle.commons.events.ConsumedEvent;

/**
 * What partnership-service consumes from other services. A consumption is declared here as a {@code
 * ConsumedEvent} constant, applied by an {@code EventConsumer} in this package, and listed in
 * docs/events.md; ConsumedEventsTest checks the three agree.
 */
public final class ConsumedEvents {

  // conventions: placements count towards hiring commitments
  public static final ConsumedEvent<PlacementRecorded> PLACEMENT_RECORDED =
      ConsumedEvent.of("placement", "placement-recorded", 1, PlacementRecorded.class);

  public static final List<ConsumedEvent<?>> ALL = List.of(PLACEMENT_RECORDED);

  private ConsumedEvents() {}
}
