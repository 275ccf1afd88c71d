package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.PhpForm;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code batch {halt, cmd: {key: "method?query"}}}: runs up to 50 commands as one request (one drop in the leaky
 * bucket) and answers {@code result: {result, result_error, result_total, result_next, result_time}}, each keyed like
 * {@code cmd}. The queries are form-encoded with PHP-style keys. With {@code halt} set, the first error stops the rest.
 *
 * <p>Like Bitrix24 (PHP's {@code json_encode}), an empty part is {@code []}, not {@code {}}, and a {@code cmd} given as
 * a list yields lists. References to earlier results ({@code $result[key]}) are not supported.
 */
final class BatchMethod implements RestMethod {

    static final int MAX_COMMANDS = 50;

    private final RestDispatcher dispatcher;
    private final RestTime time;

    BatchMethod(RestDispatcher dispatcher, RestTime time) {
        this.dispatcher = dispatcher;
        this.time = time;
    }

    @Override
    public RestResult call(RestCall call) {
        JsonNode cmd = call.param("cmd");
        if (cmd == null || !cmd.isContainerNode() || cmd.size() == 0) {
            throw RestError.argumentEmpty("cmd");
        }
        if (cmd.size() > MAX_COMMANDS) {
            throw new RestError(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }
        boolean halt = isTrue(call.text("halt"));
        ObjectNode results = Json.object();
        ObjectNode errors = Json.object();
        ObjectNode totals = Json.object();
        ObjectNode nexts = Json.object();
        ObjectNode times = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> commands = entries(cmd); commands.hasNext(); ) {
            Map.Entry<String, JsonNode> command = commands.next();
            String key = command.getKey();
            String text = command.getValue().asText();
            int question = text.indexOf('?');
            String method = question < 0 ? text : text.substring(0, question);
            ObjectNode params = PhpForm.decodeAsPhp(question < 0 ? "" : text.substring(question + 1));
            RestTime.Started started = time.start();
            try {
                if ("batch".equals(RestDispatcher.normalise(method))) {
                    throw RestError.methodNotFound(); // no batch inside a batch
                }
                RestResult result = dispatcher.dispatch(method, params, call.credential());
                results.set(key, result.result());
                result.total().ifPresent(total -> totals.put(key, total));
                result.next().ifPresent(next -> nexts.put(key, next));
                times.set(key, started.block());
            } catch (RestError error) {
                errors.set(key, error.body());
                if (halt) {
                    break;
                }
            }
        }
        ObjectNode answer = Json.object();
        answer.set("result", phpShape(results));
        answer.set("result_error", phpShape(errors));
        answer.set("result_total", phpShape(totals));
        answer.set("result_next", phpShape(nexts));
        answer.set("result_time", phpShape(times));
        return RestResult.of(answer);
    }

    private static Iterator<Map.Entry<String, JsonNode>> entries(JsonNode cmd) {
        if (cmd.isObject()) {
            return cmd.fields();
        }
        ObjectNode indexed = Json.object();
        for (int i = 0; i < cmd.size(); i++) {
            indexed.set(Integer.toString(i), cmd.get(i));
        }
        return indexed.fields();
    }

    /** Empty → {@code []}; keys exactly 0..n-1 → a list; otherwise the object. */
    private static JsonNode phpShape(ObjectNode map) {
        int index = 0;
        for (Iterator<String> keys = map.fieldNames(); keys.hasNext(); index++) {
            if (!keys.next().equals(Integer.toString(index))) {
                return map;
            }
        }
        ArrayNode list = Json.array();
        map.elements().forEachRemaining(list::add);
        return list;
    }

    private static boolean isTrue(String flag) {
        return "1".equals(flag) || "true".equalsIgnoreCase(flag) || "Y".equalsIgnoreCase(flag);
    }
}
