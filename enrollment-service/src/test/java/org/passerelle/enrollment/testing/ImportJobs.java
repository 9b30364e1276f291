package org.passerelle.enrollment.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/** Import jobs in tests: waits for an accepted import to end, as a client polling it would. */
public final class ImportJobs {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private ImportJobs() {}

  /** The job once it has ended, read as {@code reader}; a refused request as it was answered. */
  public static Response ended(Response answer, RequestSpecification reader) {
    return ended(answer, reader, job -> {});
  }

  /** The job once it has ended, read by a platform admin (who reads every import). */
  public static Response ended(Response answer) {
    return ended(answer, Callers.as("platform-admin"));
  }

  /**
   * The job once it has ended, read as {@code reader} at its Location, each reading before the end
   * given to {@code progress}; a request that was not accepted (a problem) is returned as it is.
   */
  public static Response ended(
      Response answer, RequestSpecification reader, Consumer<Response> progress) {
    if (answer.statusCode() != 202) {
      return answer;
    }
    assertThat(answer.header("Location")).isNotNull();
    assertThat(answer.header("Retry-After")).isNotNull();
    String path = URI.create(answer.header("Location")).getPath();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Response job = reader.get(path);
      assertThat(job.statusCode()).isEqualTo(200);
      String status = job.jsonPath().getString("status");
      if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
        return job;
      }
      progress.accept(job);
      assertThat(System.nanoTime()).as("import %s still %s", path, status).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
