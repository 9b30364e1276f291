package org.passerelle.partnership;

/** Whether a partnership is running; an ended one may start again. */
public enum PartnerStatus {
  ACTIVE,
  INACTIVE;

  /** Each status may move to the other; staying is not a move. */
  public boolean canMoveTo(PartnerStatus next) {
    return next != null && next != this;
  }
}
