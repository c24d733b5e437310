package com.example.mkt.campaign.leaderboard;

import com.example.mkt.campaign.leaderboard.LeaderboardResource.Line;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The total order keyset pages of the leaderboard follow: score high to low, undefined last, then the codes. */
class LeaderboardOrderTest {

    private static Line line(String branch, String salesperson, String score) {
        return new Line(0, false, branch, salesperson, score, null, "CNY");
    }

    @Test
    void salespeopleByScoreThenIdThenBranchWithUndefinedScoresLast() {
        List<Line> lines = new ArrayList<>(List.of(line("B-2", "p2", "700.00"), line("B-1", "p9", null),
                line("B-1", "p1", "700.0"), line("B-1", "p3", "900.00"), line("B-3", "p1", "700.00")));
        Comparator<Line> order = LeaderboardResource.order("salespeople");
        lines.sort(order);
        assertEquals(List.of("p3/B-1", "p1/B-1", "p1/B-3", "p2/B-2", "p9/B-1"),
                lines.stream().map(l -> l.salesperson() + "/" + l.branch()).toList());
        // a page after p1/B-1 (inside the tie at 700) starts at p1/B-3: nothing repeated, nothing skipped
        Line cursor = line("B-1", "p1", "700.00");
        assertEquals(List.of("p1/B-3", "p2/B-2", "p9/B-1"), lines.stream().filter(l -> order.compare(l, cursor) > 0)
                .map(l -> l.salesperson() + "/" + l.branch()).toList());
    }

    @Test
    void branchesByScoreThenCode() {
        List<Line> lines = new ArrayList<>(List.of(line("B-B", null, "50.00"), line("B-A", null, "50.00"),
                line("B-C", null, "120.00")));
        lines.sort(LeaderboardResource.order("branches"));
        assertEquals(List.of("B-C", "B-A", "B-B"), lines.stream().map(Line::branch).toList());
    }
}
