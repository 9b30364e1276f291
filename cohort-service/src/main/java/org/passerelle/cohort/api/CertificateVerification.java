package org.passerelle.cohort.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.Certificate;
import org.passerelle.cohort.CertificateStatus;
import org.passerelle.cohort.CertificationOutcome;

/**
 * What anyone holding a certificate's public id may read: only what an employer needs to check it.
 * Nothing here names or points to a person, a cohort or a site.
 */
@Schema(description = "A certificate as its public verification shows it; no personal data")
public record CertificateVerification(
    String publicId,
    Programme programme,
    Certification certification,
    CertificationOutcome outcome,
    @Schema(
            description =
                "The competency blocks certified: all of the programme's for a full"
                    + " certification, those validated for a partial one")
        List<Block> blocks,
    @Schema(description = "The day the jury decided") LocalDate certifiedOn,
    CertificateStatus status,
    @Schema(description = "The day it was revoked; null while valid") LocalDate revokedOn) {

  @Schema(
      name = "CertificateTitles",
      description = "A title on a certificate, in French, English and Arabic")
  public record Titles(String fr, String en, String ar) {}

  @Schema(
      name = "CertificateProgramme",
      description = "The programme as the certificate records it")
  public record Programme(String code, Titles titles) {}

  @Schema(
      name = "CertificateCertification",
      description = "The certification as the certificate records it")
  public record Certification(
      @Schema(description = "e.g. RNCP") String framework,
      @Schema(description = "The certification's code in its framework; null if not registered")
          String code,
      int level) {}

  @Schema(
      name = "CertificateCompetencyBlock",
      description = "A competency block the certificate certifies")
  public record Block(String code, Titles titles) {}

  /** The certificate as issued (its copy of the programme), and its status now. */
  public static CertificateVerification of(Certificate certificate) {
    return new CertificateVerification(
        certificate.publicId,
        new Programme(
            certificate.programmeCode,
            new Titles(
                certificate.programmeTitleFr,
                certificate.programmeTitleEn,
                certificate.programmeTitleAr)),
        new Certification(
            certificate.certificationFramework,
            certificate.certificationCode,
            certificate.certificationLevel),
        certificate.outcome,
        certificate.blocks.stream()
            .map(
                block ->
                    new Block(block.code, new Titles(block.titleFr, block.titleEn, block.titleAr)))
            .toList(),
        certificate.certifiedOn,
        certificate.status,
        certificate.revokedOn);
  }
}
