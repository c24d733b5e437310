package com.example.mkt.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.live.StreamQuota.Admission;

class StreamQuotaTest {

    @Test
    void aPersonGetsTheirStreamsAndNotOneMore() {
        StreamQuota quota = new StreamQuota(2, 100);
        assertEquals(Admission.OPEN, quota.admit("s-1"));
        assertEquals(Admission.OPEN, quota.admit("s-1"));
        assertEquals(Admission.TOO_MANY_FOR_PERSON, quota.admit("s-1"));
        assertEquals(Admission.OPEN, quota.admit("s-2"), "another person is not held up by it");
        assertEquals(2, quota.of("s-1"));
        assertEquals(3, quota.open(), "a refused stream is not counted");
        quota.release("s-1");
        assertEquals(Admission.OPEN, quota.admit("s-1"), "a closed stream gives its place back");
    }

    @Test
    void aFullInstanceRefusesEveryoneAndCountsNothingForTheRefused() {
        StreamQuota quota = new StreamQuota(4, 2);
        assertEquals(Admission.OPEN, quota.admit("s-1"));
        assertEquals(Admission.OPEN, quota.admit("s-2"));
        assertEquals(Admission.INSTANCE_FULL, quota.admit("s-3"));
        assertEquals(0, quota.of("s-3"));
        assertEquals(2, quota.open());
        quota.release("s-2");
        assertEquals(0, quota.of("s-2"), "nobody's count lingers at zero");
        assertEquals(Admission.OPEN, quota.admit("s-3"));
    }

    @Test
    void aPersonOverTheirLimitIsToldSoEvenWhenTheInstanceIsFull() {
        StreamQuota quota = new StreamQuota(1, 1);
        assertEquals(Admission.OPEN, quota.admit("s-1"));
        assertEquals(Admission.TOO_MANY_FOR_PERSON, quota.admit("s-1"));
        assertEquals(Admission.INSTANCE_FULL, quota.admit("s-2"));
    }
}
