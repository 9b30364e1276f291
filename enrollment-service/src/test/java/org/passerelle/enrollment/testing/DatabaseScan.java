package org.passerelle.enrollment.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Looks for values in every text, JSON and date column of every table of the service's schema
 * (found in information_schema, so a table added later is scanned too), and lists the columns of a
 * row that still hold something (so a column added later is looked at too).
 */
public final class DatabaseScan {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The columns of each row of {@code table} where {@code column} equals {@code value} that are not
   * null, with their values as PostgreSQL's JSON gives them, one map per row.
   */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> filledColumns(
      EntityManager entityManager, String table, String column, UUID value) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Object> rows =
                  entityManager
                      .createNativeQuery(
                          "select json_strip_nulls(row_to_json(t))::text from \""
                              + table
                              + "\" t where \""
                              + column
                              + "\" = ?1 order by 1")
                      .setParameter(1, value)
                      .getResultList();
              List<Map<String, Object>> found = new ArrayList<>();
              for (Object row : rows) {
                try {
                  found.add(JSON.readValue((String) row, Map.class));
                } catch (java.io.IOException e) {
                  throw new AssertionError("not JSON: " + row, e);
                }
              }
              return found;
            });
  }
}
