package org.passerelle.commons.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link AccessScope#covers} and {@link AccessScope#coversCountry} as query conditions, so that a
 * list returns exactly what single reads would show (DESIGN §5). The condition names the entity's
 * country and site fields and adds its parameters ({@code scopeCountry}, {@code scopeSites}).
 */
public final class ScopeQuery {

  /** The condition of a caller who reaches everything. */
  public static final String EVERYTHING = "1 = 1";

  /** The condition of a caller who reaches nothing. */
  public static final String NOTHING = "1 = 0";

  private ScopeQuery() {}

  /**
   * Objects of a country and site that staff-level access reaches. {@code siteField} null: objects
   * that belong to a country only, which site staff of that country reach too.
   */
  public static String staff(
      AccessScope scope, Map<String, Object> parameters, String countryField, String siteField) {
    if (scope.isPlatformAdmin()) {
      return EVERYTHING;
    }
    if (scope.country().isEmpty()) {
      return NOTHING;
    }
    List<String> reach = new ArrayList<>();
    boolean countryWide = scope.has(Roles.COUNTRY_ADMIN) || scope.has(Roles.INTEGRATION);
    if (countryWide || (siteField == null && scope.has(Roles.SITE_STAFF))) {
      reach.add(countryField + " = :scopeCountry");
    } else if (scope.has(Roles.SITE_STAFF) && !scope.sites().isEmpty()) {
      reach.add("(" + countryField + " = :scopeCountry and " + siteField + " in :scopeSites)");
      parameters.put("scopeSites", scope.sites());
    }
    if (reach.isEmpty()) {
      return NOTHING;
    }
    parameters.put("scopeCountry", scope.country().get());
    return reach.getFirst();
  }
}
