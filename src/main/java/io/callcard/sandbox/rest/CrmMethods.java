package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CrmEntityType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM look-ups: {@code crm.item.get} (camelCase, 400 NOT_FOUND), the legacy {@code crm.contact.get} (UPPER_CASE
 * strings, errors with an empty code) and {@code telephony.externalCall.searchCrmEntities} (who has this number).
 * Each keeps its own generation's conventions, because a client must cope with all three at once.
 */
final class CrmMethods {

    private final SandboxCrm crm;

    private CrmMethods(SandboxCrm crm) {
        this.crm = crm;
    }

    static void register(Map<String, MethodEntry> methods, SandboxCrm crm) {
        CrmMethods these = new CrmMethods(crm);
        methods.put("crm.item.get", new MethodEntry("crm", these::itemGet));
        methods.put("crm.contact.get", new MethodEntry("crm", these::contactGet));
        methods.put("telephony.externalcall.searchcrmentities", new MethodEntry("telephony", these::searchByPhone));
    }

    private RestResult itemGet(RestCall call) {
        int typeId = call.positiveInt("entityTypeId");
        int id = call.positiveInt("id");
        Optional<CrmRecord> found = Arrays.stream(CrmEntityType.values())
                .filter(type -> type.entityTypeId() == typeId)
                .findFirst()
                .flatMap(type -> crm.find(type, id));
        CrmRecord item = found.orElseThrow(RestError::notFound);
        ObjectNode fields = Json.object().put("id", item.id());
        switch (item.type()) {
            case LEAD:
                fields.put("title", item.title()).put("name", item.name()).put("lastName", item.lastName())
                        .put("companyTitle", item.companyTitle());
                break;
            case CONTACT:
                fields.put("name", item.name()).put("lastName", item.lastName());
                putLink(fields, "companyId", item.companyId());
                break;
            case COMPANY:
                fields.put("title", item.title());
                break;
            default: // DEAL
                fields.put("title", item.title());
                putLink(fields, "contactId", item.contactId());
                putLink(fields, "companyId", item.companyId());
                break;
        }
        fields.put("assignedById", ProfileMethods.ADMIN_ID);
        ObjectNode result = Json.object();
        result.set("item", fields);
        return RestResult.of(result);
    }

    private RestResult contactGet(RestCall call) {
        int id = call.positiveInt("id");
        if (id < 0) {
            throw RestError.legacy("ID is not defined or invalid.");
        }
        CrmRecord contact = crm.find(CrmEntityType.CONTACT, id).orElseThrow(() -> RestError.legacy("Not found"));
        ObjectNode fields = Json.object()
                .put("ID", Integer.toString(contact.id()))
                .put("NAME", contact.name())
                .put("SECOND_NAME", "")
                .put("LAST_NAME", contact.lastName());
        if (contact.companyId() > 0) {
            fields.put("COMPANY_ID", Integer.toString(contact.companyId()));
        } else {
            fields.putNull("COMPANY_ID");
        }
        fields.put("ASSIGNED_BY_ID", Integer.toString(ProfileMethods.ADMIN_ID)).put("HAS_PHONE", "Y");
        fields.putArray("PHONE").addObject()
                .put("ID", Integer.toString(1000 + contact.id()))
                .put("VALUE_TYPE", "WORK")
                .put("VALUE", contact.phone())
                .put("TYPE_ID", "PHONE");
        return RestResult.of(fields);
    }

    private RestResult searchByPhone(RestCall call) {
        ArrayNode entities = Json.array();
        for (CrmRecord item : crm.byPhone(call.text("PHONE_NUMBER"))) {
            ObjectNode entity = entities.addObject()
                    .put("CRM_ENTITY_TYPE", item.type().name())
                    .put("CRM_ENTITY_ID", item.id())
                    .put("ASSIGNED_BY_ID", ProfileMethods.ADMIN_ID)
                    .put("NAME", item.displayName());
            entity.putObject("ASSIGNED_BY")
                    .put("ID", Integer.toString(ProfileMethods.ADMIN_ID))
                    .put("TIMEMAN_STATUS", "opened")
                    .put("USER_PHONE_INNER", "101")
                    .put("WORK_PHONE", "")
                    .put("PERSONAL_PHONE", "")
                    .put("PERSONAL_MOBILE", "");
        }
        return RestResult.of(entities);
    }

    private static void putLink(ObjectNode fields, String key, int id) {
        if (id > 0) {
            fields.put(key, id);
        } else {
            fields.putNull(key);
        }
    }
}
