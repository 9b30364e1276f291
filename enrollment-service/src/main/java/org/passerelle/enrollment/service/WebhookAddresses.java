package org.passerelle.enrollment.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook hosts the platform must not call: loopback, private, link-local, shared (carrier
 * NAT), unique-local and multicast addresses. A subscription's URL is checked when it is written,
 * but a public name can be made to resolve to an internal address afterwards, so each attempt
 * resolves the host again and is refused before it connects (ADR 0045, addendum).
 */
final class WebhookAddresses {

  /** How a host name becomes addresses: the system resolver, or a test's. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  static final Resolver SYSTEM = InetAddress::getAllByName;

  private WebhookAddresses() {}

  /**
   * Whether the host as written is localhost or an address literal of an internal network; a name
   * is not resolved here (the subscription is checked offline, the attempt online).
   */
  static boolean internalAsWritten(String host) {
    String bare = bare(host);
    if ("localhost".equals(bare) || bare.endsWith(".localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
      return false;
    }
    try {
      return internal(InetAddress.getByName(bare));
    } catch (UnknownHostException e) {
      return true;
    }
  }

  /**
   * Whether any address the host resolves to is internal: one is enough, since the client may pick
   * any of them.
   *
   * @throws UnknownHostException when the name does not resolve (the attempt fails and is retried)
   */
  static boolean resolvesInternally(String host, Resolver resolver) throws UnknownHostException {
    if (internalAsWritten(host)) {
      return true;
    }
    for (InetAddress address : resolver.resolve(bare(host))) {
      if (internal(address)) {
        return true;
      }
    }
    return false;
  }

  static boolean internal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      // 100.64.0.0/10, shared address space (RFC 6598), and 0.0.0.0/8.
      return (bytes[0] == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0;
    }
    // fc00::/7, unique local addresses (RFC 4193): Java's site-local test only knows fec0::/10.
    return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
  }

  private static String bare(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.startsWith("[") && lower.endsWith("]")
        ? lower.substring(1, lower.length() - 1)
        : lower;
  }
}
