package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A site as cohort-service announces it, kept for its time zone: the conventions' days follow it.
 */
@Entity
@Table(name = "site")
public class Site {

  @Id public String code;

  public String country;

  /** IANA region id, e.g. {@code America/Cayenne}. */
  @Column(name = "time_zone")
  public String timeZone;

  /** cohort-service's version of the site: an older announcement changes nothing. */
  public long version;
}
