package com.example.mkt.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class LiveFeedTest {

    private static List<Long> seqs(List<LiveFeed.Update> updates) {
        return updates.stream().map(LiveFeed.Update::seq).toList();
    }

    @Test
    void aNewSubscriberGetsWhatFollowsAndNothingBefore() {
        LiveFeed feed = new LiveFeed("e1", 10);
        feed.append("B-1", "kpi.measured", "{}");
        List<LiveFeed.Update> got = new ArrayList<>();
        assertEquals(List.of(), feed.subscribe(0, got::add).orElseThrow());
        feed.append("B-2", "kpi.measured", "{\"a\":1}");
        assertEquals(List.of(2L), seqs(got));
        assertEquals("B-2", got.get(0).orgUnit());
        assertEquals(1, feed.listeners());
    }

    @Test
    void aReconnectGetsWhatItMissedThenTheLiveOnesWithoutGapOrRepeat() {
        LiveFeed feed = new LiveFeed("e1", 10);
        for (int i = 0; i < 5; i++) {
            feed.append("B-1", "kpi.measured", "{}");
        }
        List<LiveFeed.Update> live = new ArrayList<>();
        List<LiveFeed.Update> missed = feed.subscribe(2, live::add).orElseThrow();
        assertEquals(List.of(3L, 4L, 5L), seqs(missed));
        feed.append("B-1", "kpi.measured", "{}");
        assertEquals(List.of(6L), seqs(live));
        assertEquals(List.of(), feed.subscribe(6, u -> { }).orElseThrow(), "up to date: nothing to replay");
    }

    @Test
    void onlyTheLastCapacityUpdatesAreHeldAndOlderIdsAreUnknown() {
        LiveFeed feed = new LiveFeed("e1", 3);
        for (int i = 0; i < 7; i++) {
            feed.append("B-1", "kpi.measured", "{}");
        }
        // held: 5, 6, 7; resuming after 4 still misses nothing that is gone
        assertEquals(List.of(5L, 6L, 7L), seqs(feed.subscribe(4, u -> { }).orElseThrow()));
        Consumer<LiveFeed.Update> late = u -> { };
        assertTrue(feed.subscribe(3, late).isEmpty(), "update 4 is gone: the client must reload");
        assertTrue(feed.subscribe(8, late).isEmpty(), "an id this instance never gave");
        assertEquals(1, feed.listeners(), "a refused subscriber is not registered");
    }

    @Test
    void unsubscribedListenersHearNothing() {
        LiveFeed feed = new LiveFeed("e1", 3);
        List<LiveFeed.Update> got = new ArrayList<>();
        Consumer<LiveFeed.Update> listener = got::add;
        feed.subscribe(0, listener);
        feed.unsubscribe(listener);
        feed.append("B-1", "kpi.measured", "{}");
        assertEquals(List.of(), got);
        assertEquals(0, feed.listeners());
    }

    @Test
    void eventIdsNameTheInstanceAndTheNumber() {
        assertEquals(0, LiveStream.resumeAfter(null, "e1"));
        assertEquals(0, LiveStream.resumeAfter(" ", "e1"));
        assertEquals(42, LiveStream.resumeAfter("e1:42", "e1"));
        assertEquals(-1, LiveStream.resumeAfter("e2:42", "e1"), "another instance's number means nothing here");
        assertEquals(-1, LiveStream.resumeAfter("42", "e1"));
        assertEquals(-1, LiveStream.resumeAfter("e1:x", "e1"));
        assertEquals(-1, LiveStream.resumeAfter("e1:-3", "e1"));
        StringBuilder out = new StringBuilder();
        LiveStream.frame(out, new LiveFeed.Update(7, "B-1", "kpi.measured", "{\"note\":\"a\\nb 南昌\"}"), "e1");
        assertEquals("id: e1:7\nevent: kpi.measured\ndata: {\"note\":\"a\\nb 南昌\"}\n\n", out.toString());
    }
}
