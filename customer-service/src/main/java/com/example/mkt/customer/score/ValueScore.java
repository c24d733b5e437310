package com.example.mkt.customer.score;

/** A customer value score 0-100 with its 1-5 RFM points, so a reader can see why. */
public record ValueScore(int score, int recency, int frequency, int monetary) {

    public ValueScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score outside 0..100: " + score);
        }
    }
}
