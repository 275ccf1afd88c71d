package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the answer of {@code telephony.externalCall.searchCrmEntities}: a list of objects with
 * {@code CRM_ENTITY_TYPE}, {@code CRM_ENTITY_ID} (string or int) and {@code NAME}. An entry that names no usable
 * item is skipped; the rest still count.
 */
final class CrmMatches {

    private CrmMatches() {
    }

    static List<CrmMatch> read(JsonNode result) {
        List<CrmMatch> matches = new ArrayList<>();
        if (result == null || !result.isArray()) {
            return matches;
        }
        for (JsonNode entry : result) {
            Long id = LenientJson.id(entry, "CRM_ENTITY_ID");
            Optional<CrmRef> ref = id == null ? Optional.empty()
                    : CrmRef.of(LenientJson.text(entry, "CRM_ENTITY_TYPE"), id);
            ref.ifPresent(r -> matches.add(new CrmMatch(r, LenientJson.text(entry, "NAME"))));
        }
        return List.copyOf(matches);
    }
}
