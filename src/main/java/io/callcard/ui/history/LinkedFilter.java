package io.callcard.ui.history;

/** The CRM filter's choices: every call, calls linked to a CRM item, calls linked to none. */
public enum LinkedFilter {
    ALL(null), LINKED(Boolean.TRUE), UNLINKED(Boolean.FALSE);

    private final Boolean linked;

    LinkedFilter(Boolean linked) {
        this.linked = linked;
    }

    /** The query's {@code linked}: null for both. */
    Boolean linked() {
        return linked;
    }
}
