package org.passerelle.partnership.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Rules about donated computers kept as configuration (DESIGN §3). */
@ConfigMapping(prefix = "passerelle.partnership.devices")
public interface DevicesConfig {

  /** What happens to a computer on loan when its learner completes the training, by default. */
  @WithDefault("RECALL")
  CompletionPolicy onCompletion();

  /**
   * The same, per site code where a site decided otherwise, e.g. {@code on-completion-at.MA-FES}.
   */
  Map<String, CompletionPolicy> onCompletionAt();

  /** The policy of one site. */
  default CompletionPolicy onCompletion(String site) {
    return onCompletionAt().getOrDefault(site, onCompletion());
  }

  /** A site's choice when a learner completes: the computer comes back, or is theirs to keep. */
  enum CompletionPolicy {
    RECALL,
    GIFT
  }
}
