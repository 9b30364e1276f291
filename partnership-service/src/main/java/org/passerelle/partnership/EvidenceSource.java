package org.passerelle.partnership;

/** Where a piece of a commitment's progress comes from. */
public enum EvidenceSource {
  PLACEMENT,
  DONATION,
  PRIZE,
  MANUAL
}
