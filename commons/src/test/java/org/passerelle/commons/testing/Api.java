package org.passerelle.commons.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;

/** What the services' API tests all do: call as a demo user, count rows. */
public final class Api {

  private Api() {}

  /** A JSON request carrying a real token of this demo user. */
  public static RequestSpecification as(String user) {
    return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
  }

  /** A {@code select count(*)} in its own transaction, to see what was committed. */
  public static long count(EntityManager entityManager, String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
  }
}
