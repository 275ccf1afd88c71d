package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.testing.BitrixExamples;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local portal holding {@code count} calls for {@code voximplant.statistic.get}, 50 per page, answering single
 * calls and {@code batch} requests the way Bitrix24 does. It keeps the bodies it received for the tests to read.
 */
final class StatisticsPortal extends Dispatcher {

    final List<JsonNode> bodies = new ArrayList<>();
    private final int count;

    StatisticsPortal(int count) {
        this.count = count;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        try {
            JsonNode body = BitrixExamples.MAPPER.readTree(request.getBody().readUtf8());
            bodies.add(body);
            String path = request.getPath();
            ObjectNode answer = BitrixExamples.MAPPER.createObjectNode();
            if (path.endsWith("/batch")) {
                ObjectNode inner = answer.putObject("result");
                ObjectNode results = inner.putObject("result");
                inner.putArray("result_error"); // PHP sends an empty map as []
                ObjectNode totals = inner.putObject("result_total");
                ObjectNode nexts = inner.putObject("result_next");
                Iterator<Map.Entry<String, JsonNode>> commands = body.get("cmd").fields();
                while (commands.hasNext()) {
                    Map.Entry<String, JsonNode> command = commands.next();
                    int start = startOf(command.getValue().asText());
                    results.set(command.getKey(), page(start));
                    totals.put(command.getKey(), count);
                    if (start + 50 < count) {
                        nexts.put(command.getKey(), start + 50);
                    }
                }
            } else {
                int start = body.path("start").asInt();
                answer.set("result", page(start));
                answer.put("total", count);
                if (start + 50 < count) {
                    answer.put("next", start + 50);
                }
            }
            return new MockResponse().setBody(answer.toString());
        } catch (Exception e) {
            return new MockResponse().setResponseCode(500).setBody("{\"error\":\"TEST\",\"error_description\":\""
                    + e + "\"}");
        }
    }

    /** {@code start} from a batch command's PHP-style query. */
    static int startOf(String command) {
        for (String pair : command.substring(command.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals("start")) {
                return Integer.parseInt(kv[1]);
            }
        }
        throw new IllegalArgumentException("no start in " + command);
    }

    private ArrayNode page(int start) {
        ArrayNode rows = BitrixExamples.MAPPER.createArrayNode();
        for (int i = start; i < Math.min(count, start + 50); i++) {
            ObjectNode row = rows.addObject();
            row.put("ID", String.valueOf(i + 1));
            row.put("CALL_ID", "call." + (i + 1));
            row.put("PORTAL_USER_ID", "7");
            row.put("CALL_TYPE", "2");
            row.put("CALL_DURATION", String.valueOf(i));
            row.put("CALL_START_DATE", String.format("2026-03-10T11:%02d:%02d+01:00", i / 60 % 60, i % 60));
            row.put("CALL_FAILED_CODE", "200");
        }
        return rows;
    }
}
