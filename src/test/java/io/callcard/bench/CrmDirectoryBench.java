package io.callcard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.portal.CrmDirectory;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalClock;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.RequestBudget;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The CRM name directory against a local portal: 1,000 look-ups of 50 distinct items, one after another, beside a
 * baseline of the same 1,000 look-ups as one {@code crm.item.get} each, alternating in the same run. Asserts only
 * the request count (at most 50 per round, which is deterministic), never a time; reports the median time per
 * look-up and the ratio directory / baseline.
 */
class CrmDirectoryBench {

    private static final int LOOKUPS = 1_000;
    private static final int DISTINCT = 50;
    private static final int WARMUP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void thousandLookUpsOfFiftyItemsCostAtMostFiftyRequests() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new ItemPortal(requests));
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        // The portal's rate limit would make the baseline a 10-minute wait; the bench measures the directory.
        RequestBudget unlimited = new RequestBudget(1_000_000, 1_000_000, PortalClock.system());
        PortalCredentials webhook = new PortalCredentials.Webhook("http://127.0.0.1:" + server.getPort(), "1",
                "benchCode");
        List<CrmRef> lookups = lookups();
        List<Double> baselineMicros = new ArrayList<>();
        List<Double> directoryMicros = new ArrayList<>();
        List<Integer> directoryRequests = new ArrayList<>();
        try (PortalClient client = PortalClient.builder(webhook, "bench").budget(unlimited).build()) {
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
            server.shutdown();
        }
        double baselineMedian = median(baselineMicros);
        double directoryMedian = median(directoryMicros);
        String report = String.format(Locale.ROOT, String.join("\n",
                "# CRM directory benchmark (%d look-ups of %d items, %d rounds each after %d warm-up, alternating)",
                "| what | requests per round | median per look-up | all rounds (µs per look-up) |",
                "|---|---|---|---|",
                "| baseline: one crm.item.get per look-up | %d | %.1f µs | %s |",
                "| CrmDirectory (cached, coalesced) | %s | %.1f µs | %s |",
                "",
                "ratio directory / baseline, of the medians: %.3f (requests asserted: at most %d per round)", ""),
                LOOKUPS, DISTINCT, MEASURED_ROUNDS, WARMUP_ROUNDS, LOOKUPS, baselineMedian, rounded(baselineMicros),
                directoryRequests, directoryMedian, rounded(directoryMicros), directoryMedian / baselineMedian,
                DISTINCT);
        System.out.println(report);
        Path out = Path.of("target", "bench", "crm-directory.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    /** 1,000 look-ups over 50 items of all four kinds, in a fixed shuffled order. */
    private static List<CrmRef> lookups() {
        CrmEntityType[] types = CrmEntityType.values();
        List<CrmRef> refs = new ArrayList<>();
        for (int i = 0; i < LOOKUPS; i++) {
            int item = i % DISTINCT;
            refs.add(new CrmRef(types[item % types.length], 100 + item));
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

    /** Answers crm.item.get with a titled item for whatever it is asked, counting requests. */
    private static final class ItemPortal extends Dispatcher {

        private final AtomicInteger requests;

        ItemPortal(AtomicInteger requests) {
            this.requests = requests;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.incrementAndGet();
            try {
                JsonNode body = MAPPER.readTree(request.getBody().readUtf8());
                long id = body.path("id").asLong();
                return new MockResponse().setBody("{\"result\":{\"item\":{\"id\":" + id + ",\"title\":\"Item " + id
                        + "\",\"name\":\"Name\",\"lastName\":\"" + id + "\"}}}");
            } catch (Exception e) {
                return new MockResponse().setResponseCode(500)
                        .setBody("{\"error\":\"INTERNAL_SERVER_ERROR\",\"error_description\":\"bench\"}");
            }
        }
    }
}
