package org.passerelle.commons.events;

import java.time.Duration;

/** Exponential backoff between retries, capped. Not thread-safe: one per retrying loop. */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration current;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.current = initial;
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
