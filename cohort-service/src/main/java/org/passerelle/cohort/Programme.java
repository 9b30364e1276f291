package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.passerelle.commons.time.Now;

/**
 * A training programme leading to a certification. Its code never changes: cohorts and events name
 * it. Its competency blocks are {@link CompetencyBlock} rows.
 */
@Entity
@Table(name = "programme")
public class Programme {
  @Id public String code;

  @Column(name = "title_fr")
  public String titleFr;

  @Column(name = "title_en")
  public String titleEn;

  @Column(name = "title_ar")
  public String titleAr;

  @Enumerated(EnumType.STRING)
  @Column(name = "job_track")
  public JobTrack jobTrack;

  @Column(name = "certification_framework")
  public String certificationFramework;

  /** The code in the framework's register (e.g. RNCP37674); null until registered. */
  @Column(name = "certification_code")
  public String certificationCode;

  /** The framework's level: RNCP level 5 = Bac+2, level 6 = Bac+3, the Moroccan CNC alike. */
  @Column(name = "certification_level")
  public int certificationLevel;

  @Column(name = "duration_weeks")
  public int durationWeeks;

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
}
