package io.callcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmEntityType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one call of a scenario file (the format is in {@link ScenarioFiles}) into a {@link SimulatedCall}. */
final class CallFields {

    private static final Set<String> FIELDS = Set.of("direction", "caller", "lineNumber", "lineName", "crm",
            "ringSeconds", "talkSeconds", "failedCode", "gapAfterSeconds", "callListMode", "holdCardOpen",
            "callId", "defaultTab");
    /** The card's tabs that may come before the companion's; {@code companion} is the companion's own. */
    private static final List<String> TABS = List.of("companion", "callList", "webForm", "custom");
    private static final Set<String> CRM_FIELDS = Set.of("type", "id", "bindings", "activity");
    private static final Set<String> BINDING_FIELDS = Set.of("type", "id");
    private static final Pattern SAME_AS = Pattern.compile("same as call (\\d{1,6})");
    private static final String CRM_TYPES = "contact, company, lead, deal";

    private final ScenarioFields fields;
    private final int number;

    CallFields(ScenarioFields fields, int number) {
        this.fields = fields;
        this.number = number;
    }

    SimulatedCall read(JsonNode call) {
        if (call == null || !call.isObject()) {
            throw fields.fault(null, "must be a JSON object");
        }
        fields.refuseUnknown(call, FIELDS, "");
        SimulatedCall.Builder builder = SimulatedCall.builder(direction(call))
                .phone(caller(call))
                .line(fields.optionalText(call, "lineNumber", ""), fields.optionalText(call, "lineName", ""))
                .ringsFor(fields.seconds(call, "ringSeconds", null, SimulatedCall.MIN_PHASE));
        JsonNode crm = call.get("crm");
        if (crm != null && !crm.isNull()) {
            builder.linkedTo(crm(crm));
        }
        Duration talk = fields.seconds(call, "talkSeconds", Duration.ZERO, Duration.ZERO);
        if (!talk.isZero() && talk.compareTo(SimulatedCall.MIN_PHASE) < 0) {
            throw fields.fault("talkSeconds", "must be 0 (not answered) or at least 1 s");
        }
        builder.talksFor(talk);
        String failedCode = failedCode(call);
        if (talk.isZero()) {
            if (failedCode == null || failedCode.equals("200")) {
                throw fields.fault("failedCode", "a call with talkSeconds 0 was not answered and needs a failure code"
                        + " other than 200, e.g. 304 (missed) or 486 (busy)");
            }
            builder.failsWith(failedCode);
        } else if (failedCode != null && !failedCode.equals("200")) {
            throw fields.fault("failedCode", "an answered call (talkSeconds > 0) ends normally: leave failedCode out"
                    + " or write \"200\", not \"" + failedCode + "\"");
        }
        JsonNode gap = call.get("gapAfterSeconds");
        if (gap != null && !gap.isNull()) {
            builder.thenWaits(fields.seconds(call, "gapAfterSeconds", null, Duration.ZERO));
        }
        if (fields.flag(call, "callListMode")) {
            builder.inCallList();
        }
        if (fields.flag(call, "holdCardOpen")) {
            builder.holdsCardOpen();
        }
        String tab = fields.optionalText(call, "defaultTab", "companion");
        if (!TABS.contains(tab)) {
            throw fields.fault("defaultTab", "unknown tab \"" + tab + "\"; one of " + String.join(", ", TABS));
        }
        if (!tab.equals("companion")) {
            builder.widgetDoesNotLoad();
        }
        String callId = fields.optionalText(call, "callId", null);
        if (callId != null) {
            builder.reusesCallIdOf(earlierCall("callId", callId));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException rule) {
            // the checks above name the field; this only catches a rule of SimulatedCall they do not repeat
            throw fields.fault(null, rule.getMessage());
        }
    }

    private SimulatedCall.Direction direction(JsonNode call) {
        String raw = fields.requiredText(call, "direction");
        for (SimulatedCall.Direction direction : SimulatedCall.Direction.values()) {
            if (direction.wireName().equals(raw)) {
                return direction;
            }
        }
        throw fields.fault("direction", "unknown direction \"" + raw + "\"; one of incoming, outgoing, callback");
    }

    private CallerPhone caller(JsonNode call) {
        String raw = fields.requiredText(call, "caller");
        if (raw.equals("hidden")) {
            return CallerPhone.hidden();
        }
        if (raw.equals("unknown")) {
            return CallerPhone.unknown();
        }
        if (SAME_AS.matcher(raw).matches()) {
            return CallerPhone.sameAsCall(earlierCall("caller", raw));
        }
        for (NumberPlan plan : NumberPlan.values()) {
            if (planName(plan).equals(raw)) {
                return CallerPhone.known(plan);
            }
        }
        List<String> choices = new ArrayList<>();
        for (NumberPlan plan : NumberPlan.values()) {
            choices.add(planName(plan));
        }
        throw fields.fault("caller", "unknown caller \"" + raw + "\"; one of " + String.join(", ", choices)
                + ", hidden, unknown, or \"same as call N\"");
    }

    /** The N of {@code "same as call N"}, which must be an earlier call. */
    private int earlierCall(String field, String raw) {
        Matcher same = SAME_AS.matcher(raw);
        if (!same.matches()) {
            throw fields.fault(field, "must be \"same as call N\" (an earlier call), not \"" + raw + "\"");
        }
        int earlier = Integer.parseInt(same.group(1));
        if (earlier < 1 || earlier >= number) {
            throw fields.fault(field, "\"" + raw + "\" must name an earlier call (1 to " + (number - 1) + ")");
        }
        return earlier;
    }

    /** {@code MOSCOW_LANDLINE} is written {@code moscow-landline} in files. */
    static String planName(NumberPlan plan) {
        return plan.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private CrmLink crm(JsonNode crm) {
        if (!crm.isObject()) {
            throw fields.fault("crm", "must be an object with type and id, or null for no CRM link");
        }
        fields.refuseUnknown(crm, CRM_FIELDS, "crm.");
        CrmEntityType type = crmType(crm, "crm.type");
        int id = fields.positiveId(crm, "id", "crm.id");
        List<CrmLink.Binding> bindings = new ArrayList<>();
        JsonNode list = crm.get("bindings");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw fields.fault("crm.bindings", "must be a list of {\"type\", \"id\"}");
            }
            for (int i = 0; i < list.size(); i++) {
                String prefix = "crm.bindings[" + (i + 1) + "].";
                JsonNode binding = list.get(i);
                if (!binding.isObject()) {
                    throw fields.fault("crm.bindings[" + (i + 1) + "]", "must be an object with type and id");
                }
                fields.refuseUnknown(binding, BINDING_FIELDS, prefix);
                bindings.add(new CrmLink.Binding(crmType(binding, prefix + "type"),
                        fields.positiveId(binding, "id", prefix + "id")));
            }
        }
        JsonNode activity = crm.get("activity");
        if (activity != null && !activity.isNull() && !activity.isBoolean()) {
            throw fields.fault("crm.activity", "must be true or false");
        }
        return new CrmLink(type, id, bindings, activity != null && activity.asBoolean());
    }

    private CrmEntityType crmType(JsonNode object, String field) {
        JsonNode value = object.get("type");
        if (value == null || !value.isTextual()) {
            throw fields.fault(field, "is required: one of " + CRM_TYPES);
        }
        String raw = value.asText();
        return CrmEntityType.parse(raw)
                .orElseThrow(() -> fields.fault(field, "unknown CRM type \"" + raw + "\"; one of " + CRM_TYPES));
    }

    /** Any string, or a whole number written without quotes; kept verbatim (protocol.md §3). */
    private String failedCode(JsonNode call) {
        JsonNode value = call.get("failedCode");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw fields.fault("failedCode", "must be a code such as \"486\" or \"603-S\"");
        }
        return value.asText();
    }
}
