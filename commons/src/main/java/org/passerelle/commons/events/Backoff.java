package org.passerelle.commons.events;

import java.time.Duration;

/**
 * Exponential backoff between retries, capped. Not thread-safe: one per retrying loop; {@link
 * #after} for retries a table schedules.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration current;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.current = initial;
  }

  /**
   * The wait after this many consecutive failures (1 for the first), doubling from {@code initial}
   * up to {@code max}: for retries scheduled in a table rather than slept in a loop.
   */
  public static Duration after(int failures, Duration initial, Duration max) {
    Duration delay = initial;
    for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) <= 0 ? delay : max;
  }

  public Duration current() {
    return current;
  }

  public void reset() {
    current = initial;
  }

  /** Sleeps the current delay, then doubles it up to the cap. */
  public void pause() {
    try {
      Thread.sleep(current.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) <= 0 ? doubled : max;
  }
}
