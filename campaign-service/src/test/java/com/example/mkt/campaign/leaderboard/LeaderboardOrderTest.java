package com.example.mkt.campaign.leaderboard;

import com.example.mkt.campaign.leaderboard.LeaderboardResource.Line;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The total order keyset pages of the leaderboard follow: rank (undefined scores rank last), then the codes. */
class LeaderboardOrderTest {

    private static Line line(int rank, String branch, String salesperson, String score) {
        return new Line(rank, false, branch, salesperson, score, null, null, "CNY");
    }

    @Test
    void salespeopleByScoreThenIdThenBranchWithUndefinedScoresLast() {
        List<Line> lines = new ArrayList<>(List.of(line(2, "B-2", "p2", "700.00"), line(5, "B-1", "p9", null),
                line(2, "B-1", "p1", "700.0"), line(1, "B-1", "p3", "900.00"), line(2, "B-3", "p1", "700.00")));
        Comparator<Line> order = LeaderboardResource.order("salespeople");
        lines.sort(order);
        assertEquals(List.of("p3/B-1", "p1/B-1", "p1/B-3", "p2/B-2", "p9/B-1"),
                lines.stream().map(l -> l.salesperson() + "/" + l.branch()).toList());
        // a page after p1/B-1 (inside the tie at 700) starts at p1/B-3: nothing repeated, nothing skipped
        Line cursor = line(2, "B-1", "p1", null);
        assertEquals(List.of("p1/B-3", "p2/B-2", "p9/B-1"), lines.stream().filter(l -> order.compare(l, cursor) > 0)
                .map(l -> l.salesperson() + "/" + l.branch()).toList());
    }

    @Test
    void branchesByScoreThenCode() {
        List<Line> lines = new ArrayList<>(List.of(line(2, "B-B", null, "50.00"), line(2, "B-A", null, "50.00"),
                line(1, "B-C", null, "120.00")));
        lines.sort(LeaderboardResource.order("branches"));
        assertEquals(List.of("B-C", "B-A", "B-B"), lines.stream().map(Line::branch).toList());
    }

    @Test
    void twoLinesShowingTheSameRoundedRateFollowTheirRanks() {
        // 100.001 % and 100.009 % both show 100.00; the exact ratios ranked them 1 and 2
        List<Line> lines = new ArrayList<>(List.of(line(2, "B-A", null, "100.00"), line(1, "B-Z", null, "100.00")));
        lines.sort(LeaderboardResource.order("branches"));
        assertEquals(List.of("B-Z", "B-A"), lines.stream().map(Line::branch).toList());
    }
}
