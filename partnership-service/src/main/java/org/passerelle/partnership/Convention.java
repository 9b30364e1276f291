package org.passerelle.partnership;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partnership convention signed with a partner for one country or several: the sites and
 * programmes it covers, who signed it, and its period. Its commitments are {@link Commitment}s.
 */
@Entity
@Table(name = "convention")
public class Convention {
  @Id public UUID id;

  @Column(name = "partner_id")
  public UUID partnerId;

  /** The partner's country, where it was drafted; its events are keyed to it. */
  public String country;

  /**
   * Every country it covers, {@link #country} included (ADR 0024): its admins read it; only a
   * convention wholly in their country is theirs to change.
   */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> countries = new ArrayList<>();

  /** Site codes covered; site staff of these sites read the convention. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "convention_site", joinColumns = @JoinColumn(name = "convention_id"))
  @Column(name = "site")
  public Set<String> sites = new TreeSet<>();

  /** Programme codes covered; none means every programme of its sites. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> programmes = new ArrayList<>();

  /** Who signed, with their capacity ("Name, role"): shown to staff and the partner only. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> signatories = new ArrayList<>();

  @Column(name = "document_reference")
  public String documentReference;

  @Column(name = "starts_on")
  public LocalDate startsOn;

  @Column(name = "ends_on")
  public LocalDate endsOn;

  @Column(name = "signed_on")
  public LocalDate signedOn;

  @Enumerated(EnumType.STRING)
  public ConventionStatus status;

  @Column(name = "termination_reason")
  public String terminationReason;

  /** The convention this one renews, if any. */
  @Column(name = "predecessor_id")
  public UUID predecessorId;

  /** When convention-expiring was emitted: it is emitted once. */
  @Column(name = "expiring_notice_at")
  public OffsetDateTime expiringNoticeAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "changed_at")
  public OffsetDateTime changedAt;

  @Version public long version;

  /** Whether a fact of this day and site falls within the convention's period and sites. */
  public boolean covers(LocalDate day, String site) {
    boolean inPeriod = !day.isBefore(startsOn) && !day.isAfter(endsOn);
    return inPeriod && (sites.isEmpty() || sites.contains(site));
  }
}
