package org.passerelle.cohort.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Certificates' public verification ids: 192 bits from a {@link SecureRandom}, in URL-safe base64
 * (32 characters of A-Z, a-z, 0-9, '-' and '_'). Nothing links one to another, to the row id or to
 * the time of issue, so holding one tells nothing about the others.
 */
public final class PublicIds {

  static final int BYTES = 24;

  /** The shape of every id issued: anything else is answered as unknown without a lookup. */
  public static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32}");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private PublicIds() {}

  public static String next() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /** Whether {@code value} could be an id issued here. */
  public static boolean wellFormed(String value) {
    return value != null && SHAPE.matcher(value).matches();
  }
}
