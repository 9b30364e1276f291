package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.repository.ApplicationRepository;

/**
 * The main lists of applications read about as many rows as a page shows, and their totals at most
 * what {@link Page#COUNTED_UP_TO} allows, in a scope of tens of thousands (ADR 0032): PostgreSQL's
 * plans of the very SQL the list runs, with what they actually read, on rows seeded and analysed in
 * a transaction that is rolled back.
 */
@QuarkusTest
class ApplicationListPlansTest {

  /**
   * Applicants and applications seeded: 70 % in France, over six French and four Moroccan sites.
   */
  private static final int SEEDED = 24_000;

  private static final int PAGE = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager entityManager;
  @Inject ApplicationSearchService search;
  @Inject UserTransaction transaction;

  private static AccessScope scope(String role, String country, Set<String> sites) {
    return new AccessScope(
        "plans-" + role, Set.of(role), Optional.ofNullable(country), sites, Optional.empty());
  }

  private static ApplicationSearchService.Filters filters(String q, ApplicationStatus status) {
    return new ApplicationSearchService.Filters(q, status, null, null, null, null, null, null);
  }

  @Test
  void pagesAndTotalsReadAlongIndexesNotTheWholeScope() throws Exception {
    // Seeded, analysed and explained in one transaction, rolled back: no other test sees the rows.
    transaction.begin();
    try {
      seed();
      Map<String, Plan> pages = new LinkedHashMap<>();
      AccessScope admin = scope(Roles.PLATFORM_ADMIN, null, Set.of());
      AccessScope country = scope(Roles.COUNTRY_ADMIN, "FR", Set.of());
      AccessScope site = scope(Roles.SITE_STAFF, "FR", Set.of("FR-SEVRAN"));
      AccessScope sites = scope(Roles.SITE_STAFF, "FR", Set.of("FR-SEVRAN", "FR-CERGY"));
      pages.put("platform admin", window(admin, filters(null, null)));
      pages.put("country staff", window(country, filters(null, null)));
      pages.put("site staff", window(site, filters(null, null)));
      pages.put("staff of two sites", window(sites, filters(null, null)));
      pages.put(
          "country staff, one status",
          window(country, filters(null, ApplicationStatus.WAITLISTED)));
      pages.put(
          "country staff, a month",
          window(
              country,
              new ApplicationSearchService.Filters(
                  null,
                  null,
                  null,
                  null,
                  null,
                  LocalDate.of(2099, 3, 1),
                  LocalDate.of(2099, 3, 31),
                  null)));
      for (var page : pages.entrySet()) {
        assertThat(page.getValue().text())
            .as(page.getKey())
            .contains("_newest")
            .doesNotContain("Seq Scan")
            .doesNotContain("Sort");
        assertThat(page.getValue().rowsRead())
            .as(page.getKey() + "\n" + page.getValue().text())
            .isLessThan(500);
      }

      // A common name (a 25th of the applicants) and a rare one.
      Plan common = window(country, filters("Martin", null));
      assertThat(common.text()).doesNotContain("Seq Scan");
      assertThat(common.rowsRead()).as(common.text()).isLessThan(2_000);
      Plan rare = window(country, filters("martin 8e2", null));
      assertThat(rare.text()).contains("applicant_search").doesNotContain("Seq Scan");
      assertThat(rare.rowsRead()).as(rare.text()).isLessThan(250);
      assertThat(rare.text()).contains("Limit (actual rows=1 ");
      Plan email = window(site, filters("applicant-1234-", null));
      assertThat(email.text()).contains("applicant_search").doesNotContain("Seq Scan");
      assertThat(email.rowsRead()).as(email.text()).isLessThan(250);

      Plan learner =
          window(
              new AccessScope(
                  "plans-learner",
                  Set.of(Roles.LEARNER),
                  Optional.empty(),
                  Set.of(),
                  Optional.empty()),
              filters(null, null));
      assertThat(learner.text()).contains("applicant_subject").doesNotContain("Seq Scan");

      // Totals stop counting: at most COUNTED_UP_TO + 1 rows, in a scope of 16 800. A
      // search is not counted beyond its page.
      Map<String, Plan> totals = new LinkedHashMap<>();
      totals.put("platform admin", count(admin, filters(null, null)));
      totals.put("country staff", count(country, filters(null, null)));
      totals.put("site staff", count(site, filters(null, null)));
      for (var total : totals.entrySet()) {
        assertThat(total.getValue().text())
            .as(total.getKey())
            .doesNotContain("Sort")
            .doesNotContain("Hash");
        assertThat(total.getValue().rowsRead())
            .as(total.getKey() + "\n" + total.getValue().text())
            .isLessThan(5 * Page.COUNTED_UP_TO);
      }
      pages.forEach((name, plan) -> log("page, " + name, plan));
      log("page, common name", common);
      log("page, rare name", rare);
      log("page, email", email);
      log("page, learner", learner);
      totals.forEach((name, plan) -> log("total, " + name, plan));
    } finally {
      transaction.rollback();
    }
  }

  /**
   * Applicants named from 20 first names and 25 family names (a family name for a 25th of them,
   * followed by a tag for nine in ten), applications over two years, all newer than other tests'
   * (so these decide what a page reads). No random values: the same plans on every run.
   */
  private void seed() {
    update(
        """
        insert into applicant (id, learner_id, first_name, last_name, email, gender, country,
                               created_at, updated_at)
        select gen_random_uuid(), gen_random_uuid(),
               (array['Amina','Yassine','Sarah','Lucas','Fatima','Karim','Julie','Mehdi','Nora',
                      'Hugo','Ines','Omar','Lea','Adam','Salma','Thomas','Chloe','Rayan','Manon',
                      'Ilyes'])[1 + (g * 7) % 20],
               (array['Martin','Benali','Dubois','El Idrissi','Bernard','Alaoui','Petit','Bennani',
                      'Durand','Tazi','Leroy','Chraibi','Moreau','Fassi','Simon','Berrada',
                      'Laurent','Amrani','Lefebvre','Ziani','Michel','Haddad','Garcia','Kettani',
                      'David'])[1 + (g * 13) % 25]
                 || case when g % 10 = 0 then '' else ' ' || substr(md5(g::text), 1, 3) end,
               'applicant-' || g || '-' || substr(md5(g::text), 1, 6) || '@plans.example.org',
               'NOT_DECLARED', case when g % 10 < 7 then 'FR' else 'MA' end,
               timestamptz '2100-01-01' - g * interval '40 minutes', timestamptz '2100-01-01'
        from generate_series(1, :seeded) g
        """
            .replace(":seeded", String.valueOf(SEEDED)));
    update(
        """
        insert into application (id, applicant_id, intake_id, site_code, country, status,
                                 submitted_at, updated_at)
        select gen_random_uuid(), p.id, gen_random_uuid(),
               case when p.country = 'FR'
                    then (array['FR-SEVRAN','FR-CERGY','FR-LYON','FR-LILLE','FR-NANTES',
                                'FR-MARSEILLE'])[1 + n % 6]
                    else (array['MA-FES','MA-CASABLANCA','MA-RABAT','MA-TANGER'])[1 + n % 4] end,
               p.country,
               (array['SUBMITTED','SCREENING','ACCEPTED','WAITLISTED','REJECTED','WITHDRAWN',
                      'ENROLLED'])[1 + n % 7],
               p.created_at, p.updated_at
        from (select p.*, row_number() over (order by p.created_at desc) as n
              from applicant p where p.email like '%@plans.example.org') p
        """);
    update("analyze applicant");
    update("analyze application");
  }

  private Plan window(AccessScope scope, ApplicationSearchService.Filters filters) {
    ApplicationRepository.Selection selection = search.selection(filters, scope);
    return explain(
        ApplicationRepository.windowSql(selection.where()),
        selection,
        Map.of("offset", 0L, "limit", PAGE + 1));
  }

  private Plan count(AccessScope scope, ApplicationSearchService.Filters filters) {
    ApplicationRepository.Selection selection = search.selection(filters, scope);
    return explain(
        ApplicationRepository.countSql(selection.where()),
        selection,
        Map.of("limit", Page.COUNTED_UP_TO + 1L));
  }

  private Plan explain(
      String sql, ApplicationRepository.Selection selection, Map<String, Object> window) {
    String json =
        (String)
            bind("explain (analyze, costs off, format json) " + sql, selection, window)
                .getSingleResult();
    List<?> lines =
        bind("explain (analyze, costs off, timing off, summary off) " + sql, selection, window)
            .getResultList();
    String text = String.join("\n", lines.stream().map(String::valueOf).toList());
    try {
      return new Plan(text, rowsRead(JSON.readTree(json).get(0).get("Plan")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query bind(
      String sql, ApplicationRepository.Selection selection, Map<String, Object> window) {
    Query query = entityManager.createNativeQuery(sql, String.class);
    selection.parameters().forEach(query::setParameter);
    window.forEach(query::setParameter);
    return query;
  }

  /** Rows every scan of the plan returned or threw away, over all its loops. */
  private static long rowsRead(JsonNode node) {
    long read = 0;
    if (node.get("Node Type").asText().contains("Scan")) {
      read =
          (node.path("Actual Rows").asLong()
                  + node.path("Rows Removed by Filter").asLong()
                  + node.path("Rows Removed by Index Recheck").asLong())
              * Math.max(1, node.path("Actual Loops").asLong());
    }
    for (JsonNode child : node.path("Plans")) {
      read += rowsRead(child);
    }
    return read;
  }

  private void update(String sql) {
    entityManager.createNativeQuery(sql).executeUpdate();
  }

  private static void log(String name, Plan plan) {
    System.out.println(
        "=== " + name + ": " + plan.rowsRead() + " rows read\n" + plan.text() + "\n");
  }

  private record Plan(String text, long rowsRead) {}
}
