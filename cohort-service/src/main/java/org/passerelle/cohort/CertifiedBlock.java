package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A competency block as a certificate certifies it: its code and titles when issued. */
@Embeddable
public class CertifiedBlock {
  public String code;

  @Column(name = "title_fr")
  public String titleFr;

  @Column(name = "title_en")
  public String titleEn;

  @Column(name = "title_ar")
  public String titleAr;

  public static CertifiedBlock of(CompetencyBlock block) {
    CertifiedBlock certified = new CertifiedBlock();
    certified.code = block.code;
    certified.titleFr = block.titleFr;
    certified.titleEn = block.titleEn;
    certified.titleAr = block.titleAr;
    return certified;
  }
}
