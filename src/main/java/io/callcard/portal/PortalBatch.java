package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Several REST calls in one request ({@code batch}, at most {@value #MAX_COMMANDS} commands), so they cost one slot
 * of the rate limit. Commands are {@code method?query} strings, the query written by
 * {@link io.callcard.wire.PhpForm#encode(java.util.Map)}. The answer holds each command's result under its key in
 * {@code result.result} and its error, if any, in {@code result.result_error}; a command's error is typed by the same
 * {@link EnvelopeReader} as a whole answer's.
 */
final class PortalBatch {

    static final int MAX_COMMANDS = 50;

    private PortalBatch() {
    }

    /**
     * Runs {@code commands} (key to {@code method?query}) with {@code halt: 0} and returns each key's result.
     *
     * @throws PortalException the batch's own failure, or the error of the first command that failed
     */
    static Map<String, JsonNode> run(PortalClient client, Map<String, String> commands) throws PortalException {
        Objects.requireNonNull(commands, "commands");
        if (commands.isEmpty() || commands.size() > MAX_COMMANDS) {
            throw new IllegalArgumentException("a batch carries 1 to " + MAX_COMMANDS + " commands");
        }
        PortalResponse answer = client.call("batch", Map.of("halt", 0, "cmd", commands));
        JsonNode results = answer.result().path("result");
        JsonNode errors = answer.result().path("result_error");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> command : commands.entrySet()) {
            String key = command.getKey();
            JsonNode error = errors.path(key);
            if (error.isObject()) {
                PortalException failed = client.reader().errorIn(error, 200, methodOf(command.getValue()));
                if (failed != null) {
                    throw failed;
                }
            }
            JsonNode result = results.get(key);
            if (result == null) {
                throw new PortalException(PortalError.ERROR_UNEXPECTED_ANSWER, "",
                        "batch answer without a result for " + key, 200, "batch", null);
            }
            out.put(key, result);
        }
        return out;
    }

    private static String methodOf(String command) {
        int q = command.indexOf('?');
        return q < 0 ? command : command.substring(0, q);
    }
}
