package io.callcard.portal;

import io.callcard.call.CrmRef;
import java.util.Objects;

/**
 * What the portal calls a CRM item: a deal's or lead's title, a contact's full name, a company's title.
 *
 * @param name the name to show; {@code ""} when the item has none or does not exist
 * @param exists false when the portal answered {@code NOT_FOUND} (deleted, or never there)
 */
public record CrmName(CrmRef ref, String name, boolean exists) {

    public CrmName {
        Objects.requireNonNull(ref, "ref");
        name = name == null ? "" : name.trim();
    }

    /** The portal has no such item. */
    public static CrmName notFound(CrmRef ref) {
        return new CrmName(ref, "", false);
    }
}
