package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organisation working with the school network in one country. */
@Entity
@Table(name = "partner")
public class Partner {
  @Id public UUID id;
  public String name;

  @Enumerated(EnumType.STRING)
  public PartnerKind kind;

  public String country;

  /** SIRET in France, ICE in Morocco. */
  @Column(name = "registration_number")
  public String registrationNumber;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public long version;
}
