package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmEntityType;
import java.util.StringJoiner;

/**
 * Picks the name to show from a {@code crm.item.get} item (camelCase fields): the title of leads, deals and
 * companies; for contacts the person's name, falling back to the title. Each falls back to the other kind, since
 * leads carry a person's name too and a contact may have only a title.
 */
final class CrmItemNames {

    private CrmItemNames() {
    }

    static String nameOf(CrmEntityType type, JsonNode item) {
        String title = LenientJson.text(item, "title");
        String person = personName(item);
        if (type == CrmEntityType.CONTACT) {
            return person.isEmpty() ? title : person;
        }
        return title.isEmpty() ? person : title;
    }

    /** "name secondName lastName", skipping the parts that are blank. */
    private static String personName(JsonNode item) {
        StringJoiner parts = new StringJoiner(" ");
        for (String key : new String[] {"name", "secondName", "lastName"}) {
            String part = LenientJson.text(item, key);
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.toString();
    }
}
