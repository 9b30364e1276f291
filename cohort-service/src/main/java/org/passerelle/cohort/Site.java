package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A school site of the network. Its code and country never change: cohorts and events name them.
 */
@Entity
@Table(name = "site")
public class Site {
  @Id public String code;
  public String name;
  public String city;
  public String region;
  public String country;

  @Column(name = "time_zone")
  public String timeZone;

  @Version public long version;
}
