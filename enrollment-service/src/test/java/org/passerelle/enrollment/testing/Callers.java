package org.passerelle.enrollment.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** Every demo caller, users and regional offices' clients alike, for scope matrices. */
public final class Callers {

  /** Each role, in each country where it has one. */
  public static final List<String> ALL =
      List.of(
          "platform-admin",
          "country-admin-fr",
          "country-admin-ma",
          "site-staff-fr",
          "site-staff-ma",
          "learner-fr",
          "learner-ma",
          "partner-fr",
          "partner-ma",
          "integration-fr",
          "integration-ma");

  private Callers() {}

  /** A JSON request with a real token of this demo user or integration client. */
  public static RequestSpecification as(String caller) {
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType(ContentType.JSON);
    }
    return Api.as(caller);
  }
}
