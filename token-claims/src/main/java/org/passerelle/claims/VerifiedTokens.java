package org.passerelle.claims;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, with the identity each was verified as, until the token expires
 * (ADR 0034): the one store of verified tokens, used by every service (through commons) and by the
 * gateway (ADR 0035). Checking a token's signature and claims and building its identity cost more
 * than a small request's own work; a client sends the same token with every request until it
 * expires. Bounded in number and in age; keyed by the token's SHA-256, so a token is found only by
 * itself: an edited one has another key and is verified from scratch. Holds only what the
 * identities hold, nothing request-bound, and logs nothing.
 */
public class VerifiedTokens {

  /**
   * Request attributes that belong to one request only: never remembered. The routing context is
   * named by its class name, as Quarkus sets it, without depending on Vert.x Web here.
   */
  public static final String ROUTING_CONTEXT = "io.vertx.ext.web.RoutingContext";

  public static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

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

  /**
   * At most {@code maxSize} tokens (0 remembers none), each for at most {@code maxAgeMillis}
   * ({@link Long#MAX_VALUE}: until its {@code exp}), with the clock in epoch milliseconds, as the
   * token libraries read it.
   */
  public VerifiedTokens(int maxSize, long maxAgeMillis, LongSupplier clock) {
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
    return ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
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
   * The identity the token was verified as, still valid, for this request: with this request's
   * routing and authentication contexts, as the verification attaches them ({@link #copy}). Null
   * when the token must be verified.
   */
  public SecurityIdentity find(ByteBuffer key, Object routing, Object requestContext) {
    SecurityIdentity known = find(key);
    return known == null ? null : copy(known, routing, requestContext);
  }

  /** {@link #remember(ByteBuffer, SecurityIdentity, Map)} with nothing added. */
  public void remember(ByteBuffer key, SecurityIdentity identity) {
    remember(key, identity, Map.of());
  }

  /**
   * Remembers the identity a token was just verified as, with {@code attributes} added (what the
   * caller reads once per token), until the token's {@code exp} or the maximal age, whichever comes
   * first. Anonymous identities, and those without a token expiring later, are not kept. When full
   * of tokens still valid, a new one is not remembered: it is verified on each request, as without
   * this.
   */
  public void remember(ByteBuffer key, SecurityIdentity identity, Map<String, ?> attributes) {
    if (maxSize <= 0
        || identity.isAnonymous()
        || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return;
    }
    long expiresAt = token.getExpirationTime();
    if (expiresAt <= 0) {
      return;
    }
    long now = clock.getAsLong();
    long oldest = maxAgeMillis >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + maxAgeMillis;
    long validUntil = Math.min(expiresAt * 1000, oldest);
    if (validUntil <= now) {
      return;
    }
    if (entries.size() >= maxSize) {
      sweep(now);
      if (entries.size() >= maxSize) {
        return;
      }
    }
    SecurityIdentity kept = withoutRequest(identity);
    if (!attributes.isEmpty()) {
      QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(kept);
      attributes.forEach(builder::addAttribute);
      kept = builder.build();
    }
    entries.put(key, new Entry(kept, validUntil));
  }

  /** Forgets the expired entries, at most once a second however often it is asked. */
  private void sweep(long now) {
    long due = nextSweep.get();
    if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) {
      return;
    }
    entries.values().removeIf(entry -> now >= entry.validUntilMillis());
  }

  /** How many tokens are remembered now. */
  public int size() {
    return entries.size();
  }

  /** How many times a remembered token was found still valid, since the start. */
  public long hits() {
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
