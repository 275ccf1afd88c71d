package io.callcard.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * The one path to a Bitrix24 portal's REST API: JSON POSTs over OkHttp, answers read by one envelope reader, errors
 * typed as {@link PortalException}. Safe for many threads; all of them share one {@link RequestBudget}, so together
 * they stay under the portal's rate limit. Build it with {@link #builder}.
 */
public final class PortalClient implements AutoCloseable {

    /** The OAuth server of Bitrix24 cloud portals. */
    public static final String BITRIX_OAUTH_SERVER = "https://oauth.bitrix.info";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A Bitrix24 request may run for 60 s; the read timeout leaves it that long. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    private final AtomicReference<PortalCredentials> credentials;
    /**
     * Not {@link io.callcard.wire.StrictJson}: the portal is the party we chose to trust, and its answers are read as
     * any REST client reads them; refusing a repeated key there would turn a server quirk into a failed call.
     */
    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Transport transport;
    private final EnvelopeReader reader;
    private final TokenRefresher refresher;
    private final RequestBudget budget;
    private final PortalClock clock;
    private final RetryPolicy retryPolicy;
    private final BackoffObserver listener;
    private final Set<PortalCall> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private PortalClient(Builder b) {
        this.credentials = new AtomicReference<>(b.credentials);
        this.ownsHttp = b.httpClient == null;
        OkHttpClient base = ownsHttp ? new OkHttpClient() : b.httpClient;
        this.http = base.newBuilder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.transport = new Transport(http, "CallCard-Companion/" + b.version);
        Redactor redactor = new Redactor(b.credentials);
        this.reader = new EnvelopeReader(mapper, redactor);
        this.refresher = new TokenRefresher(http, b.oauthServer, credentials, reader, redactor, b.tokenSink);
        this.clock = b.clock;
        this.budget = b.budget != null ? b.budget : RequestBudget.standard(b.clock);
        this.retryPolicy = b.retryPolicy;
        this.listener = b.listener;
    }

    /** A client for {@code credentials}; {@code version} goes into the {@code User-Agent}. */
    public static Builder builder(PortalCredentials credentials, String version) {
        return new Builder(credentials, version);
    }

    /**
     * Calls {@code method} (such as {@code user.current}) with {@code params} serialised as JSON ({@code null} sends
     * {@code {}}), on this thread.
     */
    public PortalResponse call(String method, Object params) throws PortalException {
        return newCall(method, params).execute();
    }

    /** A call to run later with {@link PortalCall#execute()}, cancellable from another thread. */
    public PortalCall newCall(String method, Object params) {
        Objects.requireNonNull(method, "method");
        if (closed) {
            throw new IllegalStateException("the portal client is closed");
        }
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("not a REST method name: " + method);
        }
        try {
            return new PortalCall(this, method, mapper.writeValueAsBytes(params == null ? Map.of() : params));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("params of " + method + " cannot be written as JSON", e);
        }
    }

    /** The credentials in use: after an OAuth refresh, the new pair. */
    public PortalCredentials credentials() {
        return credentials.get();
    }

    /** Cancels every call running now. */
    public void cancelAll() {
        running.forEach(PortalCall::cancel);
    }

    /** Cancels what runs and lets go of idle connections. */
    @Override
    public void close() {
        closed = true;
        cancelAll();
        if (ownsHttp) {
            http.connectionPool().evictAll();
        }
    }

    void register(PortalCall call) {
        running.add(call);
    }

    void unregister(PortalCall call) {
        running.remove(call);
    }

    Transport transport() {
        return transport;
    }

    EnvelopeReader reader() {
        return reader;
    }

    TokenRefresher refresher() {
        return refresher;
    }

    RequestBudget budget() {
        return budget;
    }

    PortalClock clock() {
        return clock;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    BackoffObserver listener() {
        return listener;
    }

    /** Settings of a {@link PortalClient}; every one but the credentials and version has a default. */
    public static final class Builder {

        private final PortalCredentials credentials;
        private final String version;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private PortalClock clock = PortalClock.system();
        private RequestBudget budget;
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private BackoffObserver listener = BackoffObserver.NONE;
        private TokenSink tokenSink = TokenSink.DISCARD;
        private String oauthServer = BITRIX_OAUTH_SERVER;
        private OkHttpClient httpClient;

        private Builder(PortalCredentials credentials, String version) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            this.version = Objects.requireNonNull(version, "version");
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The clock back-off waits on, and the default budget's. */
        public Builder clock(PortalClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Default: {@link RequestBudget#standard} on this builder's clock. */
        public Builder budget(RequestBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder listener(BackoffObserver listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where refreshed OAuth pairs go to be stored. */
        public Builder tokenSink(TokenSink sink) {
            this.tokenSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** The OAuth server's origin; default {@link #BITRIX_OAUTH_SERVER}. */
        public Builder oauthServer(String origin) {
            this.oauthServer = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** An OkHttp client to derive from (proxy, DNS, certificates); timeouts and redirects are set on top. */
        public Builder httpClient(OkHttpClient base) {
            this.httpClient = Objects.requireNonNull(base, "base");
            return this;
        }

        public PortalClient build() {
            return new PortalClient(this);
        }
    }
}
