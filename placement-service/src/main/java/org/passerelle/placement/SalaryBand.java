package org.passerelle.placement;

/**
 * Gross pay in multiples of the country's legal minimum wage (SMIC, SMIG), so that bands compare
 * across countries and years without amounts.
 */
public enum SalaryBand {
  UP_TO_MINIMUM_WAGE,
  UP_TO_1_5_MINIMUM_WAGE,
  UP_TO_2_MINIMUM_WAGE,
  ABOVE_2_MINIMUM_WAGE
}
