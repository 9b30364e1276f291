package org.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.passerelle.commons.testing.CapturedLogs;

/** Everything the gateway logs while it is open: access lines, and errors that must not be. */
final class LogCapture implements AutoCloseable {

  private static final String ACCESS = "org.passerelle.gateway.access";

  private final CapturedLogs logs = CapturedLogs.all();

  /** The one access line of {@code requestId}, waiting up to 10 s for it. */
  String accessLine(String requestId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && accessLines(requestId).isEmpty()) {
      Thread.sleep(50);
    }
    List<String> lines = accessLines(requestId);
    assertThat(lines).as("one access line for request %s", requestId).hasSize(1);
    return lines.getFirst();
  }

  private List<String> accessLines(String requestId) {
    return logs.records().stream()
        .filter(r -> ACCESS.equals(r.getLoggerName()))
        .map(LogRecord::getMessage)
        .filter(line -> line.contains("request-id=" + requestId + " "))
        .toList();
  }

  /** Records at ERROR level, and any complaint of writing an answer twice, whatever its level. */
  List<String> errors() {
    return logs.records().stream()
        .filter(
            r ->
                r.getLevel().intValue() >= Level.SEVERE.intValue()
                    || String.valueOf(r.getMessage()).contains("already been written")
                    || (r.getThrown() != null
                        && String.valueOf(r.getThrown().getMessage())
                            .contains("already been written")))
        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
        .toList();
  }

  @Override
  public void close() {
    logs.close();
  }
}
