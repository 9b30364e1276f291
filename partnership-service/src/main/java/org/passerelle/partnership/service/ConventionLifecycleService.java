package org.passerelle.partnership.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Commitment;
import org.passerelle.partnership.CommitmentStatus;
import org.passerelle.partnership.Convention;
import org.passerelle.partnership.ConventionStatus;
import org.passerelle.partnership.config.ConventionsConfig;
import org.passerelle.partnership.events.CommitmentClosed;
import org.passerelle.partnership.events.ConventionExpiring;
import org.passerelle.partnership.repository.CommitmentRepository;
import org.passerelle.partnership.repository.ConventionRepository;

/**
 * The conventions' days: each day, in the time zone of the country's sites, signed conventions
 * whose start date came become active, those whose end date passed expire, those ending within the
 * notice period ({@code passerelle.conventions.expiring-notice-days}) are announced once by
 * convention-expiring, and open commitments past their due date are missed. Runs on {@code
 * passerelle.conventions.schedule} ("off" disables it).
 *
 * <p>One run per country at a time across every instance: a PostgreSQL session advisory lock per
 * country is held for the whole run, as for enrollment's retention. A run applied twice the same
 * day changes nothing the second time.
 */
@ApplicationScoped
public class ConventionLifecycleService {

  private static final Logger LOG = Logger.getLogger(ConventionLifecycleService.class);

  /** First key of the advisory lock ("CONV"); the second is the country. */
  public static final int LOCK_CLASS = 0x434f4e56;

  /** What one run changed. */
  public record Run(
      String country, LocalDate today, int activated, int expired, int announced, int missed) {}

  private final ConventionsConfig config;
  private final DataSource dataSource;
  private final ConventionRepository conventions;
  private final CommitmentRepository commitments;
  private final Outbox outbox;
  private final Now now;

  ConventionLifecycleService(
      ConventionsConfig config,
      DataSource dataSource,
      ConventionRepository conventions,
      CommitmentRepository commitments,
      Outbox outbox,
      Now now) {
    this.config = config;
    this.dataSource = dataSource;
    this.conventions = conventions;
    this.commitments = commitments;
    this.outbox = outbox;
    this.now = now;
  }

  @Scheduled(
      identity = "conventions",
      cron = "{passerelle.conventions.schedule}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    for (String country : new TreeSet<>(config.timeZones().keySet())) {
      try {
        LocalDate today = now.today(config.timeZones().get(country));
        run(country, today)
            .ifPresentOrElse(
                run -> LOG.infof("conventions %s: %s", country, run),
                () -> LOG.infof("conventions %s: another instance is running it", country));
      } catch (RuntimeException e) {
        LOG.warnf("conventions %s could not run: %s", country, e.getClass().getName());
      }
    }
  }

  /**
   * Brings the country's conventions and commitments to this day (the day in the sites' zone);
   * empty when a run of that country is already going on.
   */
  public Optional<Run> run(String country, LocalDate today) {
    try (Connection connection = dataSource.getConnection()) {
      if (!lock(connection, "select pg_try_advisory_lock(?, ?)", country)) {
        return Optional.empty();
      }
      try {
        return Optional.of(runLocked(country, today));
      } finally {
        lock(connection, "select pg_advisory_unlock(?, ?)", country);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("conventions lock failed", e);
    }
  }

  private static boolean lock(Connection connection, String sql, String country)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, LOCK_CLASS);
      statement.setInt(2, country.charAt(0) << 8 | country.charAt(1));
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private Run runLocked(String country, LocalDate today) {
    int activated = QuarkusTransaction.requiringNew().call(() -> activate(country, today));
    int expired = QuarkusTransaction.requiringNew().call(() -> expire(country, today));
    int announced = QuarkusTransaction.requiringNew().call(() -> announce(country, today));
    int missed = QuarkusTransaction.requiringNew().call(() -> miss(country, today));
    return new Run(country, today, activated, expired, announced, missed);
  }

  private int activate(String country, LocalDate today) {
    List<Convention> due =
        conventions.list(
            "country = ?1 and status = ?2 and startsOn <= ?3 and endsOn >= ?3",
            country,
            ConventionStatus.SIGNED,
            today);
    due.forEach(convention -> moved(convention, ConventionStatus.ACTIVE));
    return due.size();
  }

  private int expire(String country, LocalDate today) {
    List<Convention> over =
        conventions.list(
            "country = ?1 and status in ?2 and endsOn < ?3",
            country,
            List.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE),
            today);
    over.forEach(convention -> moved(convention, ConventionStatus.EXPIRED));
    return over.size();
  }

  private void moved(Convention convention, ConventionStatus target) {
    if (convention.status.canMoveTo(target)) {
      convention.status = target;
      convention.changedAt = now.timestamp();
    }
  }

  private int announce(String country, LocalDate today) {
    List<Convention> ending =
        conventions.list(
            "country = ?1 and status in ?2 and expiringNoticeAt is null"
                + " and endsOn >= ?3 and endsOn <= ?4",
            country,
            List.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE),
            today,
            today.plusDays(config.expiringNoticeDays()));
    for (Convention convention : ending) {
      convention.expiringNoticeAt = now.timestamp();
      int daysLeft = (int) ChronoUnit.DAYS.between(today, convention.endsOn);
      outbox.publish(
          DomainEvent.v1(
              ConventionExpiring.NAME,
              convention.id,
              convention.country,
              null,
              ConventionExpiring.of(convention, daysLeft)));
    }
    return ending.size();
  }

  private int miss(String country, LocalDate today) {
    List<Commitment> late =
        commitments.list(
            "country = ?1 and status = ?2 and dueOn < ?3", country, CommitmentStatus.OPEN, today);
    for (Commitment commitment : late) {
      commitment.status = CommitmentStatus.MISSED;
      commitment.closedAt = now.timestamp();
      outbox.publish(
          DomainEvent.v1(
              CommitmentClosed.MISSED,
              commitment.id,
              commitment.country,
              null,
              CommitmentClosed.of(commitment)));
    }
    return late.size();
  }
}
