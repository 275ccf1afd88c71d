package io.callcard.app;

import io.callcard.config.PortalSettings;
import io.callcard.config.Settings;
import io.callcard.config.SettingsException;
import io.callcard.config.SettingsStore;
import io.callcard.listener.WidgetAuth;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the portal's {@code member_id} once the first widget load from the configured portal named it: the listener
 * pins it for this run (trust on first use), and this writes it to {@code settings.json} so that from then on only
 * that portal's widget is served, across restarts too. Does nothing while no portal is configured, when the id is
 * already saved, or for a load from another domain. The save runs on {@code io}, off the listener's thread.
 */
final class MemberIdPin implements Consumer<WidgetAuth> {

    private static final Logger log = LoggerFactory.getLogger(MemberIdPin.class);

    private final SettingsStore store;
    private final Settings settings;
    private final Executor io;
    private final Consumer<String> notSaved;
    private final AtomicBoolean pinned = new AtomicBoolean();

    /** {@code notSaved} hears why, when the id could not be written (on {@code io}): the user should know. */
    MemberIdPin(SettingsStore store, Settings settings, Executor io, Consumer<String> notSaved) {
        this.store = store;
        this.settings = settings;
        this.io = io;
        this.notSaved = notSaved;
    }

    @Override
    public void accept(WidgetAuth auth) {
        PortalSettings portal = settings.portal();
        String id = auth.memberId() == null ? null : auth.memberId().trim();
        if (portal == null || portal.memberId() != null || portal.host() == null || id == null
                || !PortalSettings.isMemberId(id) || !sameHost(portal.host(), auth.domain())
                || !pinned.compareAndSet(false, true)) {
            return;
        }
        io.execute(() -> save(portal.host(), id));
    }

    /** Read, changed and written as one step: the file may have changed since start-up (the settings window). */
    private void save(String host, String id) {
        try {
            store.update(now -> {
                PortalSettings saved = now.portal();
                boolean stillThatPortal = saved != null && host.equals(saved.host()) && saved.memberId() == null;
                return stillThatPortal ? now.withPortal(saved.withMemberId(id)) : now;
            });
            log.info("The portal's member id is now saved: only {}'s widget is served from now on", host);
        } catch (SettingsException e) {
            log.warn("The portal's member id could not be saved ({}); it is pinned for this run only", e.detail());
            notSaved.accept(e.detail());
        }
    }

    /** DOMAIN may carry a port (on-premise portals). */
    private static boolean sameHost(String host, String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        int colon = d.lastIndexOf(':');
        return d.equals(host) || colon > 0 && d.substring(0, colon).equals(host);
    }
}
