package io.callcard.sandbox.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data[...]} of the server-side telephony events (protocol.md §5) for a call of the generated history, so
 * that an event and {@code voximplant.statistic.get} tell the same story about one call. All values are strings, as
 * the form-encoded post makes them.
 */
final class TelephonyEvents {

    static final String CALL_INIT = "ONVOXIMPLANTCALLINIT";
    static final String CALL_START = "ONVOXIMPLANTCALLSTART";
    static final String CALL_END = "ONVOXIMPLANTCALLEND";

    private TelephonyEvents() {
    }

    /**
     * As the portal's own reference describes INIT: for an incoming call (CALL_TYPE 2, 3) CALLER_ID is the caller and
     * PHONE_NUMBER the portal's number that was dialled; for the others CALLER_ID is the portal's line and
     * PHONE_NUMBER the number the portal dials.
     */
    static Map<String, String> init(Map<String, String> record) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("CALL_ID", record.get("CALL_ID"));
        data.put("CALL_TYPE", record.get("CALL_TYPE"));
        String otherParty = record.get("PHONE_NUMBER");
        String portalLine = record.getOrDefault("PORTAL_NUMBER", "");
        boolean incoming = "2".equals(record.get("CALL_TYPE")) || "3".equals(record.get("CALL_TYPE"));
        data.put("CALLER_ID", incoming ? otherParty : portalLine);
        data.put("PHONE_NUMBER", incoming ? portalLine : otherParty);
        return data;
    }

    static Map<String, String> start(Map<String, String> record) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("CALL_ID", record.get("CALL_ID"));
        data.put("USER_ID", record.get("PORTAL_USER_ID"));
        return data;
    }

    /** The fields of {@code examples/event_onvoximplantcallend.jsonc}, in its order; a missing activity is "". */
    static Map<String, String> end(Map<String, String> record) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String key : new String[] {"CALL_ID", "CALL_TYPE", "PHONE_NUMBER", "PORTAL_NUMBER", "PORTAL_USER_ID",
            "CALL_DURATION", "CALL_START_DATE", "COST", "COST_CURRENCY", "CALL_FAILED_CODE", "CALL_FAILED_REASON",
            "CRM_ACTIVITY_ID"}) {
            String value = record.get(key);
            data.put(key, value == null ? "" : value);
        }
        return data;
    }
}
