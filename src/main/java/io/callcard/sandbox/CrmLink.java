package io.callcard.sandbox;

import io.callcard.call.CrmEntityType;
import java.util.List;
import java.util.Objects;

/**
 * The CRM record a simulated call is linked to. {@code type}/{@code id} are the card's primary item
 * ({@code CRM_ENTITY_*}); {@code bindings} is the full list the card reports as {@code CRM_BINDINGS}, which in
 * Bitrix24 need not contain the primary item. {@code withActivity} says whether the portal logged a call activity,
 * whose id the renderer draws from its seed.
 */
public record CrmLink(CrmEntityType type, int id, List<Binding> bindings, boolean withActivity) {

    /** One {@code {ENTITY_TYPE, ENTITY_ID}} entry of {@code CRM_BINDINGS}. */
    public record Binding(CrmEntityType type, int id) {
        public Binding {
            Objects.requireNonNull(type, "type");
            if (id <= 0) {
                throw new IllegalArgumentException("CRM ids are positive: " + id);
            }
        }
    }

    public CrmLink {
        Objects.requireNonNull(type, "type");
        if (id <= 0) {
            throw new IllegalArgumentException("CRM ids are positive: " + id);
        }
        bindings = List.copyOf(bindings);
    }
}
