package org.passerelle.enrollment.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Applies the rows of the imports accepted (ADR 0047), oldest job first, from startup on. Every
 * instance runs it; a job is applied by one at a time (each row's transaction locks the job, and a
 * worker that finds it locked leaves it), and after a restart the jobs left QUEUED or RUNNING are
 * taken up again at their first row without an outcome. A job accepted by this instance starts at
 * once ({@link #wake}) instead of at the next scheduled pass.
 */
@ApplicationScoped
public class ApplicationImportWorker {

  /** The scheduler's name for it (tests pause it to stop a job half-way). */
  public static final String IDENTITY = "application-imports";

  private static final Logger LOG = Logger.getLogger(ApplicationImportWorker.class);

  private static final int JOBS_PER_PASS = 10;

  private final ApplicationImportService imports;
  private final Scheduler scheduler;

  /** A pass runs in this instance. */
  private final AtomicBoolean running = new AtomicBoolean();

  /** A pass was asked for since the running one began: it looks for jobs again when it ends. */
  private final AtomicBoolean requested = new AtomicBoolean();

  /** A wake is waiting for the waker's thread: more wakes meanwhile add nothing. */
  private final AtomicBoolean wakeQueued = new AtomicBoolean();

  private final ExecutorService waker =
      Executors.newSingleThreadExecutor(
          task -> Thread.ofPlatform().daemon().name("application-imports-wake").unstarted(task));

  ApplicationImportWorker(ApplicationImportService imports, Scheduler scheduler) {
    this.imports = imports;
    this.scheduler = scheduler;
  }

  @Scheduled(
      identity = IDENTITY,
      every = "{passerelle.enrollment.imports.poll}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void work() {
    pass();
  }

  /**
   * Starts a pass now, on the worker's own thread, unless the worker is paused: called once an
   * import is accepted, so that a small one ends within its first poll of the job. Returns whether
   * a pass was asked for (a wake already waiting counts).
   */
  public boolean wake() {
    if (scheduler.isPaused(IDENTITY)) {
      return false;
    }
    if (wakeQueued.compareAndSet(false, true)) {
      waker.execute(
          () -> {
            wakeQueued.set(false);
            pass();
          });
    }
    return true;
  }

  /**
   * One pass at a time in this instance; one asked for meanwhile runs when it ends, unless the
   * worker was paused since.
   */
  private void pass() {
    requested.set(true);
    while (requested.get() && !scheduler.isPaused(IDENTITY) && running.compareAndSet(false, true)) {
      try {
        requested.set(false);
        applyPending();
      } finally {
        running.set(false);
      }
    }
  }

  private void applyPending() {
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

  /** A pass under way goes on until the database closes, as a scheduled one does. */
  @PreDestroy
  void stop() {
    waker.shutdown();
  }
}
