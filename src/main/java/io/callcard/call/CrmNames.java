package io.callcard.call;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the companion learned about the names of a call's CRM items, from the portal's {@code crm.item.get}. Keyed by
 * item, so a name can never be shown beside another item; kept in the {@link CallSnapshot} of one call and dropped
 * with it.
 *
 * @param names   the names found, never blank
 * @param unnamed the items whose look-up gave no name, and why
 * @param missing why no item could be looked up at all ({@link Missing#NO_CREDENTIALS}), or {@code null}
 */
public record CrmNames(Map<CrmRef, String> names, Map<CrmRef, Missing> unnamed, Missing missing) {

    /** Nothing learned yet. */
    public static final CrmNames NONE = new CrmNames(Map.of(), Map.of(), null);

    /** Why the card shows "Contact #797" and not a name. */
    public enum Missing {
        /** The portal has no such item (deleted, or never there). */
        NOT_FOUND,
        /** The portal was asked and failed (unreachable, rights, limits). */
        PORTAL_ERROR,
        /** No saved portal, no sandbox, no usable widget pair: nobody to ask. */
        NO_CREDENTIALS
    }

    public CrmNames {
        names = Map.copyOf(names);
        unnamed = Map.copyOf(unnamed);
        names.values().forEach(n -> {
            if (n.isBlank()) {
                throw new IllegalArgumentException("a blank name is no name");
            }
        });
    }

    /** One item's name. */
    public static CrmNames found(CrmRef ref, String name) {
        return new CrmNames(Map.of(ref, name), Map.of(), null);
    }

    /** One item's look-up gave no name, for {@code why}. */
    public static CrmNames unnamed(CrmRef ref, Missing why) {
        return new CrmNames(Map.of(), Map.of(ref, Objects.requireNonNull(why, "why")), null);
    }

    /** No item can be looked up now, for {@code why}. */
    public static CrmNames unavailable(Missing why) {
        return new CrmNames(Map.of(), Map.of(), Objects.requireNonNull(why, "why"));
    }

    public Optional<String> nameOf(CrmRef ref) {
        return Optional.ofNullable(names.get(ref));
    }

    /** Why {@code ref} has no name, or empty when it has one or its look-up is still under way. */
    public Optional<Missing> whyUnnamed(CrmRef ref) {
        if (names.containsKey(ref)) {
            return Optional.empty();
        }
        Missing why = unnamed.get(ref);
        return Optional.ofNullable(why != null ? why : missing);
    }

    /**
     * These names with {@code newer}'s added: an item's newest answer wins; any answer about an item means the portal
     * could be asked, so it clears a reason that held for all.
     */
    public CrmNames with(CrmNames newer) {
        Map<CrmRef, String> n = new HashMap<>(names);
        Map<CrmRef, Missing> u = new HashMap<>(unnamed);
        newer.names.forEach((ref, name) -> {
            n.put(ref, name);
            u.remove(ref);
        });
        newer.unnamed.forEach((ref, why) -> {
            n.remove(ref);
            u.put(ref, why);
        });
        boolean answered = !newer.names.isEmpty() || !newer.unnamed.isEmpty();
        Missing all = newer.missing != null ? newer.missing : answered ? null : missing;
        return new CrmNames(n, u, all);
    }
}
