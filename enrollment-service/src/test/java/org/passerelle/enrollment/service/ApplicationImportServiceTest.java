package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.enrollment.ConsentPurpose;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.enrollment.api.ConsentGiven;
import org.passerelle.enrollment.api.SubmitApplicationRequest;

/** A row sent again is the same request: its idempotency hash does not depend on reading order. */
class ApplicationImportServiceTest {

  @Test
  void prioritySetsAreHashedInOneOrderWhateverOrderTheyWereReadIn() {
    LinkedHashSet<PriorityPublic> readOrder = new LinkedHashSet<>();
    readOrder.add(PriorityPublic.NEET_UNDER_26);
    readOrder.add(PriorityPublic.REFUGEE);
    readOrder.add(PriorityPublic.PRIORITY_NEIGHBOURHOOD);
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            UUID.randomUUID(),
            null,
            "REF-1",
            new ApplicantDetails(
                "A",
                "B",
                LocalDate.of(2001, 4, 12),
                "a@example.org",
                "+33612345678",
                new ApplicantDetails.Address("1 rue", "93270", "Sevran", "FR"),
                "FR",
                null,
                EducationLevel.BAC,
                null,
                readOrder,
                null,
                null,
                null),
            List.of(new ConsentGiven(ConsentPurpose.APPLICATION_PROCESSING, true, null)));

    SubmitApplicationRequest canonical = ApplicationImportService.canonical(request);

    assertThat(List.copyOf(canonical.applicant().priorityPublics()))
        .containsExactly(
            PriorityPublic.PRIORITY_NEIGHBOURHOOD,
            PriorityPublic.REFUGEE,
            PriorityPublic.NEET_UNDER_26);
    assertThat(canonical.applicant().priorityPublics()).isEqualTo(readOrder);
    assertThat(canonical.externalRef()).isEqualTo("REF-1");
    assertThat(canonical.consents()).isEqualTo(request.consents());
  }
}
