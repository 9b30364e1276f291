package org.passerelle.commons.security;

/** Keycloak realm roles (DESIGN §5). */
public final class Roles {
  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String COUNTRY_ADMIN = "country-admin";
  public static final String SITE_STAFF = "site-staff";
  public static final String PARTNER = "partner";
  public static final String LEARNER = "learner";
  public static final String INTEGRATION = "integration";

  private Roles() {}
}
