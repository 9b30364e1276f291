package org.passerelle.partnership.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.passerelle.partnership.api.DonationRecorded;

/** Listens to the in-process DonationRecorded notifications, as a commitments rule would. */
@ApplicationScoped
public class RecordedDonations {

  private final List<DonationRecorded> heard = new CopyOnWriteArrayList<>();

  void on(@Observes DonationRecorded donation) {
    heard.add(donation);
  }

  public long times(UUID donationId) {
    return heard.stream().filter(donation -> donation.donationId().equals(donationId)).count();
  }
}
