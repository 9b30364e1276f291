package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application as enrollment-service announced it, for the impact indicators' funnel: the cohort
 * applied to, when, and whether selection accepted it. No person behind it.
 */
@Entity
@Table(name = "known_application")
public class KnownApplication {
  @Id
  @Column(name = "application_id")
  public UUID applicationId;

  @Column(name = "cohort_id")
  public UUID cohortId;

  public String country;

  @Column(name = "site_code")
  public String siteCode;

  /**
   * The day it was submitted, in the country's calendar; null while only its acceptance is known.
   */
  @Column(name = "submitted_on")
  public LocalDate submittedOn;

  /** The first day selection accepted it (a promotion from the waitlist accepts it again). */
  @Column(name = "accepted_on")
  public LocalDate acceptedOn;
}
