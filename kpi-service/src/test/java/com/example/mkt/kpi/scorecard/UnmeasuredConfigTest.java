package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.config.KpiConfig;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The treatment of unmeasured items is its own mapping under the service's {@code kpi} prefix: set or not, both
 * mappings read their keys and neither takes the other's for unknown.
 */
class UnmeasuredConfigTest {

    private static SmallRyeConfig config(String... keysAndValues) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(KpiConfig.class)
                .withMapping(UnmeasuredConfig.class).withValidateUnknown(true)
                .withConverter(Duration.class, 200, new DurationConverter());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.withDefaultValue(keysAndValues[i], keysAndValues[i + 1]);
        }
        return builder.build();
    }

    @Test
    void excludedAndReweightedByDefault() {
        assertEquals(UnmeasuredTreatment.EXCLUDED_REWEIGHTED,
                config().getConfigMapping(UnmeasuredConfig.class).treatment());
    }

    @Test
    void configurable() {
        SmallRyeConfig c = config("kpi.scorecard.unmeasured.treatment", "FULL_MARKS",
                "kpi.scorecard.follow-up-quota", "150");
        assertEquals(UnmeasuredTreatment.FULL_MARKS, c.getConfigMapping(UnmeasuredConfig.class).treatment());
        assertEquals(150, c.getConfigMapping(KpiConfig.class).scorecard().followUpQuota());
    }
}
