package org.passerelle.placement.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.passerelle.placement.JobOffer;

/**
 * A job offer's salary range: gross amounts from {@code min} to {@code max} (the same for a fixed
 * salary; max may be left out) in a currency, per hour, month or year.
 */
public record JobOfferSalary(
    @NotNull @DecimalMin("0") @DecimalMax(MAX) @Digits(integer = 10, fraction = 2) BigDecimal min,
    @DecimalMin("0") @DecimalMax(MAX) @Digits(integer = 10, fraction = 2) BigDecimal max,
    @NotNull @Pattern(regexp = "EUR|MAD") String currency,
    @NotNull JobOffer.SalaryPeriod period) {

  /** Above any salary, in any currency and period; the column holds ten digits before the point. */
  public static final String MAX = "100000000";

  public static JobOfferSalary of(JobOffer offer) {
    if (offer.salaryMin == null) {
      return null;
    }
    return new JobOfferSalary(
        offer.salaryMin, offer.salaryMax, offer.salaryCurrency, offer.salaryPeriod);
  }
}
