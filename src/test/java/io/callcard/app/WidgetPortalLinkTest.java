package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.listener.WidgetAuth;
import io.callcard.listener.WidgetCredentials;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalIdentity;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The widget's token pair against the sandbox REST server, over real HTTP. */
class WidgetPortalLinkTest {

    private static final String SANDBOX = "sandbox.bitrix24.test";

    private final SandboxRestServer server = SandboxRestServer.builder().start();
    private final List<Consumer<WidgetAuth>> watchers = new CopyOnWriteArrayList<>();
    private final WidgetCredentials loads = new WidgetCredentials() {
        @Override
        public Optional<WidgetAuth> latest() {
            return Optional.empty();
        }

        @Override
        public void watch(Consumer<WidgetAuth> watcher) {
            watchers.add(watcher);
        }
    };
    private final AtomicInteger clientsMade = new AtomicInteger();
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private WidgetPortalLink link;

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        server.close();
    }

    private String domain() {
        return server.baseUri().getAuthority();
    }

    private WidgetAuth pair(String domain, String access) {
        return new WidgetAuth(domain, access, "refresh-" + access, Instant.now().plus(Duration.ofHours(1)),
                "https://oauth.bitrix.info/rest/", "a223c6b9410f85df78e9377d6c4f7213");
    }

    /** {@code configured}: the configured portal's address, or null; {@code saved}: its saved connection is usable. */
    private WidgetPortalLink link(boolean offer, String configured, boolean saved) {
        link = new WidgetPortalLink(offer, configured, saved, SANDBOX, loads, pair -> {
            clientsMade.incrementAndGet();
            return PortalClient.builder(pair, "test").build();
        }, new WidgetPortalLink.Report() {
            @Override
            public void realPortalSeen(String domain) {
                reports.add("real " + domain);
            }

            @Override
            public void signedIn(String domain, PortalIdentity identity) {
                reports.add("signedIn " + identity.userId());
            }

            @Override
            public void signInFailed(String domain, PortalError error) {
                reports.add("failed " + error);
            }
        });
        return link;
    }

    private void load(WidgetAuth auth) {
        watchers.forEach(w -> w.accept(auth));
    }

    private String next() throws InterruptedException {
        String report = reports.poll(10, TimeUnit.SECONDS);
        assertTrue(report != null, "no report");
        return report;
    }

    @Test
    void anAgreedOfferSignsInWithTheWidgetsPairOnceAndKeepsTheClient() throws Exception {
        OAuthTokens tokens = server.issueTokens();
        link(true, null, false);
        load(pair(domain(), tokens.accessToken()));
        assertEquals("real " + domain(), next());
        assertEquals("signedIn 1", next());
        assertTrue(link.client().isPresent());
        load(pair(domain(), tokens.accessToken())); // the same pair again: not checked twice
        load(pair(domain(), tokens.accessToken()));
        link.drain();
        assertNull(reports.poll());
        assertEquals(1, clientsMade.get());
    }

    @Test
    void withoutTheUsersAgreementThePairIsNotUsed() throws Exception {
        link(false, null, false);
        load(pair(domain(), server.issueTokens().accessToken()));
        assertEquals("real " + domain(), next());
        link.drain();
        assertNull(reports.poll());
        assertEquals(0, clientsMade.get());
        assertTrue(link.client().isEmpty());
    }

    @Test
    void aSavedPortalWinsOverTheWidgetsPair() throws Exception {
        link(true, "http://" + domain(), true);
        load(pair(domain(), server.issueTokens().accessToken()));
        assertEquals("real " + domain(), next());
        link.drain();
        assertNull(reports.poll());
        assertEquals(0, clientsMade.get());
    }

    @Test
    void aConfiguredPortalWithoutUsableSecretsUsesItsOwnWidgetsPairByDefault() throws Exception {
        link(false, "http://" + domain() + "/", false); // the offer setting governs only while no portal is set
        load(pair(domain().toUpperCase(java.util.Locale.ROOT), server.issueTokens().accessToken()));
        assertTrue(next().startsWith("real "));
        assertEquals("signedIn 1", next());
        assertTrue(link.client().isPresent());
        assertEquals("http://" + domain(), link.client().get().credentials().portal(),
                "signed against the configured address");
    }

    @Test
    void aWidgetOfAnotherPortalThanTheConfiguredOneIsNotUsed() throws Exception {
        link(true, "https://acme.bitrix24.com", false);
        load(pair(domain(), server.issueTokens().accessToken()));
        assertEquals("real " + domain(), next());
        link.drain();
        assertNull(reports.poll());
        assertEquals(0, clientsMade.get());
        assertTrue(link.client().isEmpty());
    }

    @Test
    void aRefusedPairIsReportedWithItsErrorAndNoClientIsKept() throws Exception {
        link(true, null, false);
        load(pair(domain(), "not-a-token-the-portal-issued"));
        assertEquals("real " + domain(), next());
        String failed = next();
        assertTrue(failed.startsWith("failed "), failed);
        assertTrue(link.client().isEmpty());
    }

    @Test
    void theSandboxsOwnWidgetIsNoRealPortal() throws Exception {
        link(true, null, false);
        load(pair(SANDBOX, "sandbox-access-token"));
        link.drain();
        assertNull(reports.poll());
        assertEquals(0, clientsMade.get());
    }

    @Test
    void portalsAreHttpsExceptOnThisMachine() {
        assertEquals("https://acme.bitrix24.com", WidgetPortalLink.originOf("acme.bitrix24.com"));
        assertEquals("http://127.0.0.1:8080", WidgetPortalLink.originOf("127.0.0.1:8080"));
        assertEquals("https://127.0.0.1.nip.io", WidgetPortalLink.originOf("127.0.0.1.nip.io"));
    }
}
