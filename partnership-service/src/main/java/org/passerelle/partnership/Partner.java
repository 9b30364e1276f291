package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation working with the school network in one country. */
@Entity
@Table(name = "partner")
public class Partner {
  @Id public UUID id;
  public String name;

  /** The kind it was registered with; its roles say everything it does. */
  @Enumerated(EnumType.STRING)
  public PartnerKind kind;

  public String country;

  /** The legal identifier: SIRET in France, ICE in Morocco; unique in its country. */
  @Column(name = "registration_number")
  public String registrationNumber;

  /** {@link PartnerRole} names, in their declaration order. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> roles = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  public PartnerStatus status = PartnerStatus.ACTIVE;

  public String sector;

  public String street;

  @Column(name = "postal_code")
  public String postalCode;

  public String city;

  /** Codes of the sites it works with, sorted. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> sites = new ArrayList<>();

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  public Set<PartnerRole> roleSet() {
    Set<PartnerRole> set = EnumSet.noneOf(PartnerRole.class);
    roles.forEach(role -> set.add(PartnerRole.valueOf(role)));
    return set;
  }

  public void roles(Set<PartnerRole> set) {
    roles = new ArrayList<>(EnumSet.copyOf(set).stream().map(Enum::name).toList());
  }
}
