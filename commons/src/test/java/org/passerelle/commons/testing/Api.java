package org.passerelle.commons.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the services' API tests all do: call as a demo user, count rows. */
public final class Api {

  private Api() {}

  /** A JSON request carrying a real token of this demo user. */
  public static RequestSpecification as(String user) {
    return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
  }

  /**
   * A request with a body but no Content-Type, as this demo user (RestAssured always adds a
   * Content-Type; java.net.http adds none).
   */
  public static HttpResponse<String> withoutContentType(
      String user, String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
            .header("Authorization", Tokens.bearer(user))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A {@code select count(*)} in its own transaction, to see what was committed. */
  public static long count(EntityManager entityManager, String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
  }

  /**
   * The one value a native query selects, its {@code ?1}, {@code ?2}… given in order, read in its
   * own transaction, to see what was committed.
   */
  public static String text(EntityManager entityManager, String sql, Object... parameters) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              Object value = query.getSingleResult();
              return value == null ? null : value.toString();
            });
  }
}
