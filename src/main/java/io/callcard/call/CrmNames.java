package io.callcard.call;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the companion learned about the names of a call's CRM items, from the portal's {@code crm.item.get}. Keyed by
 * item, so a name can never be shown beside another item; kept in the {@link CallSnapshot} of one call and dropped
 * with it.
 *
 * @param names    the names found, never blank
 * @param notFound the items the portal says do not exist (deleted, or never there)
 * @param missing  why names could not be looked up at all, or {@code null} when nothing stands in the way
 */
public record CrmNames(Map<CrmRef, String> names, Set<CrmRef> notFound, Missing missing) {

    /** Nothing learned yet. */
    public static final CrmNames NONE = new CrmNames(Map.of(), Set.of(), null);

    /** Why the card shows "Contact #797" and not a name. */
    public enum Missing {
        /** No saved portal, no sandbox, no usable widget pair: nobody to ask. */
        NO_CREDENTIALS,
        /** The portal was asked and failed (unreachable, rights, limits). */
        PORTAL_ERROR
    }

    public CrmNames {
        names = Map.copyOf(names);
        notFound = Set.copyOf(notFound);
        names.values().forEach(n -> {
            if (n.isBlank()) {
                throw new IllegalArgumentException("a blank name is no name");
            }
        });
    }

    /** One item's name. */
    public static CrmNames found(CrmRef ref, String name) {
        return new CrmNames(Map.of(ref, name), Set.of(), null);
    }

    /** The portal has no such item. */
    public static CrmNames absent(CrmRef ref) {
        return new CrmNames(Map.of(), Set.of(ref), null);
    }

    /** Names cannot be learned now, for {@code why}. */
    public static CrmNames unavailable(Missing why) {
        return new CrmNames(Map.of(), Set.of(), Objects.requireNonNull(why, "why"));
    }

    public Optional<String> nameOf(CrmRef ref) {
        return Optional.ofNullable(names.get(ref));
    }

    public boolean isNotFound(CrmRef ref) {
        return notFound.contains(ref);
    }

    /**
     * These names with {@code newer}'s added: an item's newest answer wins; the newest reason for missing names wins,
     * and a name that arrives after a failure clears it (the portal answers again).
     */
    public CrmNames with(CrmNames newer) {
        Map<CrmRef, String> n = new HashMap<>(names);
        Set<CrmRef> gone = new HashSet<>(notFound);
        newer.names.forEach((ref, name) -> {
            n.put(ref, name);
            gone.remove(ref);
        });
        newer.notFound.forEach(ref -> {
            n.remove(ref);
            gone.add(ref);
        });
        boolean answered = !newer.names.isEmpty() || !newer.notFound.isEmpty();
        Missing why = newer.missing != null ? newer.missing : answered ? null : missing;
        return new CrmNames(n, gone, why);
    }
}
