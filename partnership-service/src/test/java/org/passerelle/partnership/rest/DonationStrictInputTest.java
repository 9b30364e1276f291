package org.passerelle.partnership.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;
import org.passerelle.partnership.testing.Donations;

/**
 * The commons rules for reading requests (issue 13) hold for a donation's intake and the devices'
 * and donations' lists, checked by {@link StrictInput}.
 */
@QuarkusTest
class DonationStrictInputTest {

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedJsonBodiesAndNumericPagesAreRead() {
    String good =
        Donations.body(
            Donations.donor("FR"), "FR-SEVRAN", "2026-03-02", "10", "EUR", List.of("SN-STRICT-1"));
    Call record = StrictInput.post("site-staff-fr", Donations.DONATIONS);

    StrictInput.writesNothing(
        () -> StrictInput.rows(entityManager, "donation", "device", "loan"),
        () -> {
          record.refusesMediaTypes(good, "text/plain", "application/xml");
          record.refusesWithoutContentType(good);
          record.refusesTrailingContent(good, " {}");
          record.refusesDuplicateKey(
              good.replace("\"site\": \"FR-SEVRAN\"", "\"site\": \"FR-SEVRAN\", \"site\": \"X\""),
              "site");
          record.refusesLoneSurrogate(good.replace("FR-SEVRAN", "FR-SEVRAN\\ud800"), "site");
          StrictInput.refusesBadPages("platform-admin", Donations.DONATIONS);
          StrictInput.refusesBadPages("platform-admin", Donations.DEVICES);
        });
  }
}
