package org.passerelle.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class ClientAbortsTest {

  @Test
  void aConnectionClosedUnderTheRequestIsTheCallersDoingWhereverItIsInTheChain() {
    // What RESTEasy Reactive throws when the caller goes while its body is read.
    assertThat(
            ClientAborts.closedByCaller(
                new IOException(new IOException(new HttpClosedException("Connection was closed")))))
        .isTrue();
    assertThat(ClientAborts.closedByCaller(new IOException(new ClosedChannelException()))).isTrue();
  }

  @Test
  void otherIoFailuresAreNot() {
    assertThat(ClientAborts.closedByCaller(new IOException("disk full"))).isFalse();
    assertThat(ClientAborts.closedByCaller(new IOException(new IllegalStateException()))).isFalse();
  }
}
