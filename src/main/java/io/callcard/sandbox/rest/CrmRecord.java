package io.callcard.sandbox.rest;

import io.callcard.call.CrmEntityType;

/**
 * One generated CRM item. People (contacts, leads) have a {@code name}/{@code lastName}; companies and deals a
 * {@code title}; a lead carries the {@code companyTitle} typed into it; a deal links a contact and a company by id
 * (0 for none). {@code phone} is empty for deals, which have no phone of their own.
 */
record CrmRecord(CrmEntityType type, int id, String title, String name, String lastName, String companyTitle,
        String phone, int companyId, int contactId) {

    /** The display name Bitrix24 shows for the item: a person's full name, otherwise the title. */
    String displayName() {
        if (name.isEmpty() && lastName.isEmpty()) {
            return title;
        }
        return (name + " " + lastName).trim();
    }
}
