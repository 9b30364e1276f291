package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One read or change of a partner's contacts, for their access log: who, when, what for; never the
 * person's details.
 */
@Entity
@Table(name = "partner_contact_access")
public class PartnerContactAccess {

  /** What was done with the contacts. */
  @Schema(name = "ContactAccessAction")
  public enum Action {
    LIST,
    READ,
    CHANGE,
    EXPORT,
    ERASE
  }

  @Id public UUID id;

  public OffsetDateTime at;

  /** Token subject of the caller. */
  public String actor;

  @Column(name = "actor_roles")
  public String actorRoles;

  @Enumerated(EnumType.STRING)
  public Action action;

  @Column(name = "partner_id")
  public UUID partnerId;

  /** Null for a list of the partner's contacts. */
  @Column(name = "contact_id")
  public UUID contactId;

  public String country;

  /** The operation that needed them, e.g. {@code getPartnerContact}. */
  public String purpose;
}
