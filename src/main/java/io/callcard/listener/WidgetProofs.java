package io.callcard.listener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's side of proving widget forms: asks the {@link WidgetProof}, gives up after {@link #TIMEOUT}
 * ({@link WidgetVerdict#PORTAL_UNREACHABLE}), and remembers a pair proven once for its lifetime (the form's
 * {@code AUTH_EXPIRES}, at most {@link #MAX_PROVEN_LIFETIME}) so that a second page with the same pair costs no
 * request and is proven before its page is answered (and pages of a pair still being proven wait for that one
 * proof). Also remembers which page each form opened, so the same form posted again while that page is live (a
 * replay) never opens a second page: "the same form" is the same AUTH_ID with the same PLACEMENT_OPTIONS. Tokens are kept only as SHA-256 digests, and logged never.
 */
final class WidgetProofs {

    /**
     * The backstop: a prover that never answers leaves the form refused, as unproven, after this. As long as a page
     * lives unheard: the application's prover bounds its own REST request far below it (8 s), but in sandbox mode a
     * new portal's proof waits for the agent's answer in the window.
     */
    static final Duration TIMEOUT = WidgetSessions.IDLE_EXPIRY;
    static final Duration MAX_PROVEN_LIFETIME = Duration.ofHours(1);
    /** Pairs and forms remembered; beyond this the oldest is forgotten (a forgotten pair is only proven again). */
    static final int MAX_REMEMBERED = 256;

    private static final Logger log = LoggerFactory.getLogger(WidgetProofs.class);

    private final WidgetProof proof;
    private final Clock clock;
    private final Duration timeout;
    /** Digest of (domain, AUTH_ID) to the proven pair; in insertion order, guarded by this. */
    private final Map<String, ProvenPair> proven = new LinkedHashMap<>();
    /** Digest of (domain, AUTH_ID) to the proof under way for it; guarded by this. */
    private final Map<String, CompletableFuture<WidgetVerdict>> inFlight = new java.util.HashMap<>();
    /** Digest of (AUTH_ID, PLACEMENT_OPTIONS) to the page that form opened; guarded by this. */
    private final Map<String, WidgetSession> forms = new LinkedHashMap<>();

    private record ProvenPair(String userId, Instant until) {
    }

    WidgetProofs(WidgetProof proof, Clock clock, Duration timeout) {
        this.proof = Objects.requireNonNull(proof, "proof");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The verdict on {@code claim}: at once when its pair was proven before (or it has no token), else when the prover
     * answers or the timeout passes. Never fails.
     */
    CompletableFuture<WidgetVerdict> prove(WidgetAuth claim) {
        if (claim.accessToken().isBlank()) {
            return CompletableFuture.completedFuture(WidgetVerdict.refused(WidgetVerdict.NO_TOKEN));
        }
        String key = digest(claim.domain().toLowerCase(java.util.Locale.ROOT), claim.accessToken());
        Instant now = clock.instant();
        CompletableFuture<WidgetVerdict> answer = new CompletableFuture<>();
        synchronized (this) {
            ProvenPair known = proven.get(key);
            if (known != null && now.isBefore(known.until())) {
                return CompletableFuture.completedFuture(WidgetVerdict.provenFor(known.userId()));
            }
            proven.remove(key);
            CompletableFuture<WidgetVerdict> pending = inFlight.get(key);
            if (pending != null) {
                return pending.copy(); // the same pair is being proven for another page: one request for both
            }
            inFlight.put(key, answer);
        }
        ask(claim, key).whenComplete((verdict, impossible) -> {
            synchronized (this) {
                inFlight.remove(key, answer);
            }
            answer.complete(verdict);
        });
        return answer.copy();
    }

    private CompletableFuture<WidgetVerdict> ask(WidgetAuth claim, String key) {
        CompletableFuture<WidgetVerdict> asked;
        try {
            asked = Objects.requireNonNull(proof.prove(claim), "verdict");
        } catch (RuntimeException e) {
            log.warn("The widget prover failed: {}", e.getClass().getSimpleName());
            asked = CompletableFuture.completedFuture(WidgetVerdict.refused(WidgetVerdict.PORTAL_UNREACHABLE));
        }
        return asked.copy()
                .completeOnTimeout(WidgetVerdict.refused(WidgetVerdict.PORTAL_UNREACHABLE),
                        timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failed -> WidgetVerdict.refused(WidgetVerdict.PORTAL_UNREACHABLE))
                .thenApply(verdict -> {
                    if (verdict.proven()) {
                        remember(key, verdict.userId(), claim.expiresAt());
                    }
                    return verdict;
                });
    }

    /**
     * True when this form (its AUTH_ID with its PLACEMENT_OPTIONS) may open {@code page}; false for a replay: the same
     * form while the page it opened before is still live (one page, one WidgetOpened). Once that page closed or
     * expired the same form may open a page again (Bitrix24 may show the same CALL_ID again within 30 minutes, with
     * the same hour's token); a replay after the token's expiry fails its proof. A form left unproven because the
     * portal was unreachable is forgotten ({@link #forget}), so that reopening the tab can try once more.
     */
    synchronized boolean firstTime(String accessToken, String placementOptions, WidgetSession page,
                                   WidgetSessions sessions) {
        String key = digest(accessToken, placementOptions);
        WidgetSession earlier = forms.get(key);
        if (earlier != null && sessions.live(earlier)) {
            return false;
        }
        forms.remove(key);
        forms.put(key, page);
        trim(forms);
        return true;
    }

    synchronized void forget(String accessToken, String placementOptions) {
        forms.remove(digest(accessToken, placementOptions));
    }

    /** Settles {@code session} with the verdict when it comes; a refusal is logged with its reason, never the token. */
    void settle(WidgetSession session, String domain, CompletableFuture<WidgetVerdict> verdict, Runnable onProven) {
        verdict.thenAccept(answer -> {
            if (session.settle(answer, onProven) && !answer.proven()) {
                log.warn("A widget page of {} was refused: {}", domain, answer.reason());
            }
        });
    }

    private synchronized void remember(String key, String userId, Instant expiresAt) {
        Instant cap = clock.instant().plus(MAX_PROVEN_LIFETIME);
        proven.put(key, new ProvenPair(userId, expiresAt.isBefore(cap) ? expiresAt : cap));
        trim(proven);
    }

    private static void trim(Map<String, ?> map) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > MAX_REMEMBERED && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static String digest(String first, String second) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(first.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(second == null ? new byte[0] : second.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
