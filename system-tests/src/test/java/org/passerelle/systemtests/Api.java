package org.passerelle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Raw HTTP calls through the gateway, for tests that send what a client library would refuse to
 * (malformed JSON, a wrong content type, a 100 kB string): one shared client, no retries.
 */
final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Api() {}

  /** What was sent, for failure messages: never the token. */
  record Request(
      Caller caller,
      String method,
      String path,
      Map<String, String> headers,
      String contentType,
      byte[] body) {

    Request {
      headers = Map.copyOf(headers);
    }

    static Request of(Caller caller, String method, String path) {
      return new Request(caller, method, path, Map.of(), null, null);
    }

    Request withJson(String mediaType, String json) {
      return new Request(
          caller, method, path, headers, mediaType, json.getBytes(StandardCharsets.UTF_8));
    }

    Request withBody(String mediaType, byte[] bytes) {
      return new Request(caller, method, path, headers, mediaType, bytes);
    }

    Request withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Request(caller, method, path, more, contentType, body);
    }

    /** With each {@link Fixtures#FRESH} of the body replaced by a new key. */
    Request withFreshKeys() {
      if (body == null) {
        return this;
      }
      String text = new String(body, StandardCharsets.UTF_8);
      if (!text.contains(Fixtures.FRESH)) {
        return this;
      }
      String key = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
      return new Request(
          caller,
          method,
          path,
          headers,
          contentType,
          text.replace(Fixtures.FRESH, key).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return method + " " + path + " as " + caller;
    }
  }

  /** The answer: status, headers (first value, lower-case names) and body. */
  record Answer(int status, Map<String, String> headers, String body) {

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase()));
    }

    boolean success() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return JSON.missingNode();
      }
    }

    /**
     * Why this 4xx or 5xx is not RFC 9457 problem details (application/problem+json with type,
     * title and this status), or empty when it is.
     */
    Optional<String> notAProblem() {
      String contentType = header("content-type").orElse("");
      if (!contentType.startsWith("application/problem+json")) {
        return Optional.of("Content-Type '" + contentType + "', not application/problem+json");
      }
      JsonNode problem = json();
      if (!problem.path("type").isTextual() || problem.path("type").asText().isBlank()) {
        return Optional.of("no type in " + abbreviated());
      }
      if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
        return Optional.of("no title in " + abbreviated());
      }
      if (problem.path("status").asInt(-1) != status) {
        return Optional.of(
            "status " + problem.path("status") + " in the body, " + status + " sent");
      }
      return Optional.empty();
    }

    String abbreviated() {
      String text = body == null ? "" : body.replaceAll("\\s+", " ");
      return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
  }

  static Answer send(Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(Platform.get().gateway() + request.path()))
            .timeout(Duration.ofSeconds(60))
            .method(
                request.method(),
                request.body() == null
                    ? BodyPublishers.noBody()
                    : BodyPublishers.ofByteArray(request.body()));
    String authorization = request.caller().authorization();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    request.headers().forEach(builder::header);
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
      return new Answer(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(request + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Answer get(Caller caller, String path) {
    return send(Request.of(caller, "GET", path));
  }

  static Answer postJson(Caller caller, String path, String json) {
    return send(Request.of(caller, "POST", path).withJson("application/json", json));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectMapper json() {
    return JSON;
  }
}
