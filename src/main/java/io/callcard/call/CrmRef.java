package io.callcard.call;

import io.callcard.wire.CallCardFields;
import java.util.Objects;
import java.util.Optional;

/** One CRM item a call is linked to. The portal says "not linked" with an empty type or id 0: that is no {@code CrmRef}. */
public record CrmRef(CrmEntityType type, long id) {

    public CrmRef {
        Objects.requireNonNull(type, "type");
        if (id <= 0) {
            throw new IllegalArgumentException("CRM id must be positive: " + id);
        }
    }

    /** Empty for the portal's ways of saying "none": blank type, unknown type, id 0 or below. */
    public static Optional<CrmRef> of(String type, long id) {
        if (id <= 0) {
            return Optional.empty();
        }
        return CrmEntityType.parse(type).map(t -> new CrmRef(t, id));
    }

    /** The item as the card named it, or empty for none ({@code null}) or a type we do not know. */
    public static Optional<CrmRef> of(CallCardFields.CrmItem item) {
        return item == null ? Optional.empty() : of(item.type(), item.id());
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
