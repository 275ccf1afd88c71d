package io.callcard.sandbox.rest;

import io.callcard.call.CrmEntityType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox holds, read from its own package for tests elsewhere (the contract tests): item names as
 * {@code crm.item.get} and the phone search would name them, and the generated call history for given options. The
 * history is generated again from the same seed and options, which the sandbox guarantees gives the same records.
 */
public final class SandboxTruth {

    private SandboxTruth() {
    }

    /**
     * The item's name as its {@code crm.item.get} record gives it: a contact's full name, the title of a lead, deal
     * or company.
     */
    public static Optional<String> itemName(SandboxCrm crm, CrmEntityType type, int id) {
        return crm.find(type, id).map(r -> type == CrmEntityType.CONTACT
                ? (r.name() + " " + r.lastName()).trim() : r.title());
    }

    /** The name the phone search gives an item: a person's full name, otherwise the title. */
    public static Optional<String> displayName(SandboxCrm crm, CrmEntityType type, int id) {
        return crm.find(type, id).map(CrmRecord::displayName);
    }

    /** How many items of {@code type} the CRM has (ids run 1..count). */
    public static int count(SandboxCrm crm, CrmEntityType type) {
        return crm.all(type).size();
    }

    /** The phone number of an item ({@code ""} for deals). */
    public static String phone(SandboxCrm crm, CrmEntityType type, int id) {
        return crm.find(type, id).map(CrmRecord::phone).orElseThrow();
    }

    /** The display names the phone search finds for {@code phone}, in the sandbox's order. */
    public static List<String> namesForPhone(SandboxCrm crm, String phone) {
        return crm.byPhone(phone).stream().map(CrmRecord::displayName).toList();
    }

    /** The history a server built with these options serves, in ID order. */
    public static List<Map<String, String>> history(long seed, int count, Instant firstCallAt, ZoneOffset zone) {
        return new SandboxCallHistory(seed, count, new SandboxCrm(seed), firstCallAt, zone).records();
    }
}
