package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.client.ApiClient;
import org.passerelle.client.ApiException;
import org.passerelle.client.ApiResponse;
import org.passerelle.client.api.ApplicationsApi;
import org.passerelle.client.api.AttendanceApi;
import org.passerelle.client.api.CertificatesApi;
import org.passerelle.client.api.CertificationApi;
import org.passerelle.client.api.CohortsApi;
import org.passerelle.client.api.IntakesApi;
import org.passerelle.client.api.LearnersApi;
import org.passerelle.client.model.Address;
import org.passerelle.client.model.ApplicantDetails;
import org.passerelle.client.model.ApplicationStatus;
import org.passerelle.client.model.ApplicationView;
import org.passerelle.client.model.AttendanceDayRequest;
import org.passerelle.client.model.AttendanceRecordRequest;
import org.passerelle.client.model.AttendanceStatus;
import org.passerelle.client.model.CertificateStatus;
import org.passerelle.client.model.CertificateVerification;
import org.passerelle.client.model.CertificationOutcome;
import org.passerelle.client.model.CertificationResultView;
import org.passerelle.client.model.ChangeCohortRequest;
import org.passerelle.client.model.CohortStatus;
import org.passerelle.client.model.CohortView;
import org.passerelle.client.model.ConsentGiven;
import org.passerelle.client.model.ConsentPurpose;
import org.passerelle.client.model.DecisionRequest;
import org.passerelle.client.model.EducationLevel;
import org.passerelle.client.model.LearnerStatus;
import org.passerelle.client.model.LearnerView;
import org.passerelle.client.model.PendingEnrolment;
import org.passerelle.client.model.RecordCertificationRequest;
import org.passerelle.client.model.ScheduleCohortRequest;
import org.passerelle.client.model.ScreeningRequest;
import org.passerelle.client.model.SubmitApplicationRequest;
import org.passerelle.commons.testing.Tokens;

/**
 * README's main flow with the Java client api-client generates from the merged OpenAPI document, as
 * an integrator would use it, against the running platform through the gateway: an application,
 * screened and accepted, the learner seated in the cohort (asynchronously, where the accept answer
 * says), a day's attendance, the jury's result and the certificate an employer checks without an
 * account. Proof that the generated client, its model names included, is usable end to end.
 */
class GeneratedClientWalkThroughTest {

  private static final String SITE = "FR-SEVRAN";
  private static final String STAFF = "site-staff-fr";

  @BeforeAll
  static void platform() {
    Platform.get();
  }

  /** The generated client against the gateway, with this demo user's token (none: anonymous). */
  private static ApiClient client(String user) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Platform.get().gateway());
    client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    client.setReadTimeout(Duration.ofSeconds(30));
    if (user != null) {
      String bearer = Tokens.bearer(user);
      client.setRequestInterceptor(request -> request.header("Authorization", bearer));
    }
    return client;
  }

  @Test
  void fromAnApplicationToAVerifiedCertificate() throws Exception {
    ApiClient staff = client(STAFF);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

    CohortView cohort =
        new CohortsApi(client("country-admin-fr"))
            .scheduleCohort(
                new ScheduleCohortRequest()
                    .programmeCode("WEB-DEV")
                    .siteCode(SITE)
                    .startDate(today.plusMonths(2))
                    .endDate(today.plusMonths(8))
                    .capacity(2),
                null);
    UUID cohortId = cohort.getId();
    // enrollment-service learns the intake from cohort-service's event.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(ApiException.class)
        .until(() -> new IntakesApi(staff).getIntake(cohortId) != null);

    ApplicationsApi applications = new ApplicationsApi(staff);
    ApplicationView submitted =
        applications.submitApplication(
            new SubmitApplicationRequest()
                .intakeId(cohortId)
                .applicant(
                    new ApplicantDetails()
                        .firstName("Yasmine")
                        .lastName("Haddad")
                        .birthDate(LocalDate.of(2000, 9, 30))
                        .email("yasmine." + UUID.randomUUID() + "@example.org")
                        .phone("+33612345678")
                        .address(
                            new Address()
                                .line("3 allée des Tilleuls")
                                .postalCode("93270")
                                .city("Sevran")
                                .country("FR"))
                        .nationality("FR")
                        .educationLevel(EducationLevel.BELOW_BAC))
                .consents(
                    List.of(
                        new ConsentGiven()
                            .purpose(ConsentPurpose.APPLICATION_PROCESSING)
                            .granted(true))),
            UUID.randomUUID().toString());
    UUID applicationId = submitted.getId();
    UUID learnerId = submitted.getApplicant().getLearnerId();
    assertThat(submitted.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);

    ApplicationView screened =
        applications.screenApplication(applicationId, new ScreeningRequest().testScore(70), null);
    assertThat(screened.getStatus()).isEqualTo(ApplicationStatus.SCREENING);
    ApplicationView accepted =
        applications.acceptApplication(applicationId, new DecisionRequest(), null);
    // Enrolment follows asynchronously; the answer says where it shows.
    assertThat(accepted.getStatus()).isEqualTo(ApplicationStatus.ACCEPTED);
    PendingEnrolment pending = accepted.getPendingEnrolment();
    assertThat(pending.getCohortLearner())
        .isEqualTo(
            URI.create(
                Platform.get().gateway()
                    + "/api/v1/cohorts/"
                    + cohortId
                    + "/learners/"
                    + learnerId));
    assertThat(pending.getEvents()).contains("cohort.events/learner-enrolled");

    LearnersApi learners = new LearnersApi(staff);
    LearnerView seated =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(300))
            .ignoreException(ApiException.class)
            .until(() -> learners.getCohortLearner(cohortId, learnerId), seat -> seat != null);
    assertThat(seated.getApplicationId()).isEqualTo(applicationId);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> applications.getApplication(applicationId).getStatus(),
            ApplicationStatus.ENROLLED::equals);
    assertThat(applications.getApplication(applicationId).getPendingEnrolment()).isNull();

    // The start moved to today (staff's decision), recruitment closed yesterday, then started.
    CohortsApi cohorts = new CohortsApi(staff);
    ApiResponse<CohortView> opened = cohorts.openCohortRecruitmentWithHttpInfo(cohortId, null);
    cohorts.changeCohort(
        cohortId,
        etag(opened),
        new ChangeCohortRequest()
            .startDate(today)
            .recruitmentOpensOn(today.minusDays(2))
            .recruitmentClosesOn(today.minusDays(1)));
    assertThat(cohorts.startCohort(cohortId, null).getStatus()).isEqualTo(CohortStatus.RUNNING);
    assertThat(learners.getCohortLearner(cohortId, learnerId).getStatus())
        .isEqualTo(LearnerStatus.ACTIVE);

    new AttendanceApi(staff)
        .recordAttendanceDay(
            cohortId,
            today.toString(),
            new AttendanceDayRequest()
                .records(
                    List.of(
                        new AttendanceRecordRequest()
                            .learnerId(learnerId)
                            .status(AttendanceStatus.PRESENT))),
            null);

    CertificationResultView result =
        new CertificationApi(staff)
            .recordCertificationResult(
                cohortId,
                new RecordCertificationRequest()
                    .learnerId(learnerId)
                    .outcome(CertificationOutcome.CERTIFIED)
                    .certifiedOn(today)
                    .juryReference("JURY-SEVRAN-" + today),
                UUID.randomUUID().toString());
    String publicId = result.getCertificate().getPublicId();

    // An employer, without any account.
    CertificateVerification verification =
        new CertificatesApi(client(null)).verifyCertificate(publicId);
    assertThat(verification.getStatus()).isEqualTo(CertificateStatus.VALID);
    assertThat(verification.getOutcome()).isEqualTo(CertificationOutcome.CERTIFIED);
    assertThat(verification.getProgramme().getCode()).isEqualTo("WEB-DEV");
    assertThat(verification.getCertifiedOn()).isEqualTo(today);
  }

  private static String etag(ApiResponse<?> response) {
    return response.getHeaders().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase("ETag"))
        .flatMap(header -> header.getValue().stream())
        .findFirst()
        .orElseThrow();
  }
}
