package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/**
 * Callers that go away or stall while sending a body (issue 13). %test: a body may pause 1 s
 * between pieces and take 3 s in all; a client sends at most 4 bodies at once.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class CallersThatLeaveOrStallTest {

  @Test
  void aCallerLeavingMidBodyIsLogged499WithoutErrorsAndNoBackendRequestIsOpened() throws Exception {
    String id = "leave-mid-body-" + UUID.randomUUID();
    try (LogCapture logs = new LogCapture()) {
      try (Socket socket = open()) {
        write(socket, head("POST", "/api/v1/applications", Tokens.of("site-staff-fr"), id, 1000));
        write(socket, "{\"padding\": \"" + "x".repeat(400));
        Thread.sleep(200);
      }
      assertThat(logs.accessLine(id))
          .contains("route=applications")
          .contains("backend=enrollment")
          .contains("status=499");
      Thread.sleep(1500); // past the body idle timeout: nothing more may happen to it
      assertThat(logs.errors()).isEmpty();
    }
    assertThat(EchoBackend.RECEIVED).doesNotContainKey(id);
  }

  @Test
  void aCallerLeavingWhileTheBackendWorksHasTheBackendRequestResetAtOnce() throws Exception {
    String id = "leave-while-working-" + UUID.randomUUID();
    try (LogCapture logs = new LogCapture()) {
      long left;
      try (Socket socket = open()) {
        String body = "{\"name\": \"Amina\"}";
        write(
            socket,
            head("POST", "/api/v1/applications", Tokens.of("site-staff-fr"), id, body.length())
                    .replace("\r\n\r\n", "\r\nX-Echo-Delay-Ms: 20000\r\n\r\n")
                + body);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!EchoBackend.RECEIVED.containsKey(id) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(EchoBackend.RECEIVED).as("the backend got the request").containsKey(id);
        left = System.nanoTime();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!EchoBackend.CUT.containsKey(id) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(EchoBackend.CUT).as("the backend request was reset").containsKey(id);
      assertThat(TimeUnit.NANOSECONDS.toMillis(EchoBackend.CUT.get(id) - left))
          .as("ms from the caller leaving to the backend's connection closing")
          .isLessThan(2000);
      assertThat(logs.accessLine(id)).contains("backend=enrollment").contains("status=499");
      assertThat(logs.errors()).isEmpty();
    }
  }

  @Test
  void aCallerLeavingMidAnswerStopsTheRelayAndTheBackendRequest() throws Exception {
    String id = "leave-mid-answer-" + UUID.randomUUID();
    try (LogCapture logs = new LogCapture()) {
      try (Socket socket = open()) {
        write(
            socket,
            "GET /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + Tokens.of("site-staff-fr")
                + "\r\nX-Request-Id: "
                + id
                + "\r\nX-Echo-Chunks: 100\r\n\r\n");
        byte[] start = new byte[12];
        assertThat(socket.getInputStream().readNBytes(start, 0, 12)).isEqualTo(12);
        assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!EchoBackend.CUT.containsKey(id) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(EchoBackend.CUT).as("the backend request was reset").containsKey(id);
      assertThat(logs.accessLine(id)).contains("status=499");
      Thread.sleep(500); // pieces the backend sent meanwhile must not be written anywhere
      assertThat(logs.errors()).isEmpty();
    }
  }

  @Test
  void aCallerStallingMidBodyGets408ProblemAndItsConnectionIsClosed() throws Exception {
    String id = "stall-mid-body-" + UUID.randomUUID();
    try (LogCapture logs = new LogCapture()) {
      String answer;
      long started = System.nanoTime();
      try (Socket socket = open()) {
        write(socket, head("POST", "/api/v1/applications", Tokens.of("site-staff-fr"), id, 1000));
        write(socket, "{\"padding\": \"" + "x".repeat(100));
        answer = readUntilClosed(socket, 10_000);
      }
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertThat(answer)
          .startsWith("HTTP/1.1 408")
          .containsIgnoringCase("content-type: application/problem+json")
          .containsIgnoringCase("connection: close")
          .contains("https://passerelle.org/problems/request-timeout");
      assertThat(waited).as("ms until the 408").isBetween(900L, 8000L);
      assertThat(logs.accessLine(id)).contains("status=408");
      assertThat(logs.errors()).isEmpty();
    }
    assertThat(EchoBackend.RECEIVED).doesNotContainKey(id);
  }

  @Test
  void aCallerTricklingItsBodyGets408OnceTheWholeBodyTakesTooLong() throws Exception {
    String id = "trickle-" + UUID.randomUUID();
    String answer = "";
    long started = System.nanoTime();
    try (Socket socket = open()) {
      write(socket, head("POST", "/api/v1/applications", Tokens.of("site-staff-fr"), id, 1000));
      socket.setSoTimeout(400);
      // One byte every 400 ms: never silent for the idle timeout (1 s), slower than 3 s in all.
      while (answer.isEmpty() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10)) {
        try {
          write(socket, "x");
        } catch (IOException closed) {
          break;
        }
        try {
          byte[] chunk = new byte[4096];
          int read = socket.getInputStream().read(chunk);
          answer = read > 0 ? new String(chunk, 0, read, StandardCharsets.UTF_8) : answer;
        } catch (SocketTimeoutException nothingYet) {
          // keep trickling
        }
      }
    }
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(answer).startsWith("HTTP/1.1 408");
    assertThat(waited).as("ms until the 408").isBetween(2500L, 9000L);
    assertThat(EchoBackend.RECEIVED).doesNotContainKey(id);
  }

  @Test
  void aBurstOfStalledUploadsFromOneTokenDoesNotStopOtherCallers() throws Exception {
    String token = Tokens.of("site-staff-fr");
    List<Socket> stalled = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        String id = "burst-" + i + "-" + UUID.randomUUID();
        Socket socket = open();
        stalled.add(socket);
        ids.add(id);
        write(socket, head("POST", "/api/v1/cohorts", token, id, 1000));
        write(socket, "{\"siteCode\": \"" + "x".repeat(100));
      }
      // Another user, on the same backend, while the burst is stalled.
      given()
          .header("Authorization", Tokens.bearer("country-admin-fr"))
          .get("/api/v1/sites")
          .then()
          .statusCode(200)
          .body("backend", equalTo("cohort"));
      String cohort = "{\"siteCode\": \"FR-SEVRAN\"}";
      given()
          .header("Authorization", Tokens.bearer("country-admin-fr"))
          .contentType("application/json")
          .body(cohort)
          .post("/api/v1/cohorts")
          .then()
          .statusCode(201)
          .body("bodyLength", equalTo(cohort.length()));
      // The stalled user may send 4 bodies at once: the others were refused at once with 429.
      List<String> statuses = new ArrayList<>();
      for (Socket socket : stalled) {
        String answer = readUntilClosed(socket, 15_000);
        statuses.add(answer.length() >= 12 ? answer.substring(9, 12) : "none");
      }
      assertThat(statuses).filteredOn("429"::equals).hasSize(8);
      assertThat(statuses).filteredOn("408"::equals).hasSize(4);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
    assertThat(EchoBackend.RECEIVED.keySet()).doesNotContainAnyElementsOf(ids);
  }

  private static Socket open() throws IOException {
    Socket socket = new Socket("127.0.0.1", RestAssured.port);
    socket.setSoTimeout(15_000);
    return socket;
  }

  private static String head(String method, String path, String token, String id, int length) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token
        + "\r\nX-Request-Id: "
        + id
        + "\r\nContent-Type: application/json\r\nContent-Length: "
        + length
        + "\r\n\r\n";
  }

  private static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  /** All the gateway writes until it closes the connection (or {@code millis} pass). */
  private static String readUntilClosed(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[4096];
    try {
      for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
        received.write(chunk, 0, read);
      }
    } catch (SocketTimeoutException | java.net.SocketException stopped) {
      // what arrived is the answer
    }
    return received.toString(StandardCharsets.UTF_8);
  }
}
