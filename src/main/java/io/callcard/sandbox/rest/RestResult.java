package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/** What a method returns: the {@code result}, and for list methods {@code total} and (when more follow) {@code next}. */
record RestResult(JsonNode result, OptionalInt total, OptionalInt next) {

    static RestResult of(JsonNode result) {
        return new RestResult(result, OptionalInt.empty(), OptionalInt.empty());
    }

    /** One page of a list that starts at {@code start}: {@code next} only when items remain after this page. */
    static RestResult page(JsonNode items, int start, int total) {
        int after = start + items.size();
        return new RestResult(items, OptionalInt.of(total), after < total ? OptionalInt.of(after) : OptionalInt.empty());
    }
}
