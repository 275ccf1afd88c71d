package io.callcard.sandbox.rest;

import io.callcard.call.CrmEntityType;
import io.callcard.sandbox.NumberPlan;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The portal's call history as {@code voximplant.statistic.get} returns it: generated records, the same for the same
 * seed, one every few minutes to an hour from {@code firstCall} on, followed by the calls the sandbox played
 * ({@link #add}), each visible only from a moment after its end, as a portal writes its record some seconds late.
 * Every value is a string or null and the keys come in the documented order
 * ({@code examples/resp_voximplant_statistic_get.jsonc}); callers normalise types, not us. Thread-safe.
 */
final class SandboxCallHistory {

    static final DateTimeFormatter BITRIX_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private static final String[][] OUTCOMES = {
        {"200", ""}, {"200", ""}, {"200", ""}, {"200", ""}, {"304", "Missed call"}, {"486", "Busy"},
        {"603", "Declined"}, {"603-S", "Call canceled"}, {"480", "Temporarily unavailable"}, {"404", "Invalid number"},
        {"402", "Insufficient funds"}};

    private final List<Map<String, String>> records;
    /** Played calls in the order recorded; a row joins the answers at its {@code visibleAt}. */
    private final List<LiveRow> played = new CopyOnWriteArrayList<>();

    private record LiveRow(Instant visibleAt, Map<String, String> row) {
    }

    SandboxCallHistory(long seed, int count, SandboxCrm crm, Instant firstCall, ZoneOffset offset) {
        Random random = new Random(seed ^ 0x5eed_ca11L);
        List<Map<String, String>> made = new ArrayList<>(count);
        Instant at = firstCall;
        for (int id = 1; id <= count; id++) {
            made.add(record(random, id, crm, OffsetDateTime.ofInstant(at, offset)));
            at = at.plusSeconds(120 + random.nextInt(3_600));
        }
        this.records = Collections.unmodifiableList(made);
    }

    /** The generated records, in ID order (the played calls not included). */
    List<Map<String, String>> records() {
        return records;
    }

    /** Every record the portal shows at {@code now}: the generated ones and the played calls already written. */
    List<Map<String, String>> visibleAt(Instant now) {
        List<Map<String, String>> all = new ArrayList<>(records);
        for (LiveRow live : played) {
            if (!now.isBefore(live.visibleAt())) {
                all.add(live.row());
            }
        }
        return all;
    }

    /** When the played call {@code callId} (the newest of that id) joins the answers, if it was recorded. */
    Optional<Instant> visibleFrom(String callId) {
        Instant found = null;
        for (LiveRow live : played) {
            if (callId.equals(live.row().get("CALL_ID"))) {
                found = live.visibleAt();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Records {@code call}, to be answered from {@code visibleAt} on; its {@code ID} follows the last record's. */
    synchronized void add(PlayedCall call, Instant visibleAt) {
        played.add(new LiveRow(visibleAt, row(records.size() + played.size() + 1, call)));
    }

    private static Map<String, String> row(int id, PlayedCall call) {
        boolean answered = !call.talked().isZero();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("ID", Integer.toString(id));
        r.put("PORTAL_USER_ID", call.portalUserId());
        r.put("PORTAL_NUMBER", call.portalNumber());
        r.put("PHONE_NUMBER", call.phoneNumber());
        r.put("CALL_ID", call.callId());
        r.put("EXTERNAL_CALL_ID", null);
        r.put("CALL_CATEGORY", "external");
        r.put("CALL_LOG", null);
        // whole seconds, rounded as the portal's statistics show them
        r.put("CALL_DURATION", Long.toString((call.talked().toMillis() + 500) / 1000));
        r.put("CALL_START_DATE", BITRIX_DATE.format(call.startedAt()));
        r.put("CALL_RECORD_URL", answered ? "" : null);
        r.put("CALL_VOTE", null);
        r.put("COST", "0.0000");
        r.put("COST_CURRENCY", "RUB");
        r.put("CALL_FAILED_CODE", call.failedCode());
        r.put("CALL_FAILED_REASON", call.failedReason());
        r.put("CRM_ENTITY_TYPE", call.entity() == null ? null : call.entity().type().name());
        r.put("CRM_ENTITY_ID", call.entity() == null ? null : Long.toString(call.entity().id()));
        r.put("CRM_ACTIVITY_ID", call.activityId() == null ? null : Long.toString(call.activityId()));
        r.put("REST_APP_ID", null);
        r.put("REST_APP_NAME", null);
        r.put("TRANSCRIPT_ID", null);
        r.put("TRANSCRIPT_PENDING", "N");
        r.put("SESSION_ID", null);
        r.put("REDIAL_ATTEMPT", null);
        r.put("COMMENT", null);
        r.put("RECORD_DURATION", null);
        r.put("RECORD_FILE_ID", null);
        r.put("CALL_TYPE", Integer.toString(call.callType()));
        return Collections.unmodifiableMap(r);
    }

    private static Map<String, String> record(Random random, int id, SandboxCrm crm, OffsetDateTime start) {
        String[] outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
        boolean answered = "200".equals(outcome[0]);
        int callType = 1 + random.nextInt(5);
        CrmRecord linked = linked(random, crm);
        String phone = linked != null ? linked.phone() : NumberPlan.values()[random.nextInt(4)].draw(random);
        String callId = "externalCall." + hex(random, 32) + "." + start.toEpochSecond();
        String duration = answered ? Integer.toString(5 + random.nextInt(600)) : "0";
        String session = Long.toString(3_000_000_000L + random.nextInt(1_000_000_000));

        Map<String, String> r = new LinkedHashMap<>();
        r.put("ID", Integer.toString(id));
        r.put("PORTAL_USER_ID", Integer.toString(1 + random.nextInt(3)));
        r.put("PORTAL_NUMBER", "reg" + (100_000 + random.nextInt(900_000)));
        r.put("PHONE_NUMBER", phone);
        r.put("CALL_ID", callId);
        r.put("EXTERNAL_CALL_ID", null);
        r.put("CALL_CATEGORY", "external");
        r.put("CALL_LOG", null);
        r.put("CALL_DURATION", duration);
        r.put("CALL_START_DATE", BITRIX_DATE.format(start));
        r.put("CALL_RECORD_URL", answered ? "" : null);
        r.put("CALL_VOTE", answered && random.nextInt(4) == 0 ? Integer.toString(1 + random.nextInt(5)) : null);
        r.put("COST", "0.0000");
        r.put("COST_CURRENCY", "RUB");
        r.put("CALL_FAILED_CODE", outcome[0]);
        r.put("CALL_FAILED_REASON", outcome[1]);
        r.put("CRM_ENTITY_TYPE", linked == null ? null : linked.type().name());
        r.put("CRM_ENTITY_ID", linked == null ? null : Integer.toString(linked.id()));
        r.put("CRM_ACTIVITY_ID", linked == null ? null : Integer.toString(7_000 + id));
        r.put("REST_APP_ID", null);
        r.put("REST_APP_NAME", null);
        r.put("TRANSCRIPT_ID", null);
        r.put("TRANSCRIPT_PENDING", "N");
        r.put("SESSION_ID", session);
        r.put("REDIAL_ATTEMPT", null);
        r.put("COMMENT", null);
        r.put("RECORD_DURATION", null);
        r.put("RECORD_FILE_ID", null);
        r.put("CALL_TYPE", Integer.toString(callType));
        return r;
    }

    /** A contact, company or lead with a number, or (one call in four) nothing: a stranger. */
    private static CrmRecord linked(Random random, SandboxCrm crm) {
        int pick = random.nextInt(4);
        if (pick == 3) {
            return null;
        }
        CrmEntityType type = List.of(CrmEntityType.CONTACT, CrmEntityType.COMPANY, CrmEntityType.LEAD).get(pick);
        List<CrmRecord> items = crm.all(type);
        return items.get(random.nextInt(items.size()));
    }

    private static String hex(Random random, int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
