package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One read or change of sensitive fields, for the audit log; names fields, never values. */
@Entity
@Table(name = "sensitive_data_access")
public class SensitiveDataAccess {

  /** What was done with the fields. */
  @Schema(name = "SensitiveDataAction")
  public enum Action {
    READ,
    CHANGE,
    SEARCH,
    EXPORT,
    ERASE,
    /** A record linked to a learner's account, which from then on reads and changes its fields. */
    LINK
  }

  @Id public UUID id;

  public OffsetDateTime at;

  /** Token subject of the caller. */
  public String actor;

  @Column(name = "actor_roles")
  public String actorRoles;

  @Enumerated(EnumType.STRING)
  public Action action;

  /** Null for a search across applicants. */
  @Column(name = "applicant_id")
  public UUID applicantId;

  public String country;

  /** Comma-separated field names. */
  public String fields;

  /** The operation that needed them, e.g. {@code getApplication}. */
  public String purpose;
}
