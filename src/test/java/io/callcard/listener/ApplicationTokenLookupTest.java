package io.callcard.listener;

import static io.callcard.listener.EventPosts.EXAMPLE_TOKEN;
import static io.callcard.listener.EventPosts.exampleInit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.testing.ListenerFixture;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The application token looked up when the first portal post needs it, not at start (the secret store may be a slow
 * or locked keyring), and once only, for both portal routes.
 */
class ApplicationTokenLookupTest {

    private final AtomicInteger lookups = new AtomicInteger();
    @AutoClose
    private ListenerFixture listener;

    private URI start(String stored) throws Exception {
        listener = ListenerFixture.start(ListenerConfig.loopback(0), Clock.systemUTC(), () -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(stored);
        });
        return listener.baseUri();
    }

    @Test
    void aStoredTokenIsReadAtTheFirstPortalPostAndOnlyOnce() throws Exception {
        URI base = start(EXAMPLE_TOKEN);
        assertEquals(200, EventPosts.get(base.resolve("health")).statusCode());
        assertEquals(0, lookups.get(), "nothing asked the secret store yet");

        assertEquals(200, EventPosts.postForm(base.resolve("bitrix/events"), exampleInit()).statusCode());
        assertEquals(200, EventPosts.postForm(base.resolve("bitrix/events"), exampleInit()).statusCode());
        assertEquals(401, EventPosts.postForm(base.resolve("placement/events"),
                EventPosts.signedWith(exampleInit(), "forged-token")).statusCode());
        assertEquals(1, lookups.get());
    }

    @Test
    void noStoredTokenRefusesEveryPostAndIsNotAskedAgain() throws Exception {
        URI base = start(null);
        assertEquals(401, EventPosts.postForm(base.resolve("bitrix/events"), exampleInit()).statusCode());
        assertEquals(401, EventPosts.postForm(base.resolve("bitrix/events"), exampleInit()).statusCode());
        assertEquals(1, lookups.get(), "a flood of posts does not reopen the secret store each time");
    }

    @Test
    void aConfiguredTokenNeedsNoLookup() throws Exception {
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(EXAMPLE_TOKEN),
                Clock.systemUTC(), () -> {
                    lookups.incrementAndGet();
                    return Optional.empty();
                });
        assertEquals(200, EventPosts.postForm(listener.uri("bitrix/events"), exampleInit()).statusCode());
        assertEquals(0, lookups.get());
    }
}
