package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A competency block of a programme's certification, which a jury may validate on its own. */
@Entity
@Table(name = "competency_block")
@IdClass(CompetencyBlock.Key.class)
public class CompetencyBlock {

  /** The block's identity: its code within its programme. */
  public record Key(String programmeCode, String code) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "programme_code")
  public String programmeCode;

  @Id public String code;

  /** Order within the programme, from 1. */
  public int position;

  @Column(name = "title_fr")
  public String titleFr;

  @Column(name = "title_en")
  public String titleEn;

  @Column(name = "title_ar")
  public String titleAr;
}
