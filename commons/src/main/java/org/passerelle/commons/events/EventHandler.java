package org.passerelle.commons.events;

/**
 * Applies one kind of incoming event. Implementations are CDI beans; the inbox consumer calls
 * {@link #handle} inside the transaction that also records the event id, so the effect happens
 * exactly once. Throwing rolls the effect back and the event is retried, then parked.
 */
public interface EventHandler {

  /** Topic the handled events arrive on, e.g. {@code enrollment.events}. */
  String topic();

  /**
   * Full CloudEvents type handled, e.g. {@code org.passerelle.enrollment.application-submitted.v1}.
   */
  String type();

  void handle(IncomingEvent event);
}
