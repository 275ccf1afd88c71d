package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The domain-move switch and the two limit switches, on the wire, exactly as documented. */
class SandboxMovesAndLimitsTest {

    private final RestClient client = new RestClient();
    private final SandboxRestServer server = SandboxRestServer.builder().start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMovedPortalAnswers302ToTheSamePathAndQueryOnTheNewDomain() throws Exception {
        URI moved = server.moveDomain();
        assertEquals(moved, server.moveDomain(), "one move, one new domain");
        String path = "rest/user.current?auth=abc";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode());
        assertEquals(moved.resolve("/" + path).toString(), answer.headers().firstValue("Location").orElseThrow());
        assertTrue(moved.getPort() != server.port());
        assertEquals(200, client.postJson(moved + server.webhookUrl().substring(server.baseUri().toString().length())
                + "scope", "{}").status(), "the new domain serves the same portal and credentials");
        assertTrue(client.get(server.baseUri() + "oauth/token/?grant_type=x").status() != 302,
                "the token endpoint (oauth.bitrix.info on a real portal) does not move");
    }

    @Test
    void overloadRefusesEveryRequestWith503UntilSwitchedOff() throws Exception {
        server.faults().overload(true);
        RestClient.Answer answer = client.postJson(server.webhookUrl() + "scope", "{}");
        assertEquals(503, answer.status());
        assertEquals("OVERLOAD_LIMIT", answer.error());
        assertEquals("REST API is blocked due to overload", answer.description());
        server.faults().clear();
        assertEquals(200, client.postJson(server.webhookUrl() + "scope", "{}").status());
    }

    @Test
    void operationTimeLimitRefusesOneMethodWith429ForTheGivenNumberOfCalls() throws Exception {
        server.faults().operationTimeLimit("user.current", 1);
        RestClient.Answer answer = client.postJson(server.webhookUrl() + "user.current.json", "{}");
        assertEquals(429, answer.status());
        assertEquals("OPERATION_TIME_LIMIT", answer.error());
        assertEquals("Method is blocked due to operation time limit.", answer.description());
        assertEquals(200, client.postJson(server.webhookUrl() + "scope", "{}").status(), "other methods answer");
        assertEquals(200, client.postJson(server.webhookUrl() + "user.current", "{}").status(), "one call only");
    }
}
