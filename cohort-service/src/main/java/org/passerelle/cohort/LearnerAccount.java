package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A learner's own account (their token's subject) and the learnerId it leads to, as enrollment
 * announces it: how learners read their own enrolments. Forgotten when the person is erased.
 */
@Entity
@Table(name = "learner_account")
public class LearnerAccount {

  @Id
  @Column(name = "account_subject")
  public String accountSubject;

  @Column(name = "learner_id")
  public UUID learnerId;

  public String country;

  /** When enrollment linked them; an older announcement never replaces a newer link. */
  @Column(name = "linked_at")
  public OffsetDateTime linkedAt;
}
