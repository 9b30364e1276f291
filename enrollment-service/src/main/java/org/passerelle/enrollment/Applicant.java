package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.UUID;

/**
 * A person applying to the school. Holds personal data, which never leaves this service: other
 * services know the person only by {@link #learnerId}.
 */
@Entity
@Table(name = "applicant")
public class Applicant {
  @Id public UUID id;

  @Column(name = "learner_id", nullable = false, unique = true)
  public UUID learnerId;

  /** Keycloak subject of the learner's own account, when they applied themselves. */
  public String subject;

  @Column(name = "first_name")
  public String firstName;

  @Column(name = "last_name")
  public String lastName;

  public String email;

  @Column(name = "birth_date")
  public LocalDate birthDate;

  @Enumerated(EnumType.STRING)
  public Gender gender;

  public String country;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  /** Non-identifying age band for indicators; the funders' cut is 26. */
  public String ageBand(LocalDate on) {
    int age = Period.between(birthDate, on).getYears();
    if (age < 18) {
      return "UNDER_18";
    }
    if (age < 26) {
      return "18_25";
    }
    if (age < 35) {
      return "26_34";
    }
    if (age < 45) {
      return "35_44";
    }
    return "45_PLUS";
  }
}
