package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.testing.SimulatedTime;
import io.callcard.testing.SlowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each documented error, with its HTTP status and exact body (examples/resp_errors_documented.jsonc). */
@SlowTest
class SandboxRestErrorsTest {

    private final RestClient client = new RestClient();
    private final SimulatedTime clock = new SimulatedTime(Instant.parse("2026-03-10T09:00:00Z"));
    private SandboxRestServer server;

    private SandboxRestServer start(SandboxRestServer.Builder builder) {
        server = builder.clock(clock).start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertError(int status, String body, RestClient.Answer answer) {
        assertEquals(status, answer.status(), answer.text());
        assertEquals(body, answer.text());
    }

    @Test
    void wrongWebhookCodeOrUnknownUserIsNoAuthFound() throws Exception {
        start(SandboxRestServer.builder().webhook("rightcode", SandboxRestServer.DEFAULT_SCOPES));
        String noAuth = "{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}";
        String rest = server.application().restEndpoint();
        assertError(401, noAuth, client.postJson(rest + "1/wrongcode/user.current", "{}"));
        assertError(401, noAuth, client.postJson(rest + "7/rightcode/user.current", "{}"));
        assertError(401, noAuth, client.postJson(rest + "user.current", "{}"));
        assertEquals(200, client.postJson(rest + "1/rightcode/user.current", "{}").status());
    }

    @Test
    void aCredentialWithoutTheScopeIsInsufficientScopeWith401AsSeenLive() throws Exception {
        start(SandboxRestServer.builder().webhook("crmonly", Set.of("crm")));
        assertError(401, "{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires higher "
                + "privileges than provided by the webhook token\"}",
                client.postJson(server.webhookUrl() + "voximplant.statistic.get", "{}"));
        String token = server.issueTokens(Set.of("user")).accessToken();
        RestClient.Answer viaOAuth = client.postJson(server.application().restEndpoint()
                + "crm.item.get?auth=" + token, "{\"entityTypeId\":1,\"id\":1}");
        assertEquals(401, viaOAuth.status());
        assertEquals("insufficient_scope", viaOAuth.error());
    }

    @Test
    void unknownAndExpiredTokens() throws Exception {
        start(SandboxRestServer.builder().accessTokenLifetime(Duration.ofMinutes(60)));
        String rest = server.application().restEndpoint();
        assertError(401, "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is invalid\"}",
                client.postJson(rest + "user.current?auth=nosuchtoken", "{}"));
        String token = server.issueTokens().accessToken();
        clock.advance(Duration.ofMinutes(59));
        assertEquals(200, client.postJson(rest + "user.current?auth=" + token, "{}").status());
        clock.advance(Duration.ofMinutes(1));
        assertError(401, "{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired\"}",
                client.postJson(rest + "user.current?auth=" + token, "{}"));
    }

    @Test
    void placementBindWithAWebhookIsWrongAuthType() throws Exception {
        start(SandboxRestServer.builder());
        assertError(403, "{\"error\":\"WRONG_AUTH_TYPE\",\"error_description\":\"Current authorization type is denied "
                + "for this method Application context required\"}",
                client.postJson(server.webhookUrl() + "placement.bind",
                        "{\"PLACEMENT\":\"CALL_CARD\",\"HANDLER\":\"http://127.0.0.1:8765/widget/callcard\"}"));
    }

    @Test
    void placementBindWithAnEmptyPlacementIsAnErrorDeliveredWithHttp200() throws Exception {
        start(SandboxRestServer.builder());
        String url = server.application().restEndpoint() + "placement.bind?auth=" + server.issueTokens().accessToken();
        assertError(200, "{\"error\":\"ERROR_ARGUMENT\",\"error_description\":\"Argument 'PLACEMENT' is null or "
                + "empty\",\"argument\":\"PLACEMENT\"}",
                client.postJson(url, "{\"PLACEMENT\":\"\",\"HANDLER\":\"http://127.0.0.1:8765/widget/callcard\"}"));
        RestClient.Answer localhost = client.postJson(url,
                "{\"PLACEMENT\":\"CALL_CARD\",\"HANDLER\":\"http://localhost:8765/widget/callcard\"}");
        assertEquals("ERROR_WRONG_HANDLER_URL", localhost.error());
        RestClient.Answer bound = client.postForm(url,
                "PLACEMENT=CALL_CARD&HANDLER=http%3A%2F%2F127.0.0.1%3A8765%2Fwidget%2Fcallcard&TITLE=Companion");
        assertEquals(200, bound.status());
        assertEquals(true, bound.result().asBoolean());
    }

    @Test
    void unknownMethodIsMethodNotFound() throws Exception {
        start(SandboxRestServer.builder());
        assertError(404, "{\"error\":\"ERROR_METHOD_NOT_FOUND\",\"error_description\":\"Method not found!\"}",
                client.postJson(server.webhookUrl() + "crm.nothing.here", "{}"));
    }

    @Test
    void legacyContactGetWithABadIdHasAnEmptyErrorCode() throws Exception {
        start(SandboxRestServer.builder());
        String invalid = "{\"error\":\"\",\"error_description\":\"ID is not defined or invalid.\"}";
        assertError(400, invalid, client.postJson(server.webhookUrl() + "crm.contact.get", "{}"));
        assertError(400, invalid, client.postJson(server.webhookUrl() + "crm.contact.get", "{\"id\":\"abc\"}"));
        assertError(400, "{\"error\":\"\",\"error_description\":\"Not found\"}",
                client.postForm(server.webhookUrl() + "crm.contact.get", "id=99999"));
    }

    @Test
    void crmItemGetOfAMissingItemIsNotFound() throws Exception {
        start(SandboxRestServer.builder());
        String notFound = "{\"error\":\"NOT_FOUND\",\"error_description\":\"Element not found\"}";
        assertError(400, notFound, client.postJson(server.webhookUrl() + "crm.item.get",
                "{\"entityTypeId\":3,\"id\":99999}"));
        assertError(400, notFound, client.postForm(server.webhookUrl() + "crm.item.get", "entityTypeId=77&id=1"));
    }

    @Test
    void theLeakyBucketLetsFiftyThroughThenRefusesUntilItDrains() throws Exception {
        start(SandboxRestServer.builder());
        List<CompletableFuture<RestClient.Answer>> inFlight = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            inFlight.add(client.postJsonAsync(server.webhookUrl() + "scope", "{}"));
        }
        int passed = 0;
        int limited = 0;
        for (CompletableFuture<RestClient.Answer> future : inFlight) {
            RestClient.Answer answer = future.get();
            if (answer.status() == 200) {
                passed++;
            } else {
                assertError(503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}",
                        answer);
                limited++;
            }
        }
        assertEquals(50, passed);
        assertEquals(10, limited);

        // another credential has its own bucket
        String token = server.issueTokens().accessToken();
        assertEquals(200, client.postJson(server.application().restEndpoint() + "scope?auth=" + token, "{}").status());

        clock.advance(Duration.ofSeconds(5)); // drains 10 at 2/s
        for (int i = 0; i < 10; i++) {
            assertEquals(200, client.postJson(server.webhookUrl() + "scope", "{}").status(), "request " + i);
        }
        assertEquals(503, client.postJson(server.webhookUrl() + "scope", "{}").status());
        clock.advance(Duration.ofMillis(500)); // one more drop drains
        assertEquals(200, client.postJson(server.webhookUrl() + "scope", "{}").status());
    }

    @Test
    void enterpriseLimitsAllowABurstOf250() throws Exception {
        start(SandboxRestServer.builder().enterpriseLimits(true));
        for (int i = 0; i < 250; i++) {
            assertEquals(200, client.postJson(server.webhookUrl() + "scope", "{}").status(), "request " + i);
        }
        assertEquals(503, client.postJson(server.webhookUrl() + "scope", "{}").status());
        clock.advance(Duration.ofMillis(200)); // 5/s: one drop in 200 ms
        assertEquals(200, client.postJson(server.webhookUrl() + "scope", "{}").status());
    }

    @Test
    void aBatchCountsAsOneRequest() throws Exception {
        start(SandboxRestServer.builder());
        StringBuilder cmd = new StringBuilder("{\"cmd\":{");
        for (int i = 0; i < 50; i++) {
            cmd.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"scope\"");
        }
        String body = cmd.append("}}").toString();
        for (int i = 0; i < 50; i++) {
            assertEquals(200, client.postJson(server.webhookUrl() + "batch", body).status());
        }
        assertEquals(503, client.postJson(server.webhookUrl() + "batch", body).status());
    }
}
