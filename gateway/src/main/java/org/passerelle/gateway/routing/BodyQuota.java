package org.passerelle.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies the gateway is receiving: at most {@code perClient} at once per client key, and at
 * most {@code maxBytes} held in memory by all of them together. A body takes budget as its bytes
 * arrive (what a caller only announces costs nothing), frees its client's place once it is whole,
 * and gives its bytes back when it is released, whatever happened to it.
 */
final class BodyQuota {

  private final int perClient;
  private final long maxBytes;
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong buffered = new AtomicLong();

  BodyQuota(int perClient, long maxBytes) {
    this.perClient = Math.max(1, perClient);
    this.maxBytes = maxBytes;
  }

  /** One body being received for one client, holding {@link #bytes()} of the budget. */
  final class Slot {
    private final String client;
    private long bytes;
    private boolean received;
    private boolean released;

    private Slot(String client) {
      this.client = client;
    }

    /** Takes {@code more} bytes of the budget; false (nothing taken) when it would overflow. */
    synchronized boolean grow(long more) {
      if (released || !reserve(more)) {
        return false;
      }
      bytes += more;
      return true;
    }

    synchronized long bytes() {
      return bytes;
    }

    /** The whole body is here: the client may start another one; its bytes are still held. */
    synchronized void received() {
      if (!received) {
        received = true;
        inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
      }
    }

    /** Gives the client's place and the bytes back; only the first call counts. */
    synchronized void release() {
      received();
      if (!released) {
        released = true;
        buffered.addAndGet(-bytes);
      }
    }
  }

  /** A slot for one more body of {@code client}, or null when it is sending its share already. */
  Slot acquire(String client) {
    boolean[] busy = {false};
    inFlight.compute(
        client,
        (k, n) -> {
          int count = n == null ? 0 : n;
          if (count >= perClient) {
            busy[0] = true;
            return n;
          }
          return count + 1;
        });
    return busy[0] ? null : new Slot(client);
  }

  private boolean reserve(long bytes) {
    while (true) {
      long current = buffered.get();
      if (current + bytes > maxBytes) {
        return false;
      }
      if (buffered.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  /** Bodies being received for {@code client} now. */
  int inFlight(String client) {
    return inFlight.getOrDefault(client, 0);
  }

  /** Bytes held now, all callers together. */
  long buffered() {
    return buffered.get();
  }
}
