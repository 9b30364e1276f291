package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesTest {

  /** Names resolved as a DNS zone would, without asking one. */
  private static final Map<String, String> ZONE =
      Map.of(
          "hooks.office.example", "93.184.216.34",
          "rebound.example", "10.1.2.3",
          "metadata.example", "169.254.169.254",
          "carrier.example", "100.72.0.9",
          "ula.example", "fd12:3456::1",
          "v6.example", "2606:2800:220:1::248");

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String address = ZONE.get(host);
    if (address == null) {
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "LOCALHOST",
        "api.localhost",
        "127.0.0.1",
        "127.9.9.9",
        "10.0.0.1",
        "172.16.4.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "[::1]",
        "[fe80::1]",
        "[fd00::1]",
        "[::ffff:10.0.0.1]",
        "224.0.0.1"
      })
  void internalAddressesAsWrittenAreRefused(String host) {
    assertThat(WebhookAddresses.internalAsWritten(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hooks.office.example", "93.184.216.34", "100.128.0.1", "[2606:2800::1]"})
  void publicHostsAsWrittenPass(String host) {
    assertThat(WebhookAddresses.internalAsWritten(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rebound.example", "metadata.example", "carrier.example", "ula.example"})
  void aNameThatNowResolvesInternallyIsRefused(String host) throws UnknownHostException {
    assertThat(WebhookAddresses.internalAsWritten(host)).isFalse();
    assertThat(WebhookAddresses.resolvesInternally(host, WebhookAddressesTest::resolve)).isTrue();
  }

  @Test
  void aNameOfPublicAddressesPasses() throws UnknownHostException {
    assertThat(
            WebhookAddresses.resolvesInternally(
                "hooks.office.example", WebhookAddressesTest::resolve))
        .isFalse();
    assertThat(WebhookAddresses.resolvesInternally("v6.example", WebhookAddressesTest::resolve))
        .isFalse();
  }

  @Test
  void oneInternalAddressAmongPublicOnesIsEnough() throws UnknownHostException {
    WebhookAddresses.Resolver mixed =
        host ->
            new InetAddress[] {
              InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.10")
            };
    assertThat(WebhookAddresses.resolvesInternally("hooks.office.example", mixed)).isTrue();
  }

  @Test
  void aNameThatDoesNotResolveIsNotJudged() {
    assertThatThrownBy(
            () ->
                WebhookAddresses.resolvesInternally("gone.example", WebhookAddressesTest::resolve))
        .isInstanceOf(UnknownHostException.class);
  }
}
