package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One export of an indicators report: who took which scope and period, when, and how much. */
@Entity
@Table(name = "indicator_export_audit")
public class IndicatorExportAudit {
  @Id public UUID id;

  @Column(name = "exported_by")
  public String exportedBy;

  /** The caller's roles, comma-separated in alphabetical order. */
  public String roles;

  @Column(name = "exported_at")
  public OffsetDateTime exportedAt;

  public String report;

  public String format;

  public String country;

  @Column(name = "funder_partner_id")
  public UUID funderPartnerId;

  /** The caller's reach when they exported, e.g. {@code country=FR sites=FR-SEVRAN}. */
  public String scope;

  @Column(name = "period_from")
  public LocalDate periodFrom;

  @Column(name = "period_to")
  public LocalDate periodTo;

  /** The closed period's revision the figures were read from; null when they were live. */
  @Column(name = "closure_revision")
  public Integer closureRevision;

  @Column(name = "row_count")
  public int rowCount;
}
