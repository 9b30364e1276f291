package org.passerelle.cohort;

/** The job families programmes train for (DESIGN §3). */
public enum JobTrack {
  WEB_MOBILE_DEVELOPMENT,
  DATA,
  AI,
  CYBERSECURITY,
  DIGITAL_MARKETING
}
