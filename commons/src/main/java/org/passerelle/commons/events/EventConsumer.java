package org.passerelle.commons.events;

/**
 * Applies one kind of incoming event, received as its typed payload. Implementations are CDI beans
 * in a service's {@code handlers} package; they decide nothing themselves and call a service bean
 * for every write. The inbox consumer binds the data to {@link ConsumedEvent#payload()} (a missing
 * required field fails the event), then calls {@link #handle} inside the transaction that also
 * records the event id, so the effect happens exactly once. Throwing rolls the effect back and the
 * event is retried, then parked.
 */
public interface EventConsumer<T extends Record> {

  /** The declaration this consumer applies, from the service's {@code ConsumedEvents} list. */
  ConsumedEvent<T> consumes();

  /**
   * Applies the event.
   *
   * @param event the event's data, bound and checked
   * @param envelope the CloudEvent around it: id, time, country and site extensions
   */
  void handle(T event, IncomingEvent envelope);
}
