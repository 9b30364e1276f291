package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.Donation;

@ApplicationScoped
public class DonationRepository implements PanacheRepositoryBase<Donation, UUID> {

  /** A donor's donations received between two days, both included, oldest first. */
  public List<Donation> ofDonorBetween(UUID donorId, LocalDate from, LocalDate to) {
    return list(
        "donorId = ?1 and donatedOn >= ?2 and donatedOn <= ?3 order by donatedOn, createdAt",
        donorId,
        from,
        to);
  }
}
