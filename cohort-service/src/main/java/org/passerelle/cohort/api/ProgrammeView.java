package org.passerelle.cohort.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.CompetencyBlock;
import org.passerelle.cohort.JobTrack;
import org.passerelle.cohort.Programme;
import org.passerelle.commons.rest.Deprecations;

public record ProgrammeView(
    String code,
    Titles titles,
    JobTrack jobTrack,
    Certification certification,
    int durationWeeks,
    @Schema(description = "The certification's competency blocks, in their order")
        List<Block> competencyBlocks,
    @Schema(description = "Changes with every change, blocks included; the ETag") long version,
    @Schema(description = "When it was created") OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  @Schema(
      name = "ProgrammeTitles",
      description = "A programme's title in French, English and Arabic")
  public record Titles(String fr, String en, String ar) {}

  @Schema(
      name = "ProgrammeCertification",
      description = "The certification a programme prepares for")
  public record Certification(
      @Schema(description = "A configured framework, e.g. RNCP or MA-CNC") String framework,
      @Schema(description = "The register's code, e.g. RNCP37674; null until registered")
          String code,
      @Schema(description = "The framework's level: RNCP 5 = Bac+2, 6 = Bac+3") int level) {}

  @Schema(name = "ProgrammeCompetencyBlock", description = "One of a programme's competency blocks")
  public record Block(
      String code,
      @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "titles.fr")
          String titleFr,
      @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "titles.en")
          String titleEn,
      @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "titles.ar")
          String titleAr,
      @Schema(description = "The block's title in French, English and Arabic") Titles titles) {

    static Block of(CompetencyBlock block) {
      return new Block(
          block.code,
          block.titleFr,
          block.titleEn,
          block.titleAr,
          new Titles(block.titleFr, block.titleEn, block.titleAr));
    }
  }

  public static ProgrammeView of(Programme programme, List<CompetencyBlock> blocks) {
    return new ProgrammeView(
        programme.code,
        new Titles(programme.titleFr, programme.titleEn, programme.titleAr),
        programme.jobTrack,
        new Certification(
            programme.certificationFramework,
            programme.certificationCode,
            programme.certificationLevel),
        programme.durationWeeks,
        blocks.stream().map(Block::of).toList(),
        programme.version,
        programme.createdAt,
        programme.updatedAt);
  }
}
