package io.callcard.contract;

import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The product's client pointed at a running sandbox: credentials as a user would enter them (the webhook URL the
 * sandbox prints, or the application's OAuth pair with the sandbox as OAuth server), and a record of every HTTP
 * exchange the client really put on the wire, so tests can count requests without trusting either side's bookkeeping.
 */
final class ContractPortal {

    static final String VERSION = "contract-test";

    private ContractPortal() {
    }

    /** The sandbox's origin, {@code http://127.0.0.1:PORT}. */
    static String origin(SandboxRestServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** The webhook URL the sandbox prints, parsed as the settings dialog parses what a user pastes. */
    static PortalCredentials.Webhook webhook(SandboxRestServer server) {
        try {
            return WebhookUrl.parse(server.webhookUrl());
        } catch (WebhookUrlException e) {
            throw new AssertionError("the sandbox's own webhook URL is refused: " + e.getMessage(), e);
        }
    }

    /** Another webhook of the administrator on the same sandbox. */
    static PortalCredentials.Webhook webhook(SandboxRestServer server, String code) {
        return new PortalCredentials.Webhook(origin(server), "1", code);
    }

    /** An OAuth pair the sandbox issued to its local application, with the application's client id and secret. */
    static PortalCredentials.OAuth oauth(SandboxRestServer server, OAuthTokens tokens) {
        return new PortalCredentials.OAuth(origin(server), tokens.accessToken(), tokens.refreshToken(),
                server.application().clientId(), server.application().clientSecret());
    }

    /** A client with short timeouts whose OAuth server is the sandbox, every exchange recorded in {@code wire}. */
    static PortalClient.Builder client(SandboxRestServer server, PortalCredentials credentials, Wire wire) {
        return PortalClient.builder(credentials, VERSION)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .oauthServer(origin(server))
                .httpClient(new OkHttpClient.Builder().addNetworkInterceptor(wire).build());
    }

    /** Every HTTP exchange that reached the server: path (without the secret parts) and status. */
    static final class Wire implements Interceptor {

        /** One exchange: the server's port, the path, the status (-1 when no answer arrived), the body's length. */
        record Exchange(int port, String path, int status, long bodyLength) {
        }

        final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

        @Override
        public Response intercept(Chain chain) throws IOException {
            String path = chain.request().url().encodedPath();
            int port = chain.request().url().port();
            long length = chain.request().body() == null ? -1 : chain.request().body().contentLength();
            try {
                Response response = chain.proceed(chain.request());
                exchanges.add(new Exchange(port, path, response.code(), length));
                return response;
            } catch (IOException e) {
                exchanges.add(new Exchange(port, path, -1, length));
                throw e;
            }
        }

        int count() {
            return exchanges.size();
        }

        /** Exchanges whose path ends with {@code suffix} ({@code "user.current"}, {@code "/oauth/token/"}). */
        long count(String suffix) {
            return exchanges.stream().filter(e -> e.path().endsWith(suffix)).count();
        }

        long withStatus(int status) {
            return exchanges.stream().filter(e -> e.status() == status).count();
        }
    }
}
