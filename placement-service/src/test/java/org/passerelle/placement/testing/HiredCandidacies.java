package org.passerelle.placement.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.passerelle.placement.api.CandidacyHired;

/** What the hires fired in-process, as the placements' observer receives them. */
@ApplicationScoped
public class HiredCandidacies {

  private static final List<CandidacyHired> FIRED = new CopyOnWriteArrayList<>();

  void on(@Observes CandidacyHired hired) {
    FIRED.add(hired);
  }

  public static List<CandidacyHired> fired() {
    return List.copyOf(FIRED);
  }
}
