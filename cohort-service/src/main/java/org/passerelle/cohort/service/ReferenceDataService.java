package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.passerelle.cohort.CompetencyBlock;
import org.passerelle.cohort.Programme;
import org.passerelle.cohort.Site;
import org.passerelle.cohort.api.ChangeProgrammeRequest;
import org.passerelle.cohort.api.ChangeSiteRequest;
import org.passerelle.cohort.api.CompetencyBlockRequest;
import org.passerelle.cohort.api.CreateProgrammeRequest;
import org.passerelle.cohort.api.CreateSiteRequest;
import org.passerelle.cohort.api.ProgrammeView;
import org.passerelle.cohort.api.SiteView;
import org.passerelle.cohort.config.ProgrammeConfig;
import org.passerelle.cohort.events.SiteChanged;
import org.passerelle.cohort.events.SiteRegistered;
import org.passerelle.cohort.repository.CompetencyBlockRepository;
import org.passerelle.cohort.repository.ProgrammeRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.problem.ProblemType;

/**
 * Sites and programmes, managed by platform admins (the resources check the role). Codes never
 * change: cohorts and events name them. Sites are announced (site-registered, site-changed) so that
 * other services know them before any cohort names them (ADR 0015); programmes are learned from the
 * cohorts that name them.
 */
@ApplicationScoped
public class ReferenceDataService {

  /** Added to the positions of the blocks kept while their new order is written (at most 20). */
  private static final int MOVED_ASIDE = 1000;

  private final SiteRepository sites;
  private final ProgrammeRepository programmes;
  private final CompetencyBlockRepository blocks;
  private final ProgrammeConfig config;
  private final IdempotencyKeys idempotency;
  private final Outbox outbox;

  ReferenceDataService(
      SiteRepository sites,
      ProgrammeRepository programmes,
      CompetencyBlockRepository blocks,
      ProgrammeConfig config,
      IdempotencyKeys idempotency,
      Outbox outbox) {
    this.sites = sites;
    this.programmes = programmes;
    this.blocks = blocks;
    this.config = config;
    this.idempotency = idempotency;
    this.outbox = outbox;
  }

  /** What the sites sort by (ADR 0040): by code unless asked otherwise. */
  public static final Sorting SITES =
      Sorting.of(
          "code", "code", "code", "code", "name", "name", "city", "city", "region", "region",
          "country", "country");

  /** What the programmes sort by (ADR 0040): by code unless asked otherwise. */
  public static final Sorting PROGRAMMES =
      Sorting.of(
          "code",
          "code",
          "code",
          "code",
          "jobTrack",
          "jobTrack",
          "durationWeeks",
          "durationWeeks",
          "certificationLevel",
          "certificationLevel");

  /** The network's sites, optionally of one country, by code. */
  @Transactional
  public Page<SiteView> sites(String country, int page, int size) {
    return sites(country, SITES.parse(null), page, size);
  }

  /** The network's sites, optionally of one country, in the order asked for. */
  @Transactional
  public Page<SiteView> sites(String country, Sorting.Order order, int page, int size) {
    var query =
        country == null
            ? sites.findAll(order.sort())
            : sites.find("country", order.sort(), country);
    return Page.of(query, page, size, SiteView::of);
  }

  @Transactional
  public SiteView site(String code) {
    return sites
        .findByIdOptional(code)
        .map(SiteView::of)
        .orElseThrow(() -> ProblemException.notFound("site"));
  }

  @Transactional
  public IdempotencyKeys.Outcome<SiteView> createSite(
      CreateSiteRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "create-site",
        request,
        SiteView.class,
        () -> {
          if (!request.code().startsWith(request.country() + "-")) {
            throw ProblemException.invalid(
                "code", "invalid-request.site-code-country", request.country());
          }
          checkTimeZone(request.timeZone());
          if (sites.findByIdOptional(request.code()).isPresent()) {
            throw new ProblemException(
                ProblemType.CONFLICT, "conflict.site-exists", request.code());
          }
          Site site = new Site();
          site.code = request.code();
          site.name = request.name().strip();
          site.city = request.city().strip();
          site.region = request.region().strip();
          site.country = request.country();
          site.timeZone = request.timeZone();
          sites.persistAndFlush(site);
          outbox.publish(
              DomainEvent.v1(
                  SiteRegistered.NAME,
                  Site.eventKey(site.code),
                  site.country,
                  site.code,
                  SiteRegistered.of(site)));
          return SiteView.of(site);
        });
  }

  /** Changes a site's name, city, region or time zone; a change that changes nothing keeps it. */
  @Transactional
  public SiteView changeSite(String code, ChangeSiteRequest request, LongPredicate ifMatch) {
    Site site =
        sites
            .findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> ProblemException.notFound("site"));
    if (!ifMatch.test(site.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (request.timeZone != null) {
      checkTimeZone(request.timeZone);
    }
    site.name = stripped(request.name, site.name);
    site.city = stripped(request.city, site.city);
    site.region = stripped(request.region, site.region);
    site.timeZone = request.timeZone == null ? site.timeZone : request.timeZone;
    long before = site.version;
    sites.flush();
    if (site.version != before) {
      outbox.publish(
          DomainEvent.v1(
              SiteChanged.NAME,
              Site.eventKey(site.code),
              site.country,
              site.code,
              SiteChanged.of(site)));
    }
    return SiteView.of(site);
  }

  /**
   * A region's time zone (e.g. Europe/Paris), not a fixed offset: a site's days follow its region's
   * summer time.
   */
  private static void checkTimeZone(String timeZone) {
    if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
      throw ProblemException.invalid("timeZone", "invalid-request.time-zone", timeZone);
    }
  }

  /** The programmes, by code. */
  @Transactional
  public Page<ProgrammeView> programmes(int page, int size) {
    return programmes(PROGRAMMES.parse(null), page, size);
  }

  /** The programmes, in the order asked for, ties broken by code. */
  @Transactional
  public Page<ProgrammeView> programmes(Sorting.Order order, int page, int size) {
    return Page.of(programmes.findAll(order.sort()), page, size, this::view);
  }

  @Transactional
  public ProgrammeView programme(String code) {
    return programmes
        .findByIdOptional(code)
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("programme"));
  }

  /** The programme with its blocks, as a view. */
  private ProgrammeView view(Programme programme) {
    return ProgrammeView.of(programme, blocks.ofProgramme(programme.code));
  }

  @Transactional
  public IdempotencyKeys.Outcome<ProgrammeView> createProgramme(
      CreateProgrammeRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "create-programme",
        request,
        ProgrammeView.class,
        () -> {
          CreateProgrammeRequest.Certification certification = request.certification();
          checkCertification(
              certification.framework(),
              certification.code(),
              certification.level(),
              "certification.");
          List<CompetencyBlockRequest> wanted =
              checkBlocks(
                  request.competencyBlocks() == null ? List.of() : request.competencyBlocks());
          if (programmes.findByIdOptional(request.code()).isPresent()) {
            throw new ProblemException(
                ProblemType.CONFLICT, "conflict.programme-exists", request.code());
          }
          Programme programme = new Programme();
          programme.code = request.code();
          programme.titleFr = request.titles().fr().strip();
          programme.titleEn = request.titles().en().strip();
          programme.titleAr = request.titles().ar().strip();
          programme.jobTrack = request.jobTrack();
          programme.certificationFramework = certification.framework();
          programme.certificationCode = certification.code();
          programme.certificationLevel = certification.level();
          programme.durationWeeks = request.durationWeeks();
          programmes.persistAndFlush(programme);
          replaceBlocks(programme.code, wanted);
          return view(programme);
        });
  }

  /**
   * Changes a programme. Its certification is checked whole, as it would be after the change, so
   * that a new framework cannot keep a code or level the old one allowed. A new block list replaces
   * the old one; blocks kept (same code) keep their identity.
   */
  @Transactional
  public ProgrammeView changeProgramme(
      String code, ChangeProgrammeRequest request, LongPredicate ifMatch) {
    Programme programme =
        programmes
            .findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> ProblemException.notFound("programme"));
    if (!ifMatch.test(programme.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    ChangeProgrammeRequest.Certification certification = request.certification;
    String framework = programme.certificationFramework;
    String certificationCode = programme.certificationCode;
    int level = programme.certificationLevel;
    if (certification != null) {
      framework = certification.framework == null ? framework : certification.framework;
      certificationCode =
          certification.code == null ? certificationCode : certification.code.orElse(null);
      level = certification.level == null ? level : certification.level;
      checkCertification(framework, certificationCode, level, "certification.");
    }
    List<CompetencyBlockRequest> wanted =
        request.competencyBlocks == null ? null : checkBlocks(request.competencyBlocks);
    if (request.titles != null) {
      programme.titleFr = stripped(request.titles.fr, programme.titleFr);
      programme.titleEn = stripped(request.titles.en, programme.titleEn);
      programme.titleAr = stripped(request.titles.ar, programme.titleAr);
    }
    programme.jobTrack = request.jobTrack == null ? programme.jobTrack : request.jobTrack;
    programme.certificationFramework = framework;
    programme.certificationCode = certificationCode;
    programme.certificationLevel = level;
    programme.durationWeeks =
        request.durationWeeks == null ? programme.durationWeeks : request.durationWeeks;
    programmes.flush();
    long version = programme.version;
    if (wanted != null && replaceBlocks(code, wanted)) {
      if (programme.version == version) {
        // Only the blocks changed: the programme still changes (updatedAt), so its version and
        // ETag do too.
        programme.updatedAt = Now.stamp();
        programmes.flush();
      }
    }
    return view(programme);
  }

  /**
   * The framework is configured, and the code and level are ones it allows. Field names start with
   * {@code prefix}.
   */
  private void checkCertification(
      String framework, String certificationCode, int level, String prefix) {
    ProgrammeConfig.CertificationFramework rules =
        config
            .framework(framework)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        prefix + "framework",
                        "invalid-request.certification-framework",
                        framework,
                        String.join(
                            ", ", new TreeSet<>(config.certificationFrameworks().keySet()))));
    if (level < rules.minLevel() || level > rules.maxLevel()) {
      throw ProblemException.invalid(
          prefix + "level",
          "invalid-request.certification-level",
          framework,
          rules.minLevel(),
          rules.maxLevel());
    }
    if (certificationCode != null
        && !Pattern.compile(rules.codePattern()).matcher(certificationCode).matches()) {
      throw ProblemException.invalid(
          prefix + "code", "invalid-request.certification-code", framework);
    }
  }

  /** The blocks, each with its titles as {@code titles} however they were sent (ADR 0043). */
  private static List<CompetencyBlockRequest> checkBlocks(List<CompetencyBlockRequest> wanted) {
    Set<String> seen = new HashSet<>();
    List<CompetencyBlockRequest> checked = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      CompetencyBlockRequest block = wanted.get(i);
      if (!seen.add(block.code())) {
        throw ProblemException.invalid(
            "competencyBlocks[" + i + "].code", "invalid-request.block-repeated", block.code());
      }
      String at = "competencyBlocks[" + i + "].";
      CompetencyBlockRequest.Titles titles =
          Deprecations.renamed(
              at + "titles",
              block.titles(),
              at + "titleFr",
              block.titleFr() == null && block.titleEn() == null && block.titleAr() == null
                  ? null
                  : new CompetencyBlockRequest.Titles(
                      block.titleFr(), block.titleEn(), block.titleAr()),
              true);
      checked.add(new CompetencyBlockRequest(block.code(), null, null, null, titles));
    }
    return checked;
  }

  /**
   * Makes the programme's blocks these, in this order; whether anything changed. Blocks kept are
   * updated in place (their code is their identity, which certification results may name), those
   * left out are deleted, new ones inserted. Positions are unique per programme, so the blocks kept
   * first move out of the way.
   */
  private boolean replaceBlocks(String programmeCode, List<CompetencyBlockRequest> wanted) {
    List<CompetencyBlock> current = blocks.ofProgramme(programmeCode);
    if (same(current, wanted)) {
      return false;
    }
    Map<String, CompetencyBlock> byCode = new HashMap<>();
    current.forEach(block -> byCode.put(block.code, block));
    Set<String> kept = new HashSet<>();
    wanted.forEach(block -> kept.add(block.code()));
    List<CompetencyBlock> removed = new ArrayList<>();
    for (CompetencyBlock block : current) {
      if (!kept.contains(block.code)) {
        removed.add(block);
      } else {
        block.position += MOVED_ASIDE;
      }
    }
    removed.forEach(blocks::delete);
    blocks.flush();
    for (int i = 0; i < wanted.size(); i++) {
      CompetencyBlockRequest block = wanted.get(i);
      CompetencyBlock row = byCode.get(block.code());
      boolean added = row == null;
      if (added) {
        row = new CompetencyBlock();
        row.programmeCode = programmeCode;
        row.code = block.code();
      }
      row.position = i + 1;
      row.titleFr = block.titles().fr().strip();
      row.titleEn = block.titles().en().strip();
      row.titleAr = block.titles().ar().strip();
      if (added) {
        // Persisted once whole: the insert is made from the state at this call.
        blocks.persist(row);
      }
    }
    blocks.flush();
    return true;
  }

  private static boolean same(List<CompetencyBlock> current, List<CompetencyBlockRequest> wanted) {
    if (current.size() != wanted.size()) {
      return false;
    }
    for (int i = 0; i < current.size(); i++) {
      CompetencyBlock row = current.get(i);
      CompetencyBlockRequest block = wanted.get(i);
      if (!row.code.equals(block.code())
          || !row.titleFr.equals(block.titles().fr().strip())
          || !row.titleEn.equals(block.titles().en().strip())
          || !row.titleAr.equals(block.titles().ar().strip())) {
        return false;
      }
    }
    return true;
  }

  private static String stripped(String sent, String current) {
    return sent == null ? current : sent.strip();
  }
}
