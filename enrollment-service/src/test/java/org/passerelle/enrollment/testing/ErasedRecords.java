package org.passerelle.enrollment.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an erased person's rows may still hold in PostgreSQL (ADR 0012), checked column by column: a
 * column added later that erasure leaves filled fails the check until it is classified.
 */
public final class ErasedRecords {

  /**
   * The applicant row's columns that may stay filled: pseudonyms and the indicators' categories.
   */
  public static final Set<String> APPLICANT_KEEPS =
      Set.of(
          "id",
          "learner_id",
          "first_name",
          "last_name",
          "email",
          "country",
          "gender",
          "age_band",
          "education_band",
          "job_seeker_agency",
          "priority_neighbourhood",
          "neet_under_26",
          "created_at",
          "updated_at",
          "erased_at");

  /** An application row's columns that may stay filled: intake, status, channel, staff, dates. */
  public static final Set<String> APPLICATION_KEEPS =
      Set.of(
          "id",
          "applicant_id",
          "intake_id",
          "site_code",
          "country",
          "status",
          "channel",
          "submitted_at",
          "submitted_by",
          "decided_by",
          "decided_at",
          "waitlisted_at",
          "updated_at",
          "version");

  private ErasedRecords() {}

  /**
   * Asserts that the erased applicant's rows keep nothing but the categories and dates to the
   * month, that no audit row says which sensitive field they declared, and returns the applicant
   * row's filled columns for the caller to check the values kept.
   */
  public static Map<String, Object> assertOnlyCategoriesKept(
      EntityManager entityManager, String applicantId) {
    UUID id = UUID.fromString(applicantId);
    List<Map<String, Object>> applicant =
        DatabaseScan.filledColumns(entityManager, "applicant", "id", id);
    assertThat(applicant).hasSize(1);
    Map<String, Object> kept = applicant.get(0);
    assertThat(kept.keySet()).as("applicant columns still filled").isSubsetOf(APPLICANT_KEEPS);
    assertThat(kept).containsKeys("erased_at", "age_band");
    assertThat(kept.get("gender")).isNotEqualTo("NON_BINARY");
    List<Map<String, Object>> applications =
        DatabaseScan.filledColumns(entityManager, "application", "applicant_id", id);
    assertThat(applications).isNotEmpty();
    for (Map<String, Object> application : applications) {
      assertThat(application.keySet())
          .as("application columns still filled")
          .isSubsetOf(APPLICATION_KEEPS);
    }
    assertThat(
            count(
                entityManager,
                "select count(*) from applicant where id = ?1 and ("
                    + notMonth("created_at")
                    + " or "
                    + notMonth("updated_at")
                    + ")",
                id))
        .as("applicant dates to the month")
        .isZero();
    assertThat(
            count(
                entityManager,
                "select count(*) from application where applicant_id = ?1 and ("
                    + String.join(
                        " or ",
                        notMonth("submitted_at"),
                        notMonth("updated_at"),
                        notMonth("decided_at"),
                        notMonth("waitlisted_at"))
                    + ")",
                id))
        .as("application dates to the month")
        .isZero();
    assertThat(
            count(
                entityManager,
                "select count(*) from sensitive_data_access where applicant_id = ?1 and (action ="
                    + " 'CHANGE' or fields <> 'accommodationNeeds,disability,refugee')",
                id))
        .as("audit rows naming which sensitive field the person had")
        .isZero();
    return kept;
  }

  /** True when the (not null) instant is not the first instant of its month in UTC. */
  private static String notMonth(String column) {
    return column + " <> date_trunc('month', " + column + ", 'UTC')";
  }

  private static long count(EntityManager entityManager, String sql, UUID id) {
    return ((Number) Db.value(entityManager, sql, id)).longValue();
  }
}
