package io.callcard.app.cli;

import java.util.List;

/**
 * The scopes of an inbound webhook the companion's own REST requests need beyond {@code user} (without which
 * {@code user.current} fails and the connection test with it), each with what it gives: the lines
 * {@code callcard portal test} prints, so an administrator sees what works and what a missing scope takes away
 * (setup.md step 4). {@code placement} is not among them: registering the widget needs the local application, never
 * a webhook (protocol.md §1).
 */
enum CompanionScope {

    CRM("crm", "cli.portal.scope.crm.offered", "cli.portal.scope.crm.missing"),
    TELEPHONY("telephony", "cli.portal.scope.telephony.offered", "cli.portal.scope.telephony.missing");

    private final String scope;
    private final String offeredKey;
    private final String missingKey;

    CompanionScope(String scope, String offeredKey, String missingKey) {
        this.scope = scope;
        this.offeredKey = offeredKey;
        this.missingKey = missingKey;
    }

    /** The scope's name as Bitrix24's {@code scope} method lists it. */
    String scope() {
        return scope;
    }

    boolean grantedBy(List<String> scopes) {
        return scopes.contains(scope);
    }

    /** The message key of the line that says what this scope gives, or what its absence takes away. */
    String lineKey(List<String> scopes) {
        return grantedBy(scopes) ? offeredKey : missingKey;
    }
}
