package org.passerelle.commons.security;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this service has already verified, with the identity each was verified as, until
 * the token expires (ADR 0034). Checking a token's signature and claims and building its identity
 * cost more than a small request's own work; a client sends the same token with every request until
 * it expires. Bounded in number and in age; keyed by the token's SHA-256, so a token is found only
 * by itself: an edited one has another key and is verified from scratch. Holds only what the
 * identities hold, nothing request-bound, and logs nothing.
 */
@ApplicationScoped
public class VerifiedTokens {

  /** Request attributes that belong to one request only: never remembered. */
  static final String ROUTING_CONTEXT = RoutingContext.class.getName();

  static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

  private static final long SWEEP_INTERVAL_MILLIS = 1_000;
  private static final MessageDigest SHA_256;

  static {
    try {
      SHA_256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private record Entry(SecurityIdentity identity, long validUntilMillis) {}

  private final int maxSize;
  private final long maxAgeMillis;
  private final LongSupplier clock;
  private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep = new AtomicLong();
  private final LongAdder hits = new LongAdder();

  @Inject
  VerifiedTokens(VerifiedTokensConfig config) {
    this(config.maxSize(), config.maxAge().toMillis(), System::currentTimeMillis);
  }

  /** With the clock in epoch milliseconds, as the token libraries read it. */
  VerifiedTokens(int maxSize, long maxAgeMillis, LongSupplier clock) {
    this.maxSize = maxSize;
    this.maxAgeMillis = maxAgeMillis;
    this.clock = clock;
  }

  /** The key of a token: its SHA-256. */
  public static ByteBuffer keyOf(String token) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests can be cloned", e);
    }
    return ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.ISO_8859_1)));
  }

  /**
   * The identity the token was verified as, while the token is still valid: until the second of its
   * {@code exp}, as the verification itself counts (valid while now &lt; exp, no leeway). Null
   * otherwise.
   */
  public SecurityIdentity find(ByteBuffer key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clock.getAsLong() >= entry.validUntilMillis()) {
      entries.remove(key, entry);
      return null;
    }
    hits.increment();
    return entry.identity();
  }

  /**
   * Remembers the identity a token was just verified as, until {@code expiresAt} (the token's
   * {@code exp}, epoch seconds) or the maximal age, whichever comes first. When full of tokens
   * still valid, a new one is not remembered: it is verified on each request, as without this.
   */
  public void remember(ByteBuffer key, SecurityIdentity identity, long expiresAt) {
    if (maxSize <= 0 || expiresAt <= 0) {
      return;
    }
    long now = clock.getAsLong();
    long validUntil = Math.min(expiresAt * 1000, now + maxAgeMillis);
    if (validUntil <= now) {
      return;
    }
    if (entries.size() >= maxSize) {
      sweep(now);
      if (entries.size() >= maxSize) {
        return;
      }
    }
    entries.put(key, new Entry(withoutRequest(identity), validUntil));
  }

  /** Forgets the expired entries, at most once a second however often it is asked. */
  private void sweep(long now) {
    long due = nextSweep.get();
    if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) {
      return;
    }
    entries.values().removeIf(entry -> now >= entry.validUntilMillis());
  }

  int size() {
    return entries.size();
  }

  long hits() {
    return hits.sum();
  }

  /** The identity without what belongs to the request it was verified in. */
  static SecurityIdentity withoutRequest(SecurityIdentity identity) {
    return copy(identity, null, null);
  }

  /**
   * A copy of a remembered identity for this request: the same principal, roles, credentials,
   * permissions and attributes, with this request's routing and authentication contexts (the
   * verification attaches them; nothing of an earlier request is handed on).
   */
  static SecurityIdentity copy(SecurityIdentity identity, Object routing, Object requestContext) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addRoles(identity.getRoles())
            .addPermissions(identity.getPermissions());
    for (Credential credential : identity.getCredentials()) {
      builder.addCredential(credential);
    }
    identity
        .getAttributes()
        .forEach(
            (name, value) -> {
              if (!ROUTING_CONTEXT.equals(name) && !REQUEST_CONTEXT.equals(name)) {
                builder.addAttribute(name, value);
              }
            });
    if (routing != null) {
      builder.addAttribute(ROUTING_CONTEXT, routing);
    }
    if (requestContext != null) {
      builder.addAttribute(REQUEST_CONTEXT, requestContext);
    }
    return builder.build();
  }
}
