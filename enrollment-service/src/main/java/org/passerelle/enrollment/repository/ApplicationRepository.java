package org.passerelle.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.commons.rest.Page;
import org.passerelle.enrollment.Application;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

  /**
   * The applications a list selects: SQL conditions on the application {@code a} and its applicant
   * {@code p}, with their named parameters. In SQL, not HQL, so that the expressions are exactly
   * those the list indexes were made of (ADR 0032).
   */
  public record Selection(String where, Map<String, Object> parameters, String orderBy) {

    /** In the list's default order, newest first: the order its indexes hold (ADR 0032). */
    public Selection(String where, Map<String, Object> parameters) {
      this(where, parameters, DEFAULT_ORDER);
    }
  }

  /** Newest first; each list index holds this order within its scope (ADR 0032). */
  public static final String DEFAULT_ORDER = "a.submitted_at desc, a.id";

  /**
   * The ids of a window of the selection, newest first: the order the list indexes hold, so that
   * the database reads about as many rows as the window has. The applicant is left-joined: when no
   * condition names it, the database leaves it out.
   */
  public static String windowSql(String where) {
    return windowSql(where, DEFAULT_ORDER);
  }

  /**
   * The ids of a window of the selection in the given order (SQL on {@code a} and {@code p}, ending
   * with {@code a.id}). Another order than {@link #DEFAULT_ORDER} sorts the caller's scope.
   */
  public static String windowSql(String where, String orderBy) {
    return "select a.id from application a left join applicant p on p.id = a.applicant_id where "
        + where
        + " order by "
        + orderBy
        + " offset :offset limit :limit";
  }

  /** How many applications the selection holds, reading no more than {@code :limit} of them. */
  public static String countSql(String where) {
    return "select count(*) from (select 1 from application a"
        + " left join applicant p on p.id = a.applicant_id where "
        + where
        + " limit :limit) counted";
  }

  /** The selection's rows in its order, with their applicants, for {@link Page#counted}. */
  public Page.Rows<Application> rows(Selection selection) {
    return new Page.Rows<>() {
      @Override
      public List<Application> read(long offset, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids =
            bind(getEntityManager()
                    .createNativeQuery(
                        windowSql(selection.where(), selection.orderBy()), UUID.class))
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
          return List.of();
        }
        Map<UUID, Application> byId =
            find("from Application a join fetch a.applicant where a.id in ?1", ids).stream()
                .collect(Collectors.toMap(application -> application.id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
      }

      @Override
      public long countUpTo(long limit) {
        return ((Number)
                bind(getEntityManager().createNativeQuery(countSql(selection.where())))
                    .setParameter("limit", limit)
                    .getSingleResult())
            .longValue();
      }

      private Query bind(Query query) {
        selection.parameters().forEach(query::setParameter);
        return query;
      }
    };
  }
}
