package org.passerelle.enrollment;

/** The public employment service a job seeker is registered with; one per country (DESIGN §3). */
public enum JobSeekerAgency {
  FRANCE_TRAVAIL,
  ANAPEC
}
