package org.passerelle.placement.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.api.Actor;
import org.passerelle.placement.IndicatorExportAudit;
import org.passerelle.placement.api.IndicatorExportAuditView;

/**
 * An export's audit line says who exported as an object, a person or a system, beside the string.
 */
class IndicatorExportAuditViewTest {

  private static IndicatorExportAuditView view(String exportedBy) {
    IndicatorExportAudit audit = new IndicatorExportAudit();
    audit.id = UUID.randomUUID();
    audit.exportedBy = exportedBy;
    audit.roles = "country-admin";
    audit.exportedAt = OffsetDateTime.parse("2026-12-05T10:00:00Z");
    audit.report = "fr-label-yearly";
    audit.format = "csv";
    audit.country = "FR";
    audit.scope = "country=FR";
    audit.periodFrom = LocalDate.parse("2026-01-01");
    audit.periodTo = LocalDate.parse("2026-12-31");
    audit.rowCount = 3;
    return IndicatorExportService.view(audit);
  }

  @Test
  void aPersonIsTheirAccountWithoutAName() {
    IndicatorExportAuditView view = view("0b7e6c1a-admin");

    assertThat(view.exportedBy()).isEqualTo("0b7e6c1a-admin");
    assertThat(view.exportedByActor())
        .isEqualTo(new Actor(Actor.Type.PERSON, "0b7e6c1a-admin", null));
  }

  @Test
  void aSystemIsNamed() {
    IndicatorExportAuditView view = view("system:indicator-job");

    assertThat(view.exportedBy()).isEqualTo("system:indicator-job");
    assertThat(view.exportedByActor())
        .isEqualTo(new Actor(Actor.Type.SYSTEM, "indicator-job", "indicator-job"));
  }
}
