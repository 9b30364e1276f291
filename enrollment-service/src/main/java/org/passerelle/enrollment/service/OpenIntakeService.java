package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.api.OpenIntake;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * The intakes a person may apply to today, for anyone (ADR 0039): what a school advertises, so no
 * scope applies and nothing about applicants is shown beyond the seats left.
 */
@ApplicationScoped
public class OpenIntakeService {

  /** The optional filters of the list. */
  public record Filters(String country, String site, String programme) {}

  private final IntakeRepository intakes;
  private final Now now;

  OpenIntakeService(IntakeRepository intakes, Now now) {
    this.intakes = intakes;
    this.now = now;
  }

  /** What the list sorts by (ADR 0040); by start date unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "startDate",
          "id",
          "startDate",
          "startDate",
          "endDate",
          "endDate",
          "programme",
          "programmeCode",
          "site",
          "siteCode",
          "country",
          "country");

  /** By start date, then id; the day is the one submissions check the window against. */
  @Transactional
  public Page<OpenIntake> list(Filters filters, int page, int size) {
    return list(filters, SORTING.parse(null), page, size);
  }

  /** In the order asked for, ties broken by id. */
  @Transactional
  public Page<OpenIntake> list(Filters filters, Sorting.Order order, int page, int size) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    where.add(IntakeRepository.OPEN_ON_TODAY);
    parameters.put("today", now.timestamp().toLocalDate());
    if (filters.country() != null) {
      where.add("country = :country");
      parameters.put("country", filters.country());
    }
    if (filters.site() != null) {
      where.add("siteCode = :site");
      parameters.put("site", filters.site());
    }
    if (filters.programme() != null) {
      where.add("programmeCode = :programme");
      parameters.put("programme", filters.programme());
    }
    Page<Intake> found =
        Page.of(
            intakes.find(String.join(" and ", where), order.sort(), parameters),
            page,
            size,
            intake -> intake);
    Map<UUID, Long> held =
        intakes.seatsHeld(found.items().stream().map(intake -> intake.id).toList());
    return new Page<>(
        found.items().stream()
            .map(intake -> OpenIntake.of(intake, held.getOrDefault(intake.id, 0L)))
            .toList(),
        page,
        size,
        found.total(),
        found.totalIsExact());
  }
}
