package org.passerelle.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client key, in this gateway instance's memory: with several instances behind a
 * load balancer, each one applies the limits on its own. Times are {@link System#nanoTime()} values
 * passed in.
 */
final class RateLimiter {

  /** A class of clients: up to {@code burst} requests at once, refilled at {@code perSecond}. */
  record Limit(String name, long burst, double perSecond) {}

  /**
   * Whether the request may go, how many remain, when to retry if not, and in how many seconds the
   * bucket is full again (RateLimit-Reset).
   */
  record Decision(boolean allowed, long remaining, long retryAfterSeconds, long resetSeconds) {}

  private static final int MAX_KEYS = 100_000;

  private static final class Bucket {
    final Limit limit;
    double tokens;
    long updatedAt;

    Bucket(Limit limit, long updatedAt) {
      this.limit = limit;
      this.tokens = limit.burst();
      this.updatedAt = updatedAt;
    }
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  Decision take(String key, Limit limit, long now) {
    if (buckets.size() > MAX_KEYS) {
      forgetFullBuckets(now);
    }
    Bucket bucket = buckets.computeIfAbsent(limit.name() + "|" + key, k -> new Bucket(limit, now));
    synchronized (bucket) {
      refill(bucket, limit, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Decision(true, (long) bucket.tokens, 0, secondsUntilFull(bucket, limit));
      }
      double seconds = (1 - bucket.tokens) / limit.perSecond();
      return new Decision(
          false, 0, Math.max(1, (long) Math.ceil(seconds)), secondsUntilFull(bucket, limit));
    }
  }

  private static long secondsUntilFull(Bucket bucket, Limit limit) {
    return (long) Math.ceil((limit.burst() - bucket.tokens) / limit.perSecond());
  }

  private static void refill(Bucket bucket, Limit limit, long now) {
    double elapsedSeconds = (now - bucket.updatedAt) / 1e9;
    bucket.tokens = Math.min(limit.burst(), bucket.tokens + elapsedSeconds * limit.perSecond());
    bucket.updatedAt = now;
  }

  /** A full bucket is the same as no bucket: dropping them bounds the memory used. */
  private void forgetFullBuckets(long now) {
    buckets
        .entrySet()
        .removeIf(
            entry -> {
              Bucket bucket = entry.getValue();
              synchronized (bucket) {
                return bucket.tokens + (now - bucket.updatedAt) / 1e9 * bucket.limit.perSecond()
                    >= bucket.limit.burst();
              }
            });
  }
}
