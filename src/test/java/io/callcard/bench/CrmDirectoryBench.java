package io.callcard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.portal.CrmDirectory;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalClock;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.RequestBudget;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The CRM name directory against the sandbox portal (its JDK server answers with TCP_NODELAY, so a response costs
 * the server's work, not a delayed ACK), over real loopback HTTP: 1,000 look-ups of 50 distinct items, one after another, beside a
 * baseline of the same 1,000 look-ups as one {@code crm.item.get} each, alternating in the same run. Asserts only
 * the request count (at most 50 per round, which is deterministic), never a time; reports the median time per
 * look-up and the ratio directory / baseline. Requests are counted on the client's side of the wire (an OkHttp
 * network interceptor), so every request that reached the sandbox is counted once.
 *
 * <p>The sandbox runs without its leaky bucket ({@code rateLimited(false)}, a switch for benchmarks only) and the
 * client with an unlimited budget: at the portal's 2 requests per second the baseline alone would take an hour.
 */
class CrmDirectoryBench {

    private static final int LOOKUPS = 1_000;
    private static final int DISTINCT = 50;
    private static final int WARMUP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 5;

    @Test
    void thousandLookUpsOfFiftyItemsCostAtMostFiftyRequests() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        SandboxRestServer server = SandboxRestServer.builder().rateLimited(false).start();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        // The portal's rate limit would make the baseline an hour's wait; the bench measures the directory.
        RequestBudget unlimited = new RequestBudget(1_000_000, 1_000_000, PortalClock.system());
        PortalCredentials webhook = WebhookUrl.parse(server.webhookUrl());
        OkHttpClient counting = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            requests.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        List<CrmRef> lookups = lookups();
        List<Double> baselineMicros = new ArrayList<>();
        List<Double> directoryMicros = new ArrayList<>();
        List<Integer> directoryRequests = new ArrayList<>();
        try (PortalClient client = PortalClient.builder(webhook, "bench").budget(unlimited)
                .httpClient(counting).build()) {
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                requests.set(0);
                long start = System.nanoTime();
                for (CrmRef ref : lookups) {
                    client.call("crm.item.get", Map.of("entityTypeId", ref.type().entityTypeId(), "id", ref.id()));
                }
                double baseline = micros(System.nanoTime() - start);
                assertEquals(LOOKUPS, requests.get());

                requests.set(0);
                CrmDirectory directory = new CrmDirectory(client, executor);
                start = System.nanoTime();
                for (CrmRef ref : lookups) {
                    assertTrue(directory.name(ref).get(10, TimeUnit.SECONDS).exists());
                }
                double cached = micros(System.nanoTime() - start);
                assertTrue(requests.get() <= DISTINCT, "requests in a round: " + requests.get());
                if (round >= WARMUP_ROUNDS) {
                    baselineMicros.add(baseline);
                    directoryMicros.add(cached);
                    directoryRequests.add(requests.get());
                }
            }
        } finally {
            executor.shutdownNow();
            server.close();
        }
        double baselineMedian = median(baselineMicros);
        double directoryMedian = median(directoryMicros);
        String report = String.format(Locale.ROOT, String.join("\n",
                "# CRM directory benchmark (%d look-ups of %d items, %d rounds each after %d warm-up, alternating)",
                "",
                "Opponent: the sandbox REST server on loopback (webhook, JSON, no rate limit for the bench).",
                "",
                "| what | requests per round | median per look-up | all rounds (µs per look-up) |",
                "|---|---|---|---|",
                "| baseline: one crm.item.get per look-up | %d | %.1f µs | %s |",
                "| CrmDirectory (cached, coalesced) | %s | %.1f µs | %s |",
                "",
                "ratio directory / baseline, of the medians: %.3f (requests asserted: at most %d per round)", ""),
                LOOKUPS, DISTINCT, MEASURED_ROUNDS, WARMUP_ROUNDS, LOOKUPS, baselineMedian, rounded(baselineMicros),
                directoryRequests, directoryMedian, rounded(directoryMicros), directoryMedian / baselineMedian,
                DISTINCT);
        BenchReport.publish("crm-directory.md", report);
    }

    /**
     * 1,000 look-ups over 50 items of all four kinds (ids 1 to 13 of each kind, 12 companies, all in the sandbox's
     * generated CRM), in a fixed shuffled order.
     */
    private static List<CrmRef> lookups() {
        CrmEntityType[] types = CrmEntityType.values();
        List<CrmRef> refs = new ArrayList<>();
        for (int i = 0; i < LOOKUPS; i++) {
            int item = i % DISTINCT;
            refs.add(new CrmRef(types[item % types.length], 1 + item / types.length));
        }
        Collections.shuffle(refs, new Random(42));
        return refs;
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0 / LOOKUPS;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList();
    }
}
