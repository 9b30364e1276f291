package org.passerelle.enrollment.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies the rows of the imports accepted (ADR 0047), oldest job first, from startup on. Every
 * instance runs it; a job is applied by one at a time (each row's transaction locks the job, and a
 * worker that finds it locked leaves it), and after a restart the jobs left QUEUED or RUNNING are
 * taken up again at their first row without an outcome.
 */
@ApplicationScoped
public class ApplicationImportWorker {

  /** The scheduler's name for it (tests pause it to stop a job half-way). */
  public static final String IDENTITY = "application-imports";

  private static final Logger LOG = Logger.getLogger(ApplicationImportWorker.class);

  private static final int JOBS_PER_PASS = 10;

  private final ApplicationImportService imports;

  ApplicationImportWorker(ApplicationImportService imports) {
    this.imports = imports;
  }

  @Scheduled(
      identity = IDENTITY,
      every = "{passerelle.enrollment.imports.poll}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void work() {
    List<UUID> pending;
    try {
      pending = imports.pending(JOBS_PER_PASS);
    } catch (RuntimeException e) {
      LOG.warnf("imports waiting could not be read: %s", e.getClass().getName());
      return;
    }
    for (UUID id : pending) {
      try {
        imports.apply(id, Integer.MAX_VALUE);
      } catch (RuntimeException e) {
        // The database may be away: the job stays where it was, and the next pass resumes it.
        LOG.warnf("import %s paused: %s", id, e.getClass().getName());
      }
    }
  }
}
