package org.passerelle.commons.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.passerelle.claims.VerifiedTokens;

/** The service's one store of verified tokens (ADR 0034), sized by its configuration. */
@Singleton
class VerifiedTokensProducer {

  @Produces
  @Singleton
  VerifiedTokens verifiedTokens(VerifiedTokensConfig config) {
    return new VerifiedTokens(
        config.maxSize(), config.maxAge().toMillis(), System::currentTimeMillis);
  }
}
