package io.callcard.listener;

import static io.callcard.testing.Eventually.result;
import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.ListenerFixture;
import io.callcard.wire.CallCardEventName;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Today's Bitrix24 refuses {@code placement.call} over REST (protocol.md §1): the seed transport's link spends exactly
 * one request finding that out, binds nothing, and leaves the placement events route and the widget as they were.
 */
class SeedTransportRefusalTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final SeedTransportLinkTest.Reports reports = new SeedTransportLinkTest.Reports();
    private SandboxRestServer server;
    private ListenerFixture listener;
    private SeedTransportLink link;

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        if (listener != null) {
            listener.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private PortalClient client() throws Exception {
        OkHttpClient counting = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            requests.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        return PortalClient.builder(WebhookUrl.parse(server.webhookUrl()), "seed-test").httpClient(counting).build();
    }

    @Test
    void costsOneRequestAndLeavesTheWidgetAlone() throws Exception {
        server = SandboxRestServer.builder().start(); // today's Bitrix24: no placement.call over REST
        listener = ListenerFixture.start(ListenerConfig.loopback(0)
                .withApplicationToken(server.application().applicationToken()));
        link = SeedTransportLink.start(listener.listener(), client(), reports);
        waitFor(() -> reports.refused.get() != null, "the refusal");
        result(link.drain(), "the link's thread");
        link.close();

        assertEquals(PortalError.SEED_TRANSPORT_UNSUPPORTED, reports.refused.get().error());
        assertEquals(1, requests.get(), "one getStatus, then nothing");
        assertFalse(reports.live.get() != null || reports.failed.get() != null);
        assertFalse(link.isLive());
        assertNull(listener.listener().seedLink().get(), "the placement events route is left as it was");
        assertTrue(server.callCard().handlers(CallCardEventName.CALL_STATE_CHANGED.wireName()).isEmpty());
    }

}
