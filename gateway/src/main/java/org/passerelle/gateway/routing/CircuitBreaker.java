package org.passerelle.gateway.routing;

/**
 * One backend's breaker: closed while it answers; open after {@code threshold} consecutive
 * failures, answering at once without trying it; after {@code openNanos}, half-open: one probe
 * request goes through, and closes the breaker if it gets an answer or opens it again if not. Times
 * are {@link System#nanoTime()} values passed in, so the states are testable. While closed and
 * answering, which is nearly always, a request takes no lock.
 */
final class CircuitBreaker {

  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final long openNanos;
  private volatile State state = State.CLOSED;
  private volatile int failures;
  private long openedAt;
  private long probeStartedAt;

  CircuitBreaker(int threshold, long openNanos) {
    this.threshold = Math.max(1, threshold);
    this.openNanos = openNanos;
  }

  /** Whether a request may try the backend now; in half-open, only one probe at a time. */
  boolean allow(long now) {
    return state == State.CLOSED || allowOutsideClosed(now);
  }

  private synchronized boolean allowOutsideClosed(long now) {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (now - openedAt < openNanos) {
          return false;
        }
        state = State.HALF_OPEN;
        probeStartedAt = now;
        return true;
      default:
        // A probe whose caller went away never reports: let another one through after a while.
        if (now - probeStartedAt >= openNanos) {
          probeStartedAt = now;
          return true;
        }
        return false;
    }
  }

  void success() {
    if (state == State.CLOSED && failures == 0) {
      return;
    }
    synchronized (this) {
      state = State.CLOSED;
      failures = 0;
    }
  }

  synchronized void failure(long now) {
    failures++;
    if (state == State.HALF_OPEN || failures >= threshold) {
      state = State.OPEN;
      openedAt = now;
    }
  }

  synchronized State state() {
    return state;
  }

  /** Seconds a caller should wait before retrying, at least 1. */
  synchronized long retryAfterSeconds(long now) {
    long waitNanos = state == State.OPEN ? openNanos - (now - openedAt) : openNanos;
    return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }
}
