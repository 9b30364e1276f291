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
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A person applying to the school. Holds personal data, which never leaves this service: other
 * services know the person only by {@link #learnerId}. Erasure replaces the personal data with
 * pseudonyms or nothing and keeps only the categories indicators count that cannot single the
 * person out (ADR 0012).
 */
@Entity
@Table(name = "applicant")
public class Applicant {
  @Id public UUID id;

  @Column(name = "learner_id", nullable = false, unique = true)
  public UUID learnerId;

  /** Keycloak subject of the learner's own account, once linked. */
  public String subject;

  @Column(name = "first_name")
  public String firstName;

  @Column(name = "last_name")
  public String lastName;

  /** Folded to lower case: one email, one applicant in each country. */
  public String email;

  /** E.164, checked against the pattern of the address's country. */
  public String phone;

  @Column(name = "birth_date")
  public LocalDate birthDate;

  @Column(name = "address_line")
  public String addressLine;

  @Column(name = "postal_code")
  public String postalCode;

  public String city;

  @Column(name = "address_country")
  public String addressCountry;

  /** ISO 3166-1 alpha-2. */
  public String nationality;

  @Enumerated(EnumType.STRING)
  public Gender gender;

  @Enumerated(EnumType.STRING)
  @Column(name = "education_level")
  public EducationLevel educationLevel;

  /** Null when the person is not registered as a job seeker. */
  @Enumerated(EnumType.STRING)
  @Column(name = "job_seeker_agency")
  public JobSeekerAgency jobSeekerAgency;

  @Column(name = "job_seeker_id")
  public String jobSeekerId;

  @Column(name = "priority_neighbourhood")
  public boolean priorityNeighbourhood;

  /** Sensitive; null once erased (unknown, not "no"). */
  public Boolean refugee;

  /** Sensitive (health); null once erased (unknown, not "no"). */
  public Boolean disability;

  @Column(name = "neet_under_26")
  public boolean neetUnder26;

  @Enumerated(EnumType.STRING)
  @Column(name = "referral_source")
  public ReferralSource referralSource;

  @Column(name = "referral_contact")
  public String referralContact;

  public String motivation;

  public String availability;

  /** Sensitive: may reveal health. */
  @Column(name = "accommodation_needs")
  public String accommodationNeeds;

  /**
   * Country whose school made this record, the one whose rules and regime apply. It never changes:
   * the same person applying in another country has a record there (ADR 0011).
   */
  public String country;

  /** Set at erasure, when the birth date is gone: the band indicators still count. */
  @Column(name = "age_band")
  public String erasedAgeBand;

  /** Set at erasure, when the education level is gone: its band, see {@link EducationLevel}. */
  @Column(name = "education_band")
  public String erasedEducationBand;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Column(name = "erased_at")
  public OffsetDateTime erasedAt;

  public boolean erased() {
    return erasedAt != null;
  }

  public boolean jobSeeker() {
    return jobSeekerAgency != null;
  }

  public Set<PriorityPublic> priorityPublics() {
    Set<PriorityPublic> publics = EnumSet.noneOf(PriorityPublic.class);
    if (priorityNeighbourhood) {
      publics.add(PriorityPublic.PRIORITY_NEIGHBOURHOOD);
    }
    if (Boolean.TRUE.equals(refugee)) {
      publics.add(PriorityPublic.REFUGEE);
    }
    if (Boolean.TRUE.equals(disability)) {
      publics.add(PriorityPublic.DISABILITY);
    }
    if (neetUnder26) {
      publics.add(PriorityPublic.NEET_UNDER_26);
    }
    return publics;
  }

  /** Age in whole years on a day, or -1 once erased. */
  public int ageOn(LocalDate day) {
    return ageOn(birthDate, day);
  }

  public static int ageOn(LocalDate birthDate, LocalDate day) {
    return birthDate == null ? -1 : Period.between(birthDate, day).getYears();
  }

  /** Non-identifying age band for indicators; the funders' cut is 26. */
  public String ageBand(LocalDate on) {
    if (birthDate == null) {
      return erasedAgeBand;
    }
    int age = ageOn(on);
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
