package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's passes, apart from the database: an accepted import wakes a pass at once, never
 * while the worker is paused, and a pass asked for while one runs follows it instead of running
 * beside it.
 */
class ApplicationImportWorkerTest {

  private final AtomicBoolean paused = new AtomicBoolean();
  private final Jobs jobs = new Jobs();
  private final ApplicationImportWorker worker = new ApplicationImportWorker(jobs, scheduler());

  @AfterEach
  void stop() {
    jobs.release.countDown();
    worker.stop();
  }

  @Test
  void aWakeAppliesTheJobsWaitingWithoutTheSchedule() throws Exception {
    UUID job = UUID.randomUUID();
    jobs.waiting = List.of(job);
    jobs.release.countDown();

    worker.wake();

    assertThat(jobs.applied.poll(10, TimeUnit.SECONDS)).isEqualTo(job);
  }

  @Test
  void aPausedWorkerIsNotWoken() throws Exception {
    UUID job = UUID.randomUUID();
    jobs.waiting = List.of(job);
    jobs.release.countDown();
    paused.set(true);

    assertThat(worker.wake()).isFalse();
    worker.work(); // a pass asked for while paused (one that began before the pause ends alone)
    assertThat(jobs.passes).hasValue(0);

    paused.set(false);
    assertThat(worker.wake()).isTrue();
    assertThat(jobs.applied.poll(10, TimeUnit.SECONDS)).isEqualTo(job);
    assertThat(jobs.passes).hasValue(1);
  }

  @Test
  void aPassAskedForWhileOneRunsFollowsIt() throws Exception {
    UUID job = UUID.randomUUID();
    jobs.waiting = List.of(job);

    worker.wake(); // its pass holds on the first job
    assertThat(jobs.entered.await(10, TimeUnit.SECONDS)).isTrue();
    worker.work(); // the schedule's pass meanwhile: it does not run beside the first
    assertThat(jobs.passes).hasValue(1);
    jobs.release.countDown();

    assertThat(jobs.applied.poll(10, TimeUnit.SECONDS)).isEqualTo(job);
    assertThat(jobs.applied.poll(10, TimeUnit.SECONDS)).isEqualTo(job);
    assertThat(jobs.passes).hasValue(2);
    assertThat(jobs.together).isFalse();
  }

  private Scheduler scheduler() {
    return (Scheduler)
        Proxy.newProxyInstance(
            Scheduler.class.getClassLoader(),
            new Class<?>[] {Scheduler.class},
            (proxy, method, args) -> {
              if (method.getName().equals("isPaused")
                  && ApplicationImportWorker.IDENTITY.equals(args[0])) {
                return paused.get();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** The jobs waiting, as the service would list and apply them. */
  private static final class Jobs extends ApplicationImportService {
    volatile List<UUID> waiting = List.of();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final LinkedBlockingQueue<UUID> applied = new LinkedBlockingQueue<>();
    final AtomicInteger passes = new AtomicInteger();
    final AtomicBoolean inPass = new AtomicBoolean();
    final AtomicBoolean together = new AtomicBoolean();

    Jobs() {
      super(null, null, null, null, null, null, null);
    }

    @Override
    public List<UUID> pending(int limit) {
      passes.incrementAndGet();
      return waiting;
    }

    @Override
    public int apply(UUID id, int limit) {
      if (!inPass.compareAndSet(false, true)) {
        together.set(true);
      }
      try {
        entered.countDown();
        release.await(10, TimeUnit.SECONDS);
        applied.add(id);
        return 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inPass.set(false);
      }
    }
  }
}
