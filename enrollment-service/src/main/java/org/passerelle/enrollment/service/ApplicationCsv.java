package org.passerelle.enrollment.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.passerelle.commons.problem.BodyProblems;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.enrollment.ConsentPurpose;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.JobSeekerAgency;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.ReferralSource;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.enrollment.api.ConsentGiven;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * The CSV form of an application: one row per application under a header row with fixed column
 * names (any order). Each cell maps to a field of {@link SubmitApplicationRequest}; a cell that
 * does not convert (a bad date, an unknown value) fails its row naming the column, and field errors
 * found later (validation, country rules) are named by column too.
 */
public final class ApplicationCsv {

  /** A column, whether the header must have it, and the request field it fills. */
  public record Column(String name, boolean required, String field) {}

  /** The columns, in the order the documentation lists them. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("externalRef", true, "externalRef"),
          new Column("intakeId", true, "intakeId"),
          new Column("siteCode", false, "siteCode"),
          new Column("firstName", true, "applicant.firstName"),
          new Column("lastName", true, "applicant.lastName"),
          new Column("birthDate", true, "applicant.birthDate"),
          new Column("email", true, "applicant.email"),
          new Column("phone", true, "applicant.phone"),
          new Column("addressLine", true, "applicant.address.line"),
          new Column("postalCode", true, "applicant.address.postalCode"),
          new Column("city", true, "applicant.address.city"),
          new Column("addressCountry", true, "applicant.address.country"),
          new Column("nationality", true, "applicant.nationality"),
          new Column("gender", false, "applicant.gender"),
          new Column("educationLevel", true, "applicant.educationLevel"),
          new Column("jobSeekerAgency", false, "applicant.employment.jobSeekerAgency"),
          new Column("jobSeekerId", false, "applicant.employment.jobSeekerId"),
          new Column("priorityPublics", false, "applicant.priorityPublics"),
          new Column("referralSource", false, "applicant.referral.source"),
          new Column("referralContact", false, "applicant.referral.contact"),
          new Column("motivation", false, "applicant.motivation"),
          new Column("availability", false, "applicant.constraints.availability"),
          new Column("accommodationNeeds", false, "applicant.constraints.accommodationNeeds"),
          new Column("consentApplicationProcessing", true, "consents"),
          new Column("consentFollowUpContact", false, null),
          new Column("consentCvSharing", false, null),
          new Column("consentTextVersion", false, "consents.textVersion"));

  /** Separates the values of priorityPublics within its cell. */
  public static final char LIST_SEPARATOR = '|';

  private static final Map<String, Column> BY_NAME =
      COLUMNS.stream()
          .collect(Collectors.toMap(Column::name, c -> c, (a, b) -> a, LinkedHashMap::new));
  private static final Map<String, Integer> ORDER = new HashMap<>();
  private static final Map<String, String> COLUMN_OF_FIELD = new HashMap<>();
  private static final Pattern INDEX = Pattern.compile("\\[[0-9]*]");
  private static final Pattern CANONICAL_UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static {
    for (Column column : COLUMNS) {
      ORDER.put(column.name(), ORDER.size());
      if (column.field() != null) {
        COLUMN_OF_FIELD.put(column.field(), column.name());
      }
    }
    // Whole objects the CSV always builds from their cells.
    COLUMN_OF_FIELD.put("applicant.referral", "referralSource");
    COLUMN_OF_FIELD.put("consents.purpose", "consentApplicationProcessing");
    COLUMN_OF_FIELD.put("consents.granted", "consentApplicationProcessing");
  }

  /** The header's column positions. */
  private final Map<String, Integer> positions;

  private final int width;

  private ApplicationCsv(Map<String, Integer> positions, int width) {
    this.positions = positions;
    this.width = width;
  }

  /** The names of the columns, comma-separated, e.g. for documentation. */
  public static String columnNames() {
    return COLUMNS.stream().map(Column::name).collect(Collectors.joining(","));
  }

  /**
   * Reads the header row: every column must be known and appear once, and every required one must
   * be there; otherwise 400 naming the columns, before anything is written.
   */
  public static ApplicationCsv header(List<String> cells, Locale locale) {
    Map<String, Integer> positions = new HashMap<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    List<Object[]> problems = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).strip();
      if (name.isEmpty()) {
        problems.add(new Object[] {"invalid-request.csv-unnamed-column", "#" + (i + 1), i + 1});
      } else if (!BY_NAME.containsKey(name)) {
        problems.add(new Object[] {"invalid-request.csv-unknown-column", name, name});
      } else if (positions.putIfAbsent(name, i) != null) {
        problems.add(new Object[] {"invalid-request.csv-duplicate-column", name, name});
      }
    }
    for (Column column : COLUMNS) {
      if (column.required() && !positions.containsKey(column.name())) {
        problems.add(
            new Object[] {"invalid-request.csv-missing-column", column.name(), column.name()});
      }
    }
    if (!problems.isEmpty()) {
      for (Object[] problem : problems) {
        errors.add(
            new Problem.FieldError(
                (String) problem[1], Messages.format(locale, (String) problem[0], problem[2])));
      }
      Object[] first = problems.getFirst();
      throw problems.size() == 1
          ? new ProblemException(ProblemType.INVALID_REQUEST, errors, (String) first[0], first[2])
          : new ProblemException(ProblemType.INVALID_REQUEST, errors, "invalid-request.csv-header");
    }
    return new ApplicationCsv(Map.copyOf(positions), cells.size());
  }

  /** A data row: the request it describes, and the cells that did not convert. */
  public record Mapped(
      SubmitApplicationRequest request, List<Problem.FieldError> errors, String externalRef) {}

  /** Maps one data row; conversion errors name their column and never repeat the value. */
  public Mapped map(List<String> cells, Locale locale) {
    Row row = new Row(cells, locale);
    if (cells.size() != width) {
      row.errors.add(
          new Problem.FieldError(
              "$", Messages.format(locale, "invalid-request.csv-width", cells.size(), width)));
      return new Mapped(null, row.errors, row.text("externalRef"));
    }
    String textVersion = row.text("consentTextVersion");
    List<ConsentGiven> consents = new ArrayList<>();
    consent(row, "consentApplicationProcessing", ConsentPurpose.APPLICATION_PROCESSING, textVersion)
        .forEach(consents::add);
    consent(row, "consentFollowUpContact", ConsentPurpose.FOLLOW_UP_CONTACT, textVersion)
        .forEach(consents::add);
    consent(row, "consentCvSharing", ConsentPurpose.CV_SHARING, textVersion).forEach(consents::add);

    JobSeekerAgency agency = row.enumValue("jobSeekerAgency", JobSeekerAgency.class);
    String jobSeekerId = row.text("jobSeekerId");
    ReferralSource referralSource = row.enumValue("referralSource", ReferralSource.class);
    String referralContact = row.text("referralContact");
    String availability = row.text("availability");
    String accommodationNeeds = row.text("accommodationNeeds");
    ApplicantDetails applicant =
        new ApplicantDetails(
            row.text("firstName"),
            row.text("lastName"),
            row.date("birthDate"),
            row.text("email"),
            row.text("phone"),
            new ApplicantDetails.Address(
                row.text("addressLine"),
                row.text("postalCode"),
                row.text("city"),
                row.text("addressCountry")),
            row.text("nationality"),
            row.enumValue("gender", Gender.class),
            row.enumValue("educationLevel", EducationLevel.class),
            agency == null && jobSeekerId == null && !row.failed("jobSeekerAgency")
                ? null
                : new ApplicantDetails.Employment(agency, jobSeekerId),
            row.priorityPublics("priorityPublics"),
            referralSource == null && referralContact == null && !row.failed("referralSource")
                ? null
                : new ApplicantDetails.Referral(referralSource, referralContact),
            row.text("motivation"),
            availability == null && accommodationNeeds == null
                ? null
                : new ApplicantDetails.Constraints(availability, accommodationNeeds));
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            row.uuid("intakeId"),
            row.text("siteCode"),
            row.text("externalRef"),
            applicant,
            List.copyOf(consents));
    row.errors.sort(Comparator.comparingInt(error -> ORDER.getOrDefault(error.field(), 0)));
    return new Mapped(request, List.copyOf(row.errors), request.externalRef());
  }

  /**
   * The column a request field (as validation or the rules name it, e.g. {@code
   * applicant.address.postalCode} or {@code consents[0].textVersion}) comes from; the field itself
   * when no column fills it.
   */
  public static String columnOf(String field) {
    if (field == null) {
      return null;
    }
    String plain = INDEX.matcher(field).replaceAll("");
    return COLUMN_OF_FIELD.getOrDefault(plain, field);
  }

  private static List<ConsentGiven> consent(
      Row row, String column, ConsentPurpose purpose, String textVersion) {
    Boolean granted = row.bool(column);
    return granted == null ? List.of() : List.of(new ConsentGiven(purpose, granted, textVersion));
  }

  /** One row's cells and the conversion errors met so far. */
  private final class Row {
    private final List<String> cells;
    private final Locale locale;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    Row(List<String> cells, Locale locale) {
      this.cells = cells;
      this.locale = locale;
    }

    /** The stripped cell, null when the column is absent or the cell empty. */
    String text(String column) {
      Integer position = positions.get(column);
      if (position == null || position >= cells.size()) {
        return null;
      }
      String value = cells.get(position).strip();
      return value.isEmpty() ? null : value;
    }

    boolean failed(String column) {
      return errors.stream().anyMatch(error -> error.field().equals(column));
    }

    LocalDate date(String column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        return fail(column, List.of(), LocalDate.class, "invalid-request.csv-date");
      }
    }

    UUID uuid(String column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      if (!CANONICAL_UUID.matcher(value).matches()) {
        return fail(column, List.of(), UUID.class, "invalid-request.csv-uuid");
      }
      return UUID.fromString(value);
    }

    Boolean bool(String column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> fail(column, "invalid-request.csv-boolean");
      };
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type) {
      String value = text(column);
      return value == null ? null : constant(column, type, value);
    }

    Set<PriorityPublic> priorityPublics(String column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      Set<PriorityPublic> publics = EnumSet.noneOf(PriorityPublic.class);
      for (String part : value.split(Pattern.quote(String.valueOf(LIST_SEPARATOR)))) {
        if (part.isBlank()) {
          continue;
        }
        PriorityPublic priority = constant(column, PriorityPublic.class, part.strip());
        if (priority == null) {
          return null;
        }
        publics.add(priority);
      }
      return publics.isEmpty() ? null : publics;
    }

    private <E extends Enum<E>> E constant(String column, Class<E> type, String value) {
      String name = value.toUpperCase(Locale.ROOT);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(name)) {
          return constant;
        }
      }
      List<String> accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      return fail(column, accepted, null, "invalid-request.csv-enum", String.join(", ", accepted));
    }

    private <T> T fail(String column, String key, Object... more) {
      return fail(column, List.of(), null, key, more);
    }

    /** A cell's error, with the values it accepts or the format it takes (as JSON's errors). */
    private <T> T fail(
        String column, List<String> accepted, Class<?> formatted, String key, Object... more) {
      Object[] arguments = new Object[more.length + 1];
      arguments[0] = column;
      System.arraycopy(more, 0, arguments, 1, more.length);
      Optional<BodyProblems.Format> format = BodyProblems.format(formatted);
      errors.add(
          new Problem.FieldError(
              column,
              Messages.format(locale, key, arguments),
              accepted.isEmpty() ? null : accepted,
              format.map(BodyProblems.Format::name).orElse(null),
              format.map(BodyProblems.Format::example).orElse(null)));
      return null;
    }
  }
}
