package org.passerelle.placement;

/** What backs a recorded situation, as funders' audits ask for it. */
public enum EvidenceKind {
  CONTRACT,
  PAYSLIP,
  EMPLOYER_STATEMENT,
  LEARNER_STATEMENT,
  TRAINING_ENROLMENT,
  BUSINESS_REGISTRATION,
  OTHER
}
