package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.wire.StrictJson;
import java.io.IOException;

/** A request body read as one JSON document ({@link StrictJson}); anything else is 400 {@code malformed_json}. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonNode parse(byte[] body) {
        JsonNode tree;
        try {
            tree = StrictJson.MAPPER.readTree(body);
        } catch (IOException malformed) {
            throw RequestRejected.malformedJson();
        }
        if (tree == null || tree.isMissingNode()) {
            throw RequestRejected.malformedJson(); // an empty body
        }
        return tree;
    }
}
