package io.callcard.portal;

import java.time.Duration;
import okhttp3.mockwebserver.MockWebServer;

/** Credentials and clients pointed at a local MockWebServer. */
final class TestPortals {

    static final String CODE = "s3cretWebhookCode";
    static final String VERSION = "9.9.9-test";

    private TestPortals() {
    }

    static String origin(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    static PortalCredentials.Webhook webhook(MockWebServer server) {
        return new PortalCredentials.Webhook(origin(server), "1", CODE);
    }

    static PortalCredentials.OAuth oauth(MockWebServer server, String access, String refresh) {
        return new PortalCredentials.OAuth(origin(server), access, refresh, "local.app.1", "cl1entSecretValue");
    }

    /** No back-off retries and short timeouts, so a failure shows at once. */
    static PortalClient.Builder client(PortalCredentials credentials) {
        return PortalClient.builder(credentials, VERSION)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5));
    }
}
