package com.example.mkt.kpi.scorecard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the monthly scorecard counts an item with nothing to measure (docs/domain.md#staff-scorecard). */
@ConfigMapping(prefix = "kpi.scorecard.unmeasured")
public interface UnmeasuredConfig {

    /** {@code kpi.scorecard.unmeasured.treatment}: FULL_MARKS, EXCLUDED_REWEIGHTED or ZERO. */
    @WithDefault("EXCLUDED_REWEIGHTED")
    UnmeasuredTreatment treatment();
}
