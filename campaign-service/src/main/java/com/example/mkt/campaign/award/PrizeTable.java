package com.example.mkt.campaign.award;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.util.List;

/** Prizes by place, bands contiguous from place 1; places after the last band win nothing. */
public record PrizeTable(List<PlacePrize> bands) {

    public PrizeTable {
        bands = List.copyOf(bands);
        int next = 1;
        for (PlacePrize band : bands) {
            if (band.fromPlace() != next) {
                throw new IllegalArgumentException("prize bands must run on from place " + next + ", got " + band);
            }
            next = band.toPlace() + 1;
        }
    }

    public static PrizeTable of(PlacePrize... bands) {
        return new PrizeTable(List.of(bands));
    }

    /** One prize per place, starting at place 1. */
    public static PrizeTable ofPlaces(String... amounts) {
        PlacePrize[] bands = new PlacePrize[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            bands[i] = new PlacePrize(i + 1, i + 1, Money.of(amounts[i]));
        }
        return of(bands);
    }

    public BigDecimal prizeFor(int place) {
        for (PlacePrize band : bands) {
            if (place >= band.fromPlace() && place <= band.toPlace()) {
                return Money.of(band.amount());
            }
        }
        return Money.ZERO;
    }

    /** The sum of the prizes of places {@code from..from+count-1}: what a tie occupying them shares. */
    public BigDecimal prizesFor(int from, int count) {
        BigDecimal sum = Money.ZERO;
        for (int p = from; p < from + count; p++) {
            sum = sum.add(prizeFor(p));
        }
        return sum;
    }

    public int placesAwarded() {
        return bands.isEmpty() ? 0 : bands.get(bands.size() - 1).toPlace();
    }

    public BigDecimal total() {
        return prizesFor(1, placesAwarded());
    }
}
