package org.passerelle.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.enrollment.ApplicationImport;

@ApplicationScoped
public class ApplicationImportRepository implements PanacheRepositoryBase<ApplicationImport, UUID> {

  /** The ids of jobs that have rows left to apply, oldest first. */
  public List<UUID> pending(int limit) {
    return getEntityManager()
        .createQuery(
            "select i.id from ApplicationImport i where i.status in (:queued, :running)"
                + " order by i.startedAt, i.id",
            UUID.class)
        .setParameter("queued", ApplicationImport.Status.QUEUED)
        .setParameter("running", ApplicationImport.Status.RUNNING)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Locks the job until the transaction ends and returns its status, unless another transaction
   * holds it (another worker, here or in another instance, is applying its rows): then empty. The
   * file is not read.
   */
  public Optional<ApplicationImport.Status> lockUnlessBusy(UUID id) {
    List<?> status =
        getEntityManager()
            .createNativeQuery(
                "select status from application_import where id = ?1 for update skip locked")
            .setParameter(1, id)
            .getResultList();
    return status.isEmpty()
        ? Optional.empty()
        : Optional.of(ApplicationImport.Status.valueOf((String) status.get(0)));
  }

  /** Counts a row's outcome in its job (in the transaction that recorded it). */
  public void countRow(UUID id, String outcome, OffsetDateTime at) {
    getEntityManager()
        .createNativeQuery(
            "update application_import set status = 'RUNNING', rows_processed = rows_processed + 1,"
                + " created = created + case when ?2 = 'CREATED' then 1 else 0 end,"
                + " unchanged = unchanged + case when ?2 = 'UNCHANGED' then 1 else 0 end,"
                + " failed = failed + case when ?2 = 'FAILED' then 1 else 0 end,"
                + " updated_at = ?3 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, outcome)
        .setParameter(3, at)
        .executeUpdate();
  }

  /** Records a row's outcome (in the transaction of the row's effect). */
  public void recordRow(UUID importId, int row, String outcome, String result) {
    getEntityManager()
        .createNativeQuery(
            "insert into application_import_row (import_id, row_number, outcome, result)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, importId)
        .setParameter(2, row)
        .setParameter(3, outcome)
        .setParameter(4, result)
        .executeUpdate();
  }

  /** The number of the highest row with an outcome, 0 when none has one. */
  public int lastRecordedRow(UUID importId) {
    Number last =
        (Number)
            getEntityManager()
                .createNativeQuery(
                    "select coalesce(max(row_number), 0) from application_import_row"
                        + " where import_id = ?1")
                .setParameter(1, importId)
                .getSingleResult();
    return last.intValue();
  }

  /** The rows' outcomes as JSON, in the file's order. */
  @SuppressWarnings("unchecked")
  public List<String> rowResults(UUID importId) {
    return getEntityManager()
        .createNativeQuery(
            "select result from application_import_row where import_id = ?1 order by row_number")
        .setParameter(1, importId)
        .getResultList();
  }
}
