package io.callcard.history;

import io.callcard.call.CrmRef;
import java.util.Objects;

/**
 * One CRM item a call is linked to, with its name once known.
 *
 * @param ref  the item
 * @param name its name ("Ivan Petrov", a company's or deal's title), or null while unknown
 */
public record HistoryBinding(CrmRef ref, String name) {

    public HistoryBinding {
        Objects.requireNonNull(ref, "ref");
        name = name == null || name.isBlank() ? null : name.strip();
    }
}
