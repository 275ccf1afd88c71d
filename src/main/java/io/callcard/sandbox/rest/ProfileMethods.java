package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code user.current} and {@code scope}: the connection test and the credential's grants. The portal's user is the
 * administrator (id 1), who owns the webhook and the application's tokens (tests may issue tokens for other agents,
 * who are answered with a short profile); user fields are strings, as Bitrix24
 * sends them, except {@code ACTIVE} and {@code UF_DEPARTMENT}.
 */
final class ProfileMethods {

    static final int ADMIN_ID = 1;

    private ProfileMethods() {
    }

    static void register(Map<String, MethodEntry> methods) {
        methods.put("user.current", new MethodEntry("user", ProfileMethods::userCurrent));
        methods.put("scope", new MethodEntry(null, ProfileMethods::scope));
    }

    private static RestResult userCurrent(RestCall call) {
        if (call.credential().webhook() && call.credential().userId() != ADMIN_ID) {
            throw RestError.noAuthFound(); // webhooks exist only for the administrator
        }
        if (call.credential().userId() != ADMIN_ID) {
            // another user's application token (SandboxRestServer#issueTokensFor): an agent of the same portal
            String id = Integer.toString(call.credential().userId());
            return RestResult.of(Json.object().put("ID", id).put("ACTIVE", true).put("NAME", "Agent")
                    .put("LAST_NAME", id).put("EMAIL", "agent" + id + "@sandbox.callcard.local"));
        }
        ObjectNode user = Json.object()
                .put("ID", Integer.toString(ADMIN_ID))
                .put("XML_ID", "sandbox-admin")
                .put("ACTIVE", true)
                .put("NAME", "Анна")
                .put("LAST_NAME", "Смирнова")
                .put("SECOND_NAME", "")
                .put("EMAIL", "admin@sandbox.callcard.local")
                .put("LAST_LOGIN", "2026-03-10T09:00:00+03:00")
                .put("DATE_REGISTER", "2024-01-15T00:00:00+03:00")
                .put("IS_ONLINE", "Y")
                .put("TIME_ZONE", "Europe/Moscow")
                .put("TIME_ZONE_OFFSET", "10800")
                .put("PERSONAL_GENDER", "F")
                .put("PERSONAL_PHONE", "")
                .put("WORK_POSITION", "Administrator")
                .put("UF_PHONE_INNER", "101");
        user.putArray("UF_DEPARTMENT").add(1);
        return RestResult.of(user);
    }

    private static RestResult scope(RestCall call) {
        ArrayNode scopes = Json.array();
        new TreeSet<>(call.credential().scopes()).forEach(scopes::add);
        return RestResult.of(scopes);
    }
}
