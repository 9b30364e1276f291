package org.passerelle.cohort.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * The certification frameworks programmes may lead to, kept as configuration (DESIGN §3): a
 * framework is added or narrowed here, not in code. Keys are the framework codes programmes carry,
 * e.g. {@code passerelle.programmes.certification-frameworks.RNCP.min-level}.
 */
@ConfigMapping(prefix = "passerelle.programmes")
public interface ProgrammeConfig {

  Map<String, CertificationFramework> certificationFrameworks();

  interface CertificationFramework {
    /** Lowest level a programme may certify at (RNCP: 3, a CAP). */
    int minLevel();

    /** Highest level (RNCP: 8, a doctorate). */
    int maxLevel();

    /** Regular expression a certification code of this framework matches, whole. */
    String codePattern();
  }

  default Optional<CertificationFramework> framework(String code) {
    return Optional.ofNullable(code).map(certificationFrameworks()::get);
  }
}
