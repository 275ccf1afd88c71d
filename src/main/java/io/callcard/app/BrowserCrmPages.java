package io.callcard.app;

import io.callcard.ui.callcard.CrmPages;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.HostServices;

/** The card's CRM items open in the system browser (JavaFX's HostServices), on the portal the look-ups use. */
final class BrowserCrmPages implements CrmPages {

    private final HostServices host;
    private final Supplier<Optional<String>> origin;

    BrowserCrmPages(HostServices host, Supplier<Optional<String>> origin) {
        this.host = host;
        this.origin = origin;
    }

    @Override
    public Optional<String> portalOrigin() {
        return origin.get();
    }

    @Override
    public void open(String url) {
        host.showDocument(url);
    }
}
