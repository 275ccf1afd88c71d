package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aFullSecondsBurstThenOneTokenPerPeriod() {
        TokenBucket bucket = new TokenBucket(4, nanos::get);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, bucket.tryTake(), "burst token " + i);
        }
        long wait = bucket.tryTake();
        assertEquals(250_000_000L, wait, "a quarter second until the next token at 4/s");
        nanos.addAndGet(wait);
        assertEquals(0, bucket.tryTake());
        assertTrue(bucket.tryTake() > 0);
    }

    @Test
    void idleTimeSavesUpAtMostTheBurst() {
        TokenBucket bucket = new TokenBucket(2, nanos::get);
        nanos.addAndGet(60_000_000_000L);
        assertEquals(0, bucket.tryTake());
        assertEquals(0, bucket.tryTake());
        assertTrue(bucket.tryTake() > 0, "a minute idle still holds only 2 tokens");
    }
}
