package org.passerelle.cohort.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.testing.Api;

/** Attendance days as the API takes them, for the tests: a roll with a status per learner. */
public final class AttendanceDays {

  public static final String COHORTS = "/api/v1/cohorts";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<UUID, String[]> entries = new LinkedHashMap<>();

  private AttendanceDays() {}

  /** These learners, all present. */
  public static AttendanceDays of(List<UUID> learners) {
    AttendanceDays day = new AttendanceDays();
    learners.forEach(learner -> day.entries.put(learner, new String[] {"PRESENT", null}));
    return day;
  }

  /** Sets (or adds) a learner's status. */
  public AttendanceDays set(UUID learner, String status) {
    return set(learner, status, null);
  }

  public AttendanceDays set(UUID learner, String status, String comment) {
    entries.put(learner, new String[] {status, comment});
    return this;
  }

  /** The same status for several learners. */
  public AttendanceDays set(List<UUID> learners, String status) {
    learners.forEach(learner -> set(learner, status));
    return this;
  }

  public AttendanceDays without(UUID learner) {
    entries.remove(learner);
    return this;
  }

  public String json() {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode records = body.putArray("records");
    entries.forEach(
        (learner, entry) -> {
          ObjectNode record = records.addObject();
          record.put("learnerId", learner.toString());
          record.put("status", entry[0]);
          if (entry[1] != null) {
            record.put("comment", entry[1]);
          }
        });
    return body.toString();
  }

  /** Submits the day as this user. */
  public ValidatableResponse put(String user, UUID cohortId, LocalDate date) {
    return put(user, cohortId, date.toString(), json());
  }

  public static ValidatableResponse put(String user, UUID cohortId, String date, String body) {
    return as(user).body(body).put(COHORTS + "/" + cohortId + "/attendance/" + date).then();
  }

  /** A request of this user that reads JSON numbers as BigDecimal (attendance rates). */
  public static RequestSpecification as(String user) {
    return Api.as(user)
        .config(
            RestAssured.config()
                .jsonConfig(
                    JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
  }

  public static ValidatableResponse get(String user, String path) {
    return as(user).get(COHORTS + "/" + path).then();
  }
}
