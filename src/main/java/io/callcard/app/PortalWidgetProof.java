package io.callcard.app;

import io.callcard.listener.WidgetAuth;
import io.callcard.listener.WidgetProof;
import io.callcard.listener.WidgetVerdict;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.PortalIdentity;
import io.callcard.threads.BackgroundThreads;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whom the companion asks to prove a widget form's AUTH_ID (the policy behind the listener's {@link WidgetProof}):
 * one {@code user.current} with that token, on this class's own threads, answered within {@link #TIMEOUT} or the form
 * stays unproven ({@link WidgetVerdict#PORTAL_UNREACHABLE}).
 * <ul>
 *   <li>A portal is configured: always its configured address, never the form's DOMAIN. The user who answers must be
 *       the agent: the one the companion knows ({@code agentUserId}), else the first user proven here, kept.</li>
 *   <li>No portal is configured (sandbox mode): a form of the sandbox's own DOMAIN is proven by the in-process
 *       sandbox REST server; a form of any other DOMAIN only after the agent allowed that portal in the window
 *       ({@link ConnectQuestion}), then against {@code https://DOMAIN} (plain http only for an address on this machine,
 *       as {@link WidgetPortalLink#originOf} reaches the sandbox and tests). A portal the agent ignored stays ignored
 *       until the companion restarts (a hostile page cannot make the window ask again and again); at most
 *       {@link #MAX_QUESTIONS} portals wait for an answer at once.</li>
 * </ul>
 * The token never reaches a log line: only the portal and the reason are logged.
 */
public final class PortalWidgetProof implements WidgetProof, AutoCloseable {

    static final String THREAD_NAME = "widget-proof";
    public static final Duration TIMEOUT = Duration.ofSeconds(8);
    static final int MAX_QUESTIONS = 3;

    private static final Logger log = LoggerFactory.getLogger(PortalWidgetProof.class);

    /** The window's question "DOMAIN wants to connect: Allow / Ignore"; {@code answer} once, true for Allow. */
    @FunctionalInterface
    public interface ConnectQuestion {
        void ask(String portalDomain, Consumer<Boolean> answer);
    }

    private final String configuredPortal;
    private final String sandboxDomain;
    private final Supplier<Optional<String>> sandboxPortal;
    private final Supplier<Optional<String>> agentUserId;
    private final ConnectQuestion question;
    private final Function<PortalCredentials, PortalClient> clients;
    private final Duration timeout;
    private final ExecutorService workers = BackgroundThreads.pool(THREAD_NAME, 2, Duration.ofSeconds(30));
    /** The agent's answer per portal DOMAIN (sandbox mode); guarded by itself. */
    private final Map<String, CompletableFuture<Boolean>> answers = new LinkedHashMap<>();
    /** Per portal address: the first user proven there, taken for the agent while none is known otherwise. */
    private final Map<String, String> firstUser = new ConcurrentHashMap<>();

    /**
     * @param configuredPortal the configured portal's address ({@code https://host}), or null in sandbox mode
     * @param sandboxDomain    the sandbox's own DOMAIN
     * @param sandboxPortal    the in-process sandbox REST server's address, while it runs
     * @param agentUserId      the agent's portal user id, once the companion knows it
     * @param clients          makes the REST client for a token pair (its timeouts are set here)
     */
    public PortalWidgetProof(String configuredPortal, String sandboxDomain, Supplier<Optional<String>> sandboxPortal,
                      Supplier<Optional<String>> agentUserId, ConnectQuestion question,
                      Function<PortalCredentials, PortalClient> clients, Duration timeout) {
        this.configuredPortal = configuredPortal == null ? null : configuredPortal.strip().replaceAll("/+$", "");
        this.sandboxDomain = Objects.requireNonNull(sandboxDomain, "sandboxDomain").toLowerCase(Locale.ROOT);
        this.sandboxPortal = Objects.requireNonNull(sandboxPortal, "sandboxPortal");
        this.agentUserId = Objects.requireNonNull(agentUserId, "agentUserId");
        this.question = Objects.requireNonNull(question, "question");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The REST client a proof uses: no retries (a proof is one request), and the proof's timeout. */
    public static Function<PortalCredentials, PortalClient> clientsFor(String version, Duration timeout) {
        return pair -> PortalClient.builder(pair, version).connectTimeout(timeout).readTimeout(timeout)
                .retryPolicy(new io.callcard.portal.RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1),
                        Math::random))
                .build();
    }

    @Override
    public CompletableFuture<WidgetVerdict> prove(WidgetAuth claim) {
        String domain = claim.domain().trim().toLowerCase(Locale.ROOT);
        if (configuredPortal != null) {
            return ask(configuredPortal, claim, true);
        }
        if (domain.equals(sandboxDomain)) {
            return sandboxPortal.get().map(address -> ask(address, claim, false)).orElseGet(() ->
                    CompletableFuture.completedFuture(WidgetVerdict.refused(WidgetVerdict.PORTAL_UNREACHABLE)));
        }
        if (domain.isEmpty()) {
            return CompletableFuture.completedFuture(WidgetVerdict.refused(WidgetVerdict.NOT_HTTPS));
        }
        CompletableFuture<Boolean> allowed = answerFor(domain);
        // https://DOMAIN: only an address on this machine (the sandbox, tests) is asked over plain http
        return allowed.thenCompose(allow -> allow
                ? ask(WidgetPortalLink.originOf(domain), claim, true)
                : CompletableFuture.completedFuture(WidgetVerdict.refused(WidgetVerdict.NOT_ALLOWED)));
    }

    /** The agent's answer for {@code domain}: asked once per portal, at most {@link #MAX_QUESTIONS} waiting. */
    private CompletableFuture<Boolean> answerFor(String domain) {
        CompletableFuture<Boolean> answer;
        synchronized (answers) {
            answer = answers.get(domain);
            if (answer != null) {
                return answer;
            }
            long waiting = answers.values().stream().filter(pending -> !pending.isDone()).count();
            if (waiting >= MAX_QUESTIONS) {
                return CompletableFuture.completedFuture(false);
            }
            answer = new CompletableFuture<>();
            answers.put(domain, answer);
        }
        log.info("A widget of {} asks to connect: the agent is asked", domain);
        CompletableFuture<Boolean> asked = answer;
        question.ask(domain, allow -> asked.complete(Boolean.TRUE.equals(allow)));
        return answer;
    }

    private CompletableFuture<WidgetVerdict> ask(String portal, WidgetAuth claim, boolean pinAgent) {
        CompletableFuture<WidgetVerdict> verdict;
        try {
            verdict = CompletableFuture.supplyAsync(() -> check(portal, claim, pinAgent), workers);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(WidgetVerdict.refused(WidgetVerdict.PORTAL_UNREACHABLE));
        }
        return verdict.completeOnTimeout(WidgetVerdict.refused(WidgetVerdict.PORTAL_UNREACHABLE),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private WidgetVerdict check(String portal, WidgetAuth claim, boolean pinAgent) {
        PortalClient client;
        try {
            client = clients.apply(PortalCredentials.OAuth.fromWidget(portal, claim.accessToken(),
                    claim.refreshToken()));
        } catch (IllegalArgumentException notAnAddress) {
            return refused(claim, WidgetVerdict.NOT_HTTPS);
        }
        try {
            String id = PortalIdentity.currentUserId(client);
            if (id.isEmpty()) {
                return refused(claim, WidgetVerdict.TOKEN_REFUSED);
            }
            if (pinAgent) {
                String agent = agentUserId.get().orElseGet(() -> firstUser.computeIfAbsent(portal, first -> id));
                if (!agent.equals(id)) {
                    return refused(claim, WidgetVerdict.OTHER_USER);
                }
            }
            return WidgetVerdict.provenFor(id);
        } catch (PortalException e) {
            PortalError error = e.error();
            if (error == PortalError.EXPIRED_TOKEN) {
                return refused(claim, WidgetVerdict.TOKEN_EXPIRED);
            }
            return refused(claim, error.isTransport() || error.retryable()
                    ? WidgetVerdict.PORTAL_UNREACHABLE : WidgetVerdict.TOKEN_REFUSED);
        } finally {
            client.close();
        }
    }

    private static WidgetVerdict refused(WidgetAuth claim, String reason) {
        log.debug("The token of a widget of {} was not proven: {}", claim.domain(), reason);
        return WidgetVerdict.refused(reason);
    }

    @Override
    public void close() {
        BackgroundThreads.stop(workers, Duration.ofMillis(100));
    }
}
