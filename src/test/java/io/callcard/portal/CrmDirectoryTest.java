package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.testing.BitrixExamples;
import io.callcard.testing.SimulatedTime;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Names from crm.item.get: what each kind is called, how long a name is kept, and how few requests it costs. */
@Timeout(30)
class CrmDirectoryTest {

    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);

    private final MockWebServer server = new MockWebServer();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
    private PortalClient client;
    private CrmDirectory directory;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = TestPortals.client(TestPortals.webhook(server)).build();
        directory = new CrmDirectory(client, executor, clock, CrmDirectory.Settings.standard());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        executor.shutdownNow();
        server.shutdown();
    }

    private static MockResponse item(String fields) {
        return new MockResponse().setBody("{\"result\":{\"item\":{" + fields + "}}}");
    }

    private static MockResponse notFound() {
        return new MockResponse().setResponseCode(400)
                .setBody("{\"error\":\"NOT_FOUND\",\"error_description\":\"Element not found\"}");
    }

    private CrmName name(CrmRef ref) throws Exception {
        return directory.name(ref).get(10, TimeUnit.SECONDS);
    }

    private void advance(Duration d) {
        clock.sleepUntil(clock.nanoTime() + d.toNanos());
    }

    @Test
    void eachKindIsNamedItsOwnWay() throws Exception {
        server.enqueue(item("\"id\":1,\"title\":\"Website enquiry\",\"name\":\"Ann\""));
        server.enqueue(item("\"id\":2,\"title\":\"Annual licence\""));
        server.enqueue(item("\"id\":797,\"title\":\"\",\"name\":\"Ivan\",\"secondName\":\"P.\",\"lastName\":\"Petrov\""));
        server.enqueue(item("\"id\":9,\"title\":\"Contact by title only\",\"name\":null,\"lastName\":\"\""));
        server.enqueue(item("\"id\":17,\"title\":\"Acme Ltd\""));

        assertEquals("Website enquiry", name(new CrmRef(CrmEntityType.LEAD, 1)).name());
        assertEquals("Annual licence", name(new CrmRef(CrmEntityType.DEAL, 2)).name());
        CrmName contact = name(CONTACT);
        assertEquals("Ivan P. Petrov", contact.name());
        assertTrue(contact.exists());
        assertEquals("Contact by title only", name(new CrmRef(CrmEntityType.CONTACT, 9)).name());
        assertEquals("Acme Ltd", name(new CrmRef(CrmEntityType.COMPANY, 17)).name());

        int[][] asked = {{1, 1}, {2, 2}, {3, 797}, {3, 9}, {4, 17}};
        for (int[] a : asked) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertTrue(request.getPath().endsWith("/crm.item.get"), request.getPath());
            JsonNode body = BitrixExamples.MAPPER.readTree(request.getBody().readUtf8());
            assertEquals(a[0], body.get("entityTypeId").asInt());
            assertEquals(a[1], body.get("id").asLong());
        }
    }

    @Test
    void aKnownNameCostsNoSecondRequestUntilItExpires() throws Exception {
        server.enqueue(item("\"name\":\"Ivan\",\"lastName\":\"Petrov\""));
        server.enqueue(item("\"name\":\"Ivan\",\"lastName\":\"Sidorov\""));

        assertEquals("Ivan Petrov", name(CONTACT).name());
        advance(Duration.ofMinutes(9));
        assertEquals("Ivan Petrov", name(CONTACT).name());
        assertEquals(1, server.getRequestCount());

        advance(Duration.ofMinutes(2));
        assertEquals("Ivan Sidorov", name(CONTACT).name());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void sixteenThreadsAskingAtOnceShareOneRequest() throws Exception {
        CountDownLatch allAsked = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                allAsked.await(10, TimeUnit.SECONDS); // keep the request on the way until every thread has asked
                return item("\"title\":\"Acme Ltd\"");
            }
        });
        CrmRef company = new CrmRef(CrmEntityType.COMPANY, 17);
        int threads = 16;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService askers = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<CompletableFuture<CrmName>>> asked = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                asked.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return directory.name(company);
                }, askers));
            }
            List<CompletableFuture<CrmName>> names = new ArrayList<>();
            for (CompletableFuture<CompletableFuture<CrmName>> a : asked) {
                names.add(a.get(10, TimeUnit.SECONDS));
            }
            allAsked.countDown();
            for (CompletableFuture<CrmName> n : names) {
                assertEquals("Acme Ltd", n.get(10, TimeUnit.SECONDS).name());
            }
        } finally {
            askers.shutdownNow();
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void notFoundIsKeptBrieflyAndThenAskedAgain() throws Exception {
        server.enqueue(notFound());
        server.enqueue(item("\"title\":\"Created meanwhile\""));
        CrmRef deal = new CrmRef(CrmEntityType.DEAL, 25);

        CrmName missing = name(deal);
        assertFalse(missing.exists());
        assertEquals("", missing.name());
        advance(Duration.ofSeconds(30));
        assertFalse(name(deal).exists());
        assertEquals(1, server.getRequestCount());

        advance(Duration.ofSeconds(31));
        assertEquals("Created meanwhile", name(deal).name());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aServerErrorIsNotKeptAndArrivesTyped() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500)
                .setBody("{\"error\":\"INTERNAL_SERVER_ERROR\",\"error_description\":\"Internal server error\"}"));
        server.enqueue(item("\"title\":\"Acme Ltd\""));
        CrmRef company = new CrmRef(CrmEntityType.COMPANY, 17);

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> directory.name(company).get(10, TimeUnit.SECONDS));
        PortalException cause = assertInstanceOf(PortalException.class, failed.getCause());
        assertEquals(PortalError.INTERNAL_SERVER_ERROR, cause.error());
        assertEquals(0, directory.size());

        assertEquals("Acme Ltd", name(company).name());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void theLeastRecentlyUsedLeaveWhenFull() throws Exception {
        directory = new CrmDirectory(client, executor, clock,
                new CrmDirectory.Settings(Duration.ofMinutes(10), Duration.ofMinutes(1), 2));
        for (int i = 0; i < 4; i++) {
            server.enqueue(item("\"title\":\"Deal " + i + "\""));
        }
        CrmRef a = new CrmRef(CrmEntityType.DEAL, 1);
        CrmRef b = new CrmRef(CrmEntityType.DEAL, 2);
        CrmRef c = new CrmRef(CrmEntityType.DEAL, 3);
        name(a);
        name(b);
        name(a); // a is now the most recently used
        name(c); // b leaves
        assertEquals(2, directory.size());
        assertEquals(3, server.getRequestCount());
        name(a);
        assertEquals(3, server.getRequestCount());
        name(b);
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void aCallerCancellingItsFutureDoesNotCancelTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return item("\"title\":\"Acme Ltd\"");
            }
        });
        CrmRef company = new CrmRef(CrmEntityType.COMPANY, 17);
        CompletableFuture<CrmName> impatient = directory.name(company);
        CompletableFuture<CrmName> patient = directory.name(company);
        impatient.cancel(true);
        release.countDown();
        assertEquals("Acme Ltd", patient.get(10, TimeUnit.SECONDS).name());
    }

    @Test
    void searchByPhoneReadsStringAndIntIdsAndSkipsUnusableEntries() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":["
                + "{\"CRM_ENTITY_TYPE\":\"CONTACT\",\"CRM_ENTITY_ID\":\"797\",\"NAME\":\"Ivan Petrov\"},"
                + "{\"CRM_ENTITY_TYPE\":\"COMPANY\",\"CRM_ENTITY_ID\":17,\"NAME\":\"Acme Ltd\"},"
                + "{\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":\"0\",\"NAME\":\"nothing\"},"
                + "{\"CRM_ENTITY_TYPE\":\"LEAD\",\"CRM_ENTITY_ID\":5}]}"));

        List<CrmMatch> found = directory.searchCrmEntities(" +19061234567 ").get(10, TimeUnit.SECONDS);

        assertEquals(List.of(new CrmMatch(CONTACT, "Ivan Petrov"),
                new CrmMatch(new CrmRef(CrmEntityType.COMPANY, 17), "Acme Ltd"),
                new CrmMatch(new CrmRef(CrmEntityType.LEAD, 5), "")), found);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(request.getPath().endsWith("/telephony.externalCall.searchCrmEntities"));
        assertEquals("+19061234567",
                BitrixExamples.MAPPER.readTree(request.getBody().readUtf8()).get("PHONE_NUMBER").asText());
        assertEquals(List.of(), directory.searchCrmEntities("  ").get(1, TimeUnit.SECONDS));
        assertEquals(1, server.getRequestCount());
    }
}
