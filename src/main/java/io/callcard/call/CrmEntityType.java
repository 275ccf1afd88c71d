package io.callcard.call;

import java.util.Locale;
import java.util.Optional;

/** The four CRM item kinds a call can be bound to, with the {@code entityTypeId} that {@code crm.item.get} takes. */
public enum CrmEntityType {
    LEAD(1),
    DEAL(2),
    CONTACT(3),
    COMPANY(4);

    private final int entityTypeId;

    CrmEntityType(int entityTypeId) {
        this.entityTypeId = entityTypeId;
    }

    public int entityTypeId() {
        return entityTypeId;
    }

    /** The portal's path segment: {@code /crm/contact/details/ID/}. */
    public String pathSegment() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CrmEntityType> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(raw.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notAType) {
            return Optional.empty();
        }
    }
}
