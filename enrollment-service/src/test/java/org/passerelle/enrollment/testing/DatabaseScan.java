package org.passerelle.enrollment.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for values in every text, JSON and date column of every table of the service's schema
 * (found in information_schema, so a table added later is scanned too).
 */
public final class DatabaseScan {

  private DatabaseScan() {}

  /** Every "table.column: value" where one of the values occurs, case-sensitively. */
  @SuppressWarnings("unchecked")
  public static List<String> occurrences(EntityManager entityManager, List<String> values) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Object[]> columns =
                  entityManager
                      .createNativeQuery(
                          "select c.table_name, c.column_name from information_schema.columns c"
                              + " join information_schema.tables t on t.table_schema ="
                              + " c.table_schema and t.table_name = c.table_name"
                              + " where c.table_schema = current_schema()"
                              + " and t.table_type = 'BASE TABLE'"
                              + " and c.data_type in ('text', 'character varying', 'character',"
                              + " 'json', 'jsonb', 'date')"
                              + " order by 1, 2",
                          Object[].class)
                      .getResultList();
              if (columns.size() < 10) {
                throw new AssertionError("too few columns found to scan: " + columns.size());
              }
              List<String> found = new ArrayList<>();
              for (Object[] column : columns) {
                String table = (String) column[0];
                String name = (String) column[1];
                for (String value : values) {
                  Number count =
                      (Number)
                          entityManager
                              .createNativeQuery(
                                  "select count(*) from \""
                                      + table
                                      + "\" where strpos(\""
                                      + name
                                      + "\"::text, ?1) > 0")
                              .setParameter(1, value)
                              .getSingleResult();
                  if (count.longValue() > 0) {
                    found.add(table + "." + name + ": " + value);
                  }
                }
              }
              return found;
            });
  }
}
