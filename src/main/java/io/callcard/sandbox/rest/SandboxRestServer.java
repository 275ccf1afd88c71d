package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.callcard.threads.BackgroundThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's Bitrix24 REST server: a JDK HttpServer on 127.0.0.1 that answers like a portal, quirks included
 * (protocol.md §4): webhook and OAuth paths, JSON and PHP-style form bodies, the {@code result}/{@code time} envelope
 * with {@code total}/{@code next} paging, the documented errors with their statuses, a leaky bucket per credential,
 * an OAuth token endpoint, a generated CRM and call history, batch, and the seed transport when asked for it. The
 * calls a sandbox portal plays join the history a few seconds after they end ({@link #recordCall}), and every method
 * asked for is counted ({@link #requestsFor}).
 *
 * <p>It has one administrator (user 1) who owns an inbound webhook ({@link #webhookUrl()}) and the installed local
 * application's tokens ({@link #application()}, {@link #issueTokens()}). Everything random about the data comes from
 * the seed; only credentials are truly random. Time comes from the injected clock.
 */
public final class SandboxRestServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxRestServer.class);

    /** What the webhook and the application may do unless told otherwise. */
    public static final Set<String> DEFAULT_SCOPES = Set.of("crm", "placement", "telephony", "user");

    /** Room for a burst of simultaneous connections (the rate-limit tests open 60 at once). */
    private static final int BACKLOG = 256;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxAuth auth;
    private final SandboxFaults faults;
    private final SandboxCallCard callCard = new SandboxCallCard();
    private final SandboxCrm crm;
    private final SandboxTimeline timeline = new SandboxTimeline();
    private final SandboxApplication application;
    private final CallCardEventPoster poster;
    private final TelephonyEventPoster telephonyPoster;
    private final SandboxCallHistory history;
    private final MethodCounts counts = new MethodCounts();
    private final Clock clock;
    private final Duration statisticsDelayMin;
    private final Duration statisticsDelayMax;
    /** Draws each played call's record delay; the same seed gives the same delays. */
    private final Random delays;
    private final String webhookCode;
    /** Serves the portal at its new address once it moved; the same portal, the same data. */
    private final RestHandler newDomainHandler;
    private HttpServer newDomain;
    private volatile URI movedTo;

    private SandboxRestServer(Builder options) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // toolchain.md: avoids ~44 ms per response
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port), BACKLOG);
        String host = "127.0.0.1:" + server.getAddress().getPort();
        this.application = new SandboxApplication("local." + SandboxAuth.randomToken().substring(0, 14) + ".sandbox",
                SandboxAuth.randomToken(), SandboxAuth.randomToken(), SandboxAuth.randomToken(), host,
                "http://" + host + "/rest/");
        this.faults = new SandboxFaults(options.clock);
        this.clock = options.clock;
        this.statisticsDelayMin = options.statisticsDelayMin;
        this.statisticsDelayMax = options.statisticsDelayMax;
        this.delays = new Random(options.seed ^ 0xde1a_7L);
        this.auth = new SandboxAuth(options.clock, options.accessTokenLifetime, faults);
        this.webhookCode = options.webhookCode != null ? options.webhookCode : SandboxAuth.randomToken().substring(0, 16);
        auth.addWebhook(ProfileMethods.ADMIN_ID, webhookCode, options.webhookScopes);
        this.crm = new SandboxCrm(options.seed);
        this.history = new SandboxCallHistory(options.seed, options.callRecords, crm,
                options.firstCallAt, options.portalZone);
        RestTime time = new RestTime(options.clock, options.portalZone);

        Map<String, MethodEntry> methods = new HashMap<>();
        ProfileMethods.register(methods);
        CrmMethods.register(methods, crm);
        TimelineMethods.register(methods, crm, timeline, options.clock, options.portalZone);
        methods.put("voximplant.statistic.get",
                new MethodEntry("telephony", new StatisticMethod(history, options.portalZone, options.clock)));
        PlacementMethods.register(methods, callCard, options.legacyPlacementRest);
        Map<String, MethodEntry> withBatch = new HashMap<>(methods);
        withBatch.put("batch", new MethodEntry(null, new BatchMethod(new RestDispatcher(methods, counts), time)));

        LeakyBucket bucket;
        if (!options.rateLimited) {
            bucket = LeakyBucket.unlimited(options.clock);
        } else if (options.enterpriseLimits) {
            bucket = new LeakyBucket(options.clock, LeakyBucket.ENTERPRISE_DRAIN, LeakyBucket.ENTERPRISE_BURST);
        } else {
            bucket = new LeakyBucket(options.clock, LeakyBucket.STANDARD_DRAIN, LeakyBucket.STANDARD_BURST);
        }
        RestDispatcher dispatcher = new RestDispatcher(withBatch, counts);
        OAuthTokenEndpoint tokenEndpoint = new OAuthTokenEndpoint(auth, application);
        server.createContext("/", new RestHandler(faults, auth, bucket, dispatcher, time, tokenEndpoint,
                () -> movedTo));
        server.createContext(Bx24StandInHandler.PATH, new Bx24StandInHandler());
        this.newDomainHandler = new RestHandler(faults, auth, bucket, dispatcher, time, tokenEndpoint, () -> null);
        this.executor = BackgroundThreads.cachedPool("sandbox-rest");
        server.setExecutor(executor);
        this.poster = new CallCardEventPoster(callCard, application, options.clock);
        this.telephonyPoster = new TelephonyEventPoster(application, options.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** {@code http://127.0.0.1:PORT/bx24/api.js}: the stand-in BX24 library for widget and install pages. */
    public URI bx24ScriptUri() {
        return baseUri().resolve(Bx24StandInHandler.PATH.substring(1));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The administrator's inbound webhook, {@code http://127.0.0.1:PORT/rest/1/<code>/}, to print for a user. */
    public String webhookUrl() {
        return baseUri() + "rest/" + ProfileMethods.ADMIN_ID + "/" + webhookCode + "/";
    }

    /**
     * What a user needs to point a companion (or curl) at this server, one fact a line: the webhook URL, the OAuth
     * REST endpoint, the token endpoint, the application's client id, secret and application token. For the
     * {@code sandbox serve} command to print.
     */
    public List<String> printableFacts() {
        return List.of(
                "Webhook URL:        " + webhookUrl(),
                "OAuth REST:         " + application.restEndpoint() + "<method>?auth=<access token>",
                "Token endpoint:     " + baseUri() + "oauth/token/",
                "Client id:          " + application.clientId(),
                "Client secret:      " + application.clientSecret(),
                "Application token:  " + application.applicationToken());
    }

    /** The installed local application: client id and secret, application token, member id, endpoints. */
    public SandboxApplication application() {
        return application;
    }

    /** A fresh token pair for the administrator, as the application gets at install or widget load. */
    public OAuthTokens issueTokens() {
        return auth.issue(ProfileMethods.ADMIN_ID, DEFAULT_SCOPES);
    }

    /**
     * A token pair for another user of this portal ({@code userId} other than the administrator's 1): what a second
     * agent's widget carries. {@code user.current} answers for that user; other methods act as for any user.
     */
    public OAuthTokens issueTokensFor(int userId) {
        if (userId < 1) {
            throw new IllegalArgumentException("user ids start at 1: " + userId);
        }
        return auth.issue(userId, DEFAULT_SCOPES);
    }

    /** A token pair with chosen scopes, for tests of {@code insufficient_scope}. */
    public OAuthTokens issueTokens(Set<String> scopes) {
        return auth.issue(ProfileMethods.ADMIN_ID, scopes);
    }

    /** Adds another inbound webhook for the administrator, with its own code and scopes. */
    public void addWebhook(String code, Set<String> scopes) {
        auth.addWebhook(ProfileMethods.ADMIN_ID, code, scopes);
    }

    /**
     * The domain-move switch: the portal moves to a new address (another loopback port, standing in for a new domain)
     * and from now on its old address answers every REST request with a 302 whose {@code Location} is the same path
     * and query there, as Bitrix24 does for a portal that moved. Same data, same credentials. Returns the new base,
     * {@code http://127.0.0.1:NEWPORT/}; calling it again returns the same.
     */
    public synchronized URI moveDomain() {
        if (newDomain == null) {
            try {
                newDomain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the sandbox portal's new domain", e);
            }
            newDomain.createContext("/", newDomainHandler);
            newDomain.setExecutor(executor);
            newDomain.start();
            movedTo = URI.create("http://127.0.0.1:" + newDomain.getAddress().getPort() + "/");
            log.info("Sandbox portal moved from {} to {}", baseUri(), movedTo);
        }
        return movedTo;
    }

    public SandboxFaults faults() {
        return faults;
    }

    public SandboxCallCard callCard() {
        return callCard;
    }

    public SandboxCrm crm() {
        return crm;
    }

    /** The comments added to the CRM's timelines ({@code crm.timeline.comment.*}). */
    public SandboxTimeline timeline() {
        return timeline;
    }

    /**
     * Posts a CallCard event, with its JS callback arguments ({@code ["idle", {"failedCode":"486"}]}), as JSON to every
     * HANDLER bound to it with {@code placement.bindEvent}; returns how many answered 2xx.
     */
    public int postEventToBoundHandlers(String event, JsonNode args) {
        return poster.post(event, args);
    }

    /**
     * Posts the server-side events of call {@code recordId} of the generated history to {@code handler}, the way an
     * outgoing webhook would: ONVOXIMPLANTCALLINIT, then ONVOXIMPLANTCALLSTART if the call was answered, then
     * ONVOXIMPLANTCALLEND, each form-encoded with PHP-style keys and the application token. Their data agrees with
     * what {@code voximplant.statistic.get} says about that call. Returns each post's HTTP status (-1: unreachable).
     */
    public List<Integer> postTelephonyEvents(URI handler, int recordId) {
        List<Map<String, String>> records = history.records();
        if (recordId < 1 || recordId > records.size()) {
            throw new IllegalArgumentException("no call " + recordId + " in the history of " + records.size());
        }
        Map<String, String> record = records.get(recordId - 1);
        List<Integer> statuses = new java.util.ArrayList<>();
        statuses.add(telephonyPoster.post(handler, TelephonyEvents.CALL_INIT, TelephonyEvents.init(record)));
        if ("200".equals(record.get("CALL_FAILED_CODE"))) {
            statuses.add(telephonyPoster.post(handler, TelephonyEvents.CALL_START, TelephonyEvents.start(record)));
        }
        statuses.add(telephonyPoster.post(handler, TelephonyEvents.CALL_END, TelephonyEvents.end(record)));
        return statuses;
    }

    /**
     * Writes the record of a call that just ended, as a portal does some seconds after the end: from
     * {@code statisticsDelay} on (see the builder), {@code voximplant.statistic.get} answers it, {@code FILTER
     * {CALL_ID}} included. Until then the call is not in the history. Thread-safe.
     */
    public void recordCall(PlayedCall call) {
        Objects.requireNonNull(call, "call");
        Duration delay;
        synchronized (delays) {
            long spread = statisticsDelayMax.toMillis() - statisticsDelayMin.toMillis();
            delay = statisticsDelayMin.plusMillis(spread <= 0 ? 0 : (long) (delays.nextDouble() * spread));
        }
        history.add(call, clock.instant().plus(delay));
    }

    /**
     * When the record of the played call {@code callId} became (or becomes) visible to {@code voximplant.statistic.get};
     * empty if it was never recorded. A benchmark's baseline: no client can learn an outcome before this.
     */
    public Optional<Instant> recordVisibleFrom(String callId) {
        return history.visibleFrom(Objects.requireNonNull(callId, "callId"));
    }

    /**
     * How many times {@code method} was asked for since the server started, alone or inside a batch, counting the
     * requests that passed authentication and the rate limit (a test's or a benchmark's measure of a client's cost).
     */
    public long requestsFor(String method) {
        return counts.of(method);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (newDomain != null) {
                newDomain.stop(0);
            }
        }
        server.stop(0);
        executor.shutdownNow();
        log.info("Sandbox REST server on port {} stopped", port());
    }

    private SandboxRestServer start() {
        server.start();
        // the webhook's code is a password, even a sandbox's: printableFacts() is where a user reads it
        log.info("Sandbox REST server listening on {}", baseUri());
        return this;
    }

    /** Options, each with the value a demo wants; {@link #start()} binds the port and serves. */
    public static final class Builder {
        private int port;
        private long seed = 1;
        private Clock clock = Clock.systemUTC();
        private Duration accessTokenLifetime = Duration.ofHours(1);
        private boolean legacyPlacementRest;
        private boolean enterpriseLimits;
        private boolean rateLimited = true;
        private int callRecords = 120;
        private ZoneOffset portalZone = ZoneOffset.ofHours(3);
        private Instant firstCallAt = Instant.parse("2026-03-02T06:00:00Z");
        private String webhookCode;
        private Set<String> webhookScopes = DEFAULT_SCOPES;
        private Duration statisticsDelayMin = Duration.ofSeconds(3);
        private Duration statisticsDelayMax = Duration.ofSeconds(5);

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Decides the CRM and the call history. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        /** Accept {@code placement.call} / {@code placement.bindEvent} over REST, as the seed pages describe. */
        public Builder legacyPlacementRest(boolean on) {
            this.legacyPlacementRest = on;
            return this;
        }

        /** The Enterprise plan's limits: drain 5/s, burst 250 (instead of 2/s, 50). */
        public Builder enterpriseLimits(boolean on) {
            this.enterpriseLimits = on;
            return this;
        }

        /**
         * For benchmarks only: with {@code false} the leaky bucket never refuses, so a benchmark can measure the
         * client (thousands of requests in seconds) instead of the portal's 2 requests per second. No Bitrix24 portal
         * behaves like this; tests of the client's pacing must keep the default {@code true}.
         */
        public Builder rateLimited(boolean on) {
            this.rateLimited = on;
            return this;
        }

        public Builder callRecords(int count) {
            this.callRecords = count;
            return this;
        }

        public Builder portalZone(ZoneOffset zone) {
            this.portalZone = zone;
            return this;
        }

        /** When the generated call history begins. */
        public Builder firstCallAt(Instant at) {
            this.firstCallAt = at;
            return this;
        }

        /** The administrator's webhook code (random when not set) and its scopes. */
        public Builder webhook(String code, Set<String> scopes) {
            this.webhookCode = code;
            this.webhookScopes = Set.copyOf(scopes);
            return this;
        }

        /**
         * How long after {@link #recordCall} a played call's record appears: a fixed delay. The default draws each
         * from 3 to 5 s, as a portal writes its record some seconds after the end; tests set it small.
         */
        public Builder statisticsDelay(Duration delay) {
            return statisticsDelay(delay, delay);
        }

        /** As {@link #statisticsDelay(Duration)}, each delay drawn (by the seed) from {@code min} to {@code max}. */
        public Builder statisticsDelay(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("0 <= min <= max: " + min + ", " + max);
            }
            this.statisticsDelayMin = min;
            this.statisticsDelayMax = max;
            return this;
        }

        public SandboxRestServer start() {
            try {
                return new SandboxRestServer(this).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the sandbox REST server", e);
            }
        }
    }
}
