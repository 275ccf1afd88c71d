package io.callcard.portal;

import io.callcard.call.CrmRef;
import java.util.Objects;

/** A CRM item that {@code telephony.externalCall.searchCrmEntities} found for a phone number, with its name. */
public record CrmMatch(CrmRef ref, String name) {

    public CrmMatch {
        Objects.requireNonNull(ref, "ref");
        name = name == null ? "" : name.trim();
    }
}
