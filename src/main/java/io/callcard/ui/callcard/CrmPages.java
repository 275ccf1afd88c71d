package io.callcard.ui.callcard;

import java.util.Optional;

/**
 * Where the card's CRM items open: the portal's own pages, in the system browser. An interface so the view-model
 * stays plain Java; the application gives one backed by JavaFX's HostServices.
 */
public interface CrmPages {

    /** No portal pages: the card lists its items without links. */
    CrmPages NONE = new CrmPages() {
        @Override
        public Optional<String> portalOrigin() {
            return Optional.empty();
        }

        @Override
        public void open(String url) {
            throw new IllegalStateException("no portal pages to open");
        }
    };

    /**
     * The portal's origin, {@code https://host[:port]} without a trailing slash, asked at each snapshot; empty when
     * there is no page to open (no portal connection, or the sandbox, which has no CRM pages).
     */
    Optional<String> portalOrigin();

    /** Opens {@code url} in the system browser; returns at once. */
    void open(String url);
}
