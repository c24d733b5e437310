package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.util.List;

/**
 * @param speed       speed-award places, best first
 * @param individual  every qualified salesperson, best first
 * @param ineligible  salespeople left out of the individual ranking, with reasons
 * @param awarded     the sum paid out
 * @param unawarded   what stays in the pool (places nobody qualified for)
 */
public record AwardResult(List<SpeedAward> speed, List<IndividualAward> individual, List<Ineligibility> ineligible,
                          BigDecimal awarded, BigDecimal unawarded) {

    public AwardResult {
        speed = List.copyOf(speed);
        individual = List.copyOf(individual);
        ineligible = List.copyOf(ineligible);
    }
}
