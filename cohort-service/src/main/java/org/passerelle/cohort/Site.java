package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;

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

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** Its creation and last change, stamped for the view's createdAt and updatedAt (ADR 0043). */
  @PrePersist
  void stampCreatedAt() {
    createdAt = Now.stamp();
    updatedAt = createdAt;
  }

  @PreUpdate
  void stampUpdatedAt() {
    updatedAt = Now.stamp();
  }

  /**
   * The aggregate id of this site's events (record key and {@code ce_subject}): events need a UUID
   * and a site is named by its code, so it is the name-based UUID (version 3) of {@code
   * "site:<code>"}, the same for every event about the site. The migration that announced the sites
   * existing before the events computes it the same way in SQL.
   */
  public static UUID eventKey(String code) {
    return UUID.nameUUIDFromBytes(("site:" + code).getBytes(StandardCharsets.UTF_8));
  }
}
