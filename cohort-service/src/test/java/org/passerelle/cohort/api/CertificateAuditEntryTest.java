package org.passerelle.cohort.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CertificateAudit;
import org.passerelle.commons.api.Actor;

/** An audit line says who acted as an object, a person's account or a system, beside the string. */
class CertificateAuditEntryTest {

  private static CertificateAuditEntry entry(String actor) {
    CertificateAudit audit = new CertificateAudit();
    audit.action = CertificateAudit.Action.REVOKED;
    audit.actor = actor;
    audit.actedAt = OffsetDateTime.parse("2026-12-05T10:00:00Z");
    return CertificateAuditEntry.of(audit);
  }

  @Test
  void aPersonIsTheirAccountWithoutAName() {
    CertificateAuditEntry entry = entry("0b7e6c1a-staff");

    assertThat(entry.actor()).isEqualTo("0b7e6c1a-staff");
    assertThat(entry.actedBy()).isEqualTo(new Actor(Actor.Type.PERSON, "0b7e6c1a-staff", null));
  }

  @Test
  void aSystemIsNamed() {
    CertificateAuditEntry entry = entry("system:retention");

    assertThat(entry.actor()).isEqualTo("system:retention");
    assertThat(entry.actedBy()).isEqualTo(new Actor(Actor.Type.SYSTEM, "retention", "retention"));
  }
}
