package io.callcard.app;

import io.callcard.call.CallCardChannel;
import io.callcard.listener.SeedTransportLink;
import io.callcard.portal.PortalException;
import io.callcard.ui.shell.ShellViewModel;
import io.callcard.ui.shell.ShellViewModel.StatusKind;
import io.callcard.ui.shell.SourceFacts.SeedTransport;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the seed REST transport's answer means for the window: accepted, it carries the hold button's commands (the
 * widget's page still first whenever one is open) and the status line names it as the live channel; refused, or not
 * reachable, nothing changes, and the widget stays the channel (the link logged why, once).
 */
final class SeedTransportStatus implements SeedTransportLink.Report {

    private final ShellViewModel shell;
    private final Executor ui;
    private final String portalHost;
    private final Consumer<CallCardChannel> holdButton;
    /** How the one try went, for the window's source line. */
    private volatile SeedTransport outcome = SeedTransport.NOT_TRIED;

    /** @param holdButton where the channel goes for the hold button (and the follower, when calls are followed) */
    SeedTransportStatus(ShellViewModel shell, Executor ui, String portalHost, Consumer<CallCardChannel> holdButton) {
        this.shell = Objects.requireNonNull(shell, "shell");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.portalHost = Objects.requireNonNull(portalHost, "portalHost");
        this.holdButton = Objects.requireNonNull(holdButton, "holdButton");
    }

    @Override
    public void live(CallCardChannel channel, boolean eventsBound) {
        outcome = SeedTransport.LIVE;
        holdButton.accept(channel);
        ui.execute(() -> shell.showStatus(StatusKind.OK, "status.liveSeed", portalHost));
    }

    @Override
    public void refused(PortalException refusal) {
        // today's portals: the widget is the channel, as the status line already says (and the source line)
        outcome = SeedTransport.REFUSED;
    }

    @Override
    public void failed(PortalException failure) {
        // the widget is the channel; the link logged why the seed transport could not be tried
        outcome = SeedTransport.FAILED;
    }

    /** How the seed transport's try went so far. */
    SeedTransport outcome() {
        return outcome;
    }
}
