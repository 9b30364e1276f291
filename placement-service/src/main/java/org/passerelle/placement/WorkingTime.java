package org.passerelle.placement;

/** Working time of a job. */
public enum WorkingTime {
  FULL_TIME,
  PART_TIME
}
