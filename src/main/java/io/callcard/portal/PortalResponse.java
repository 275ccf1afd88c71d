package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A successful REST answer: {@code result} as the portal sent it, and for lists {@code total} and {@code next} (the
 * {@code start} of the next page; absent on the last page).
 */
public record PortalResponse(JsonNode result, OptionalLong total, OptionalLong next, PortalTime time) {

    public PortalResponse {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(time, "time");
    }

    public boolean hasNextPage() {
        return next.isPresent();
    }
}
