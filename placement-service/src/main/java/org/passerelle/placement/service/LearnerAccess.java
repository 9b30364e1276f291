package org.passerelle.placement.service;

import java.util.Optional;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.placement.Learner;
import org.passerelle.placement.repository.LearnerRepository;

/**
 * The learner a learner's own token speaks for, through the account link enrollment announced
 * (learner-account-linked); none without the link, or for any other role.
 */
final class LearnerAccess {

  private LearnerAccess() {}

  static Optional<Learner> own(LearnerRepository learners, AccessScope scope) {
    if (!scope.has(Roles.LEARNER) || scope.subject() == null) {
      return Optional.empty();
    }
    return learners.byAccount(scope.subject());
  }
}
