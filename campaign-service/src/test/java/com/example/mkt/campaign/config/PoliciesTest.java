package com.example.mkt.campaign.config;

import com.example.mkt.campaign.award.AwardPolicy;
import com.example.mkt.campaign.award.PlacePrize;
import com.example.mkt.campaign.award.PrizeTable;
import com.example.mkt.campaign.shared.Api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoliciesTest {

    @Test
    void prizeBandsAreReadFromTheirConfigForm() {
        PrizeTable table = Policies.bands(List.of("1-1:5000.00", "2-2:4000.00", "3-3:3000.00", "4-15:2000.00",
                "16-35:1000.00"));
        assertEquals(AwardPolicy.defaults().individualPrizes(), table);
        assertEquals(new PlacePrize(4, 15, new BigDecimal("2000.00")), table.bands().get(3));
        assertEquals(0, new BigDecimal("56000.00").compareTo(table.total()));
    }

    @Test
    void onePrizePerPlace() {
        assertEquals(AwardPolicy.defaults().speedPrizes(), Policies.ofPlaces(List.of(new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), new BigDecimal("6000.00"))));
    }

    @Test
    void timesAreWrittenInTheBusinessZoneWithSeconds() {
        assertEquals("2026-05-03T10:15:00+08:00", Api.time(Instant.parse("2026-05-03T02:15:00Z")));
        assertEquals("12500.00", Api.money(new BigDecimal("12500")));
    }
}
