package org.passerelle.enrollment.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.passerelle.enrollment.Intake;

/**
 * A cohort as the data of cohort-service's cohort-scheduled, cohort-changed, cohort-started and
 * cohort-completed describe it. Fields it does not read are ignored: schemas grow compatibly. A
 * missing field fails the event, which is then retried and parked, rather than writing a wrong
 * intake.
 */
record CohortSnapshot(
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    int capacity,
    String status,
    long version,
    LocalDate recruitmentOpensOn,
    LocalDate recruitmentClosesOn,
    Integer minimumAge) {

  /** cohort-scheduled carries no version: a cohort is scheduled at version 0. */
  static CohortSnapshot scheduled(JsonNode data) {
    return read(data, 0);
  }

  static CohortSnapshot changed(JsonNode data) {
    JsonNode version = required(data, "version");
    if (!version.canConvertToExactIntegral()) {
      throw new IllegalArgumentException("cohort event with a version that is not an integer");
    }
    return read(data, version.asLong());
  }

  private static CohortSnapshot read(JsonNode data, long version) {
    JsonNode capacity = required(data, "capacity");
    if (!capacity.canConvertToInt()) {
      throw new IllegalArgumentException("cohort event with a capacity that is not an integer");
    }
    return new CohortSnapshot(
        UUID.fromString(required(data, "cohortId").asText()),
        required(data, "programmeCode").asText(),
        required(data, "site").asText(),
        required(data, "country").asText(),
        LocalDate.parse(required(data, "startDate").asText()),
        LocalDate.parse(required(data, "endDate").asText()),
        capacity.asInt(),
        required(data, "status").asText(),
        version,
        optionalDate(data, "recruitmentOpensOn"),
        optionalDate(data, "recruitmentClosesOn"),
        data.hasNonNull("minimumAge") ? data.get("minimumAge").asInt() : null);
  }

  /** The window and minimum age came later: events from before them leave them to defaults. */
  private static LocalDate optionalDate(JsonNode data, String field) {
    return data.hasNonNull(field) ? LocalDate.parse(data.get(field).asText()) : null;
  }

  private static JsonNode required(JsonNode data, String field) {
    JsonNode value = data == null ? null : data.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("cohort event without " + field);
    }
    return value;
  }

  /** Makes the intake this cohort's copy. */
  Intake copyTo(Intake intake) {
    intake.id = cohortId;
    intake.programmeCode = programmeCode;
    intake.siteCode = site;
    intake.country = country;
    intake.startDate = startDate;
    intake.endDate = endDate;
    intake.capacity = capacity;
    intake.cohortStatus = status;
    intake.recruitmentOpensOn = recruitmentOpensOn;
    intake.recruitmentClosesOn = recruitmentClosesOn;
    intake.minimumAge = minimumAge;
    intake.cohortVersion = version;
    intake.updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    return intake;
  }
}
