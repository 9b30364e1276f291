package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A training programme leading to a certification. */
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

  @Column(name = "job_track")
  public String jobTrack;

  @Column(name = "certification_framework")
  public String certificationFramework;

  @Column(name = "certification_code")
  public String certificationCode;

  @Column(name = "certification_level")
  public int certificationLevel;

  @Column(name = "duration_weeks")
  public int durationWeeks;
}
