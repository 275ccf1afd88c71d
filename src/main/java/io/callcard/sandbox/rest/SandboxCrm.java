package io.callcard.sandbox.rest;

import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.sandbox.CrmLink;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.SimulatedCall;
import io.callcard.sandbox.SandboxNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A generated CRM: contacts, companies, leads and deals with Russian and English names and phone numbers, the same
 * for the same seed. Ids count from 1 per type, as in Bitrix24. Some leads share a contact's number, so that a phone
 * search can find more than one item, as it does on a real portal.
 *
 * <p>A scenario links its calls to ids of its own (contact 797, deal 4615, ...), far beyond the generated ones: a sandbox
 * portal that records its calls here {@link #holdLinked holds} those items too, each named from the seed and its id,
 * so the card's names and links answer in the default run as they would on a portal that holds them.
 */
public final class SandboxCrm {

    static final int CONTACTS = 30;
    static final int COMPANIES = 12;
    static final int LEADS = 20;
    static final int DEALS = 20;

    private final Map<CrmEntityType, List<CrmRecord>> items = new EnumMap<>(CrmEntityType.class);
    /** Items a scenario links to beyond the generated ids; written by the portal's thread, read by the server's. */
    private final ConcurrentMap<CrmRef, CrmRecord> linked = new ConcurrentHashMap<>();
    private final long seed;

    public SandboxCrm(long seed) {
        this.seed = seed;
        Random random = new Random(seed);
        List<CrmRecord> companies = new ArrayList<>();
        for (int id = 1; id <= COMPANIES; id++) {
            boolean russian = random.nextBoolean();
            String title = SandboxNames.company(random, russian);
            companies.add(new CrmRecord(CrmEntityType.COMPANY, id, title, "", "", "", phone(random, russian), 0, 0));
        }
        List<CrmRecord> contacts = new ArrayList<>();
        for (int id = 1; id <= CONTACTS; id++) {
            boolean russian = random.nextBoolean();
            String[] name = person(random, russian);
            int companyId = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(COMPANIES);
            contacts.add(new CrmRecord(CrmEntityType.CONTACT, id, "", name[0], name[1], "", phone(random, russian),
                    companyId, 0));
        }
        List<CrmRecord> leads = new ArrayList<>();
        for (int id = 1; id <= LEADS; id++) {
            boolean russian = random.nextBoolean();
            String[] name = person(random, russian);
            String company = SandboxNames.company(random, russian);
            String phone = random.nextInt(5) == 0 // a lead from someone already in the CRM
                    ? contacts.get(random.nextInt(CONTACTS)).phone()
                    : phone(random, russian);
            String title = (russian ? "Заявка: " : "Inquiry: ") + name[0] + " " + name[1];
            leads.add(new CrmRecord(CrmEntityType.LEAD, id, title, name[0], name[1], company, phone, 0, 0));
        }
        List<CrmRecord> deals = new ArrayList<>();
        for (int id = 1; id <= DEALS; id++) {
            CrmRecord contact = contacts.get(random.nextInt(CONTACTS));
            String title = SandboxNames.dealSubject(random) + " #" + id;
            deals.add(new CrmRecord(CrmEntityType.DEAL, id, title, "", "", "", "", contact.companyId(),
                    contact.id()));
        }
        items.put(CrmEntityType.CONTACT, Collections.unmodifiableList(contacts));
        items.put(CrmEntityType.COMPANY, Collections.unmodifiableList(companies));
        items.put(CrmEntityType.LEAD, Collections.unmodifiableList(leads));
        items.put(CrmEntityType.DEAL, Collections.unmodifiableList(deals));
    }

    /** The generated items of a type, in id order. */
    List<CrmRecord> all(CrmEntityType type) {
        return items.get(type);
    }

    Optional<CrmRecord> find(CrmEntityType type, int id) {
        List<CrmRecord> list = items.get(type);
        if (id >= 1 && id <= list.size()) {
            return Optional.of(list.get(id - 1));
        }
        return Optional.ofNullable(linked.get(new CrmRef(type, id)));
    }

    /**
     * Holds the items {@code scenario}'s calls link to (primary and bindings) that the generated CRM lacks, each
     * named by this CRM's seed and its id: the same names on every run with the same seed.
     */
    public void holdLinked(Scenario scenario) {
        for (SimulatedCall call : scenario.calls()) {
            if (call.crm().isEmpty()) {
                continue;
            }
            CrmLink link = call.crm().get();
            holdLinked(link.type(), link.id());
            for (CrmLink.Binding binding : link.bindings()) {
                holdLinked(binding.type(), binding.id());
            }
        }
    }

    private void holdLinked(CrmEntityType type, int id) {
        if (id <= items.get(type).size()) {
            return; // a generated item
        }
        long itemSeed = seed * 31 + type.entityTypeId() * 1_000_003L + id; // not hashCode: an enum's changes per run
        linked.computeIfAbsent(new CrmRef(type, id), ref -> linkedItem(type, id, new Random(itemSeed)));
    }

    private static CrmRecord linkedItem(CrmEntityType type, int id, Random random) {
        boolean russian = random.nextBoolean();
        String[] name = person(random, russian);
        switch (type) {
            case CONTACT:
                return new CrmRecord(type, id, "", name[0], name[1], "", phone(random, russian), 0, 0);
            case COMPANY:
                return new CrmRecord(type, id, SandboxNames.company(random, russian), "", "", "",
                        phone(random, russian), 0, 0);
            case LEAD:
                return new CrmRecord(type, id, (russian ? "Заявка: " : "Inquiry: ") + name[0] + " " + name[1],
                        name[0], name[1], SandboxNames.company(random, russian), phone(random, russian), 0, 0);
            default:
                return new CrmRecord(type, id, SandboxNames.dealSubject(random) + " #" + id, "", "", "", "",
                        0, 0);
        }
    }

    /** Contacts, then companies, then leads whose number matches {@code phone} digit for digit (ignoring '+'). */
    List<CrmRecord> byPhone(String phone) {
        String digits = digits(phone);
        List<CrmRecord> found = new ArrayList<>();
        if (digits.isEmpty()) {
            return found;
        }
        for (CrmEntityType type : List.of(CrmEntityType.CONTACT, CrmEntityType.COMPANY, CrmEntityType.LEAD)) {
            for (CrmRecord item : items.get(type)) {
                if (digits(item.phone()).equals(digits)) {
                    found.add(item);
                }
            }
        }
        return found;
    }

    static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }

    private static String[] person(Random random, boolean russian) {
        return SandboxNames.person(random, russian);
    }

    private static String phone(Random random, boolean russian) {
        return SandboxNames.phone(random, russian);
    }
}
