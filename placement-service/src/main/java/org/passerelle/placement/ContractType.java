package org.passerelle.placement;

/**
 * Contract of a job offer. Whether it counts as durable employment is a per-country rule kept as
 * data (DESIGN §3), not decided here.
 */
public enum ContractType {
  CDI,
  CDD,
  TEMPORARY,
  APPRENTICESHIP,
  PROFESSIONALISATION,
  INTERNSHIP,
  FREELANCE
}
