package io.callcard.ui.callcard;

import io.callcard.call.CrmRef;
import java.util.Objects;

/**
 * One CRM item the call is bound to, as the card lists it.
 *
 * @param text the words shown: its name when known, its type and id
 * @param url  its page on the portal ({@code https://PORTAL/crm/contact/details/797/}, protocol.md §4), or {@code ""}
 *             when there is no portal page to open
 */
public record CrmBinding(CrmRef ref, String text, String url) {

    public CrmBinding {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(text, "text");
        url = url == null ? "" : url;
    }

    public boolean hasLink() {
        return !url.isEmpty();
    }

    /** The portal's page of the CRM activity {@code activityId} under {@code origin} (protocol.md §4). */
    public static String activityPageOf(String origin, long activityId) {
        return origin + "/crm/activity/?open_view=" + activityId;
    }

    /** The portal's page of {@code ref} under {@code origin}. */
    public static String pageOf(String origin, CrmRef ref) {
        return origin + "/crm/" + ref.type().pathSegment() + "/details/" + ref.id() + "/";
    }
}
