package org.passerelle.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Intake;

@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, UUID> {

  /**
   * The intakes that take applications on the day {@code :today}: {@link Intake#openOn} as a query
   * condition, so lists filter and page in the database. Never null (each nullable column is tested
   * for null first), so its negation lists exactly the other intakes.
   */
  public static final String OPEN_ON_TODAY =
      "(cohortStatus in ('PLANNED', 'RECRUITING')"
          + " and (recruitmentOpensOn is null or recruitmentOpensOn <= :today)"
          + " and ((recruitmentClosesOn is not null and recruitmentClosesOn >= :today)"
          + " or (recruitmentClosesOn is null and startDate > :today)))";

  /** Per intake, the applications holding or promised a seat (accepted or enrolled). */
  public Map<UUID, Long> seatsHeld(Collection<UUID> intakeIds) {
    Map<UUID, Long> held = new HashMap<>();
    if (intakeIds.isEmpty()) {
      return held;
    }
    getEntityManager()
        .createQuery(
            "select a.intakeId, count(a) from Application a"
                + " where a.intakeId in :intakes and a.status in :holding group by a.intakeId",
            Object[].class)
        .setParameter("intakes", intakeIds)
        .setParameter("holding", List.of(ApplicationStatus.ACCEPTED, ApplicationStatus.ENROLLED))
        .getResultList()
        .forEach(row -> held.put((UUID) row[0], (Long) row[1]));
    return held;
  }
}
