package org.passerelle.cohort.rest;

import org.passerelle.cohort.Programme;

public record ProgrammeView(
    String code, Titles titles, String jobTrack, Certification certification, int durationWeeks) {

  public record Titles(String fr, String en, String ar) {}

  public record Certification(String framework, String code, int level) {}

  public static ProgrammeView of(Programme programme) {
    return new ProgrammeView(
        programme.code,
        new Titles(programme.titleFr, programme.titleEn, programme.titleAr),
        programme.jobTrack,
        new Certification(
            programme.certificationFramework,
            programme.certificationCode,
            programme.certificationLevel),
        programme.durationWeeks);
  }
}
