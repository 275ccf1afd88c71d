package io.callcard.app;

import io.callcard.app.history.RecurringStatisticsImport;
import io.callcard.call.CallCardChannel;
import io.callcard.call.CallFollower;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.call.CallerNumber;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStoreException;
import io.callcard.config.SecretStores;
import io.callcard.prefs.Preferences;
import io.callcard.config.PreferencesStore;
import io.callcard.config.Settings;
import io.callcard.config.SettingsException;
import io.callcard.config.SettingsStore;
import io.callcard.history.CallHistory;
import io.callcard.history.HistoryProblem;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.listener.InputChannel;
import io.callcard.listener.InputHeard;
import io.callcard.listener.ListenerStartException;
import io.callcard.listener.LoopbackListener;
import io.callcard.listener.SeedTransportLink;
import io.callcard.numbers.PhoneNumbers;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalIdentity;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.sandbox.BuiltInScenarios;
import io.callcard.sandbox.SandboxPortal;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.threads.BackgroundFailure;
import io.callcard.threads.BackgroundFailures;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.LatestValueRelay;
import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.history.HistoryModels;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.settings.AboutFacts;
import io.callcard.ui.settings.SettingsViewModel;
import io.callcard.ui.shell.ShellViewModel;
import io.callcard.ui.shell.ShellViewModel.StatusKind;
import io.callcard.ui.shell.SourceFacts;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All the wiring, by constructors. The constructor only makes plain objects (cheap, on the FX thread);
 * {@link #startServices} opens files and sockets on a background thread after the window is visible.
 */
final class AppContext implements AutoCloseable {

    /** The demo plays the same calls every time, so the README's screenshots and a new user's first look agree. */
    static final long SANDBOX_SEED = 1;
    static final String STARTUP_THREAD = "startup-io";
    static final String SETTINGS_THREAD = "settings-io";
    static final String HISTORY_READS_THREAD = "history-reads";
    static final String HISTORY_FOLLOW_THREAD = "history-follow";
    /** The least time between two readings of the open full history as calls are written: a few a second at most. */
    static final Duration FOLLOW_GAP = Duration.ofMillis(250);
    static final String HISTORY_EXPORT_THREAD = "history-export";
    /** A save under way at close gets this long to finish (a settings file is a few hundred bytes). */
    private static final Duration SETTINGS_GRACE = Duration.ofMillis(300);
    /** How long closing waits for the sandbox's post in flight; the listener it posts to closes next anyway. */
    private static final Duration SANDBOX_PATIENCE = Duration.ofMillis(200);

    private final StartupOptions options;
    private final Executor ui;
    private final Clock clock = Clock.systemUTC();
    private final CallTracker tracker = new CallTracker();
    private final ShellViewModel shell;
    private final CompletableFuture<Void> servicesReady = new CompletableFuture<>();
    private final Messages messages;

    private volatile LoopbackListener listener;
    private final Object sandboxLock = new Object();
    /** Guarded by {@link #sandboxLock}: the sandbox runs only until the first real portal's widget is seen. */
    private SandboxPortal sandbox;
    private boolean realPortalSeen;
    /** Guarded by {@link #sandboxLock}: the sandbox was chosen at start-up (no portal configured, or --sandbox). */
    private boolean sandboxChosen;
    /** Guarded by {@link #sandboxLock}: once closed, start-up still under way opens nothing more. */
    private boolean closed;
    /** Guarded by {@link #sandboxLock}: the sandbox's REST server, whose statistics tell its calls' outcomes. */
    private SandboxRestServer sandboxRest;
    private PortalClient sandboxClient;
    private volatile LookupCredentials lookupCredentials;
    private volatile CallOutcomes outcomes;
    private volatile CrmNameLookups crmNames;
    /** The card's notes on their way to the CRM timeline, kept in the data folder. */
    private volatile NoteOutbox notes;
    private final AutoCloseable failureNotices;
    private volatile WidgetPortalLink widgetLink;
    /** Proves each widget form's token before the listener lets it near the card. */
    private volatile PortalWidgetProof widgetProof;
    /** The in-process sandbox REST server's address while it runs: it proves the sandbox widget's tokens. */
    private volatile String sandboxRestAddress;
    /** Read once at start-up; with it the companion holds each running call's card itself ({@link CallFollower}). */
    private volatile boolean followCallsToEnd;
    /** Guarded by this: the follower's subscription, replaced when the hold button's channel is. */
    private AutoCloseable following = () -> { };
    /** The agent's portal user id, once a widget's sign-in told it; null until then. */
    private volatile String agentUserId;
    /** Guarded by {@link #sandboxLock}: the seed REST transport tried at start-up with a configured portal. */
    private SeedTransportLink seedLink;
    /** One thread for the settings window's disk and portal work, so its commands run in the order sent. */
    private final ExecutorService settingsIo = BackgroundThreads.singleThread(SETTINGS_THREAD);
    private SettingsViewModel settings;
    private final PreferencesModel preferences;
    private final List<String> preferencesSkipped;
    // the source line under the card (CardSourceWatch): what the application knows of its channels
    private volatile CardSourceWatch sourceWatch;
    private volatile boolean listenerFailed;
    private volatile SeedTransportStatus seedStatus;
    /** Whether the configured portal's member_id was saved: its widget loaded on this computer before. */
    private volatile boolean widgetLoadedBefore;
    /** When the server events last told of an answered call no widget reported; null if never. */
    private volatile Instant widgetAbsentAt;
    /** The call history and its recorder, once opened after the first frame; null while not (or not openable). */
    private volatile HistoryRecording recording;

    // the history's panes (issue 13): made after the first frame, reading the store once it is opened
    private HistoryModels historyPanes;
    private volatile ExecutorService historyReads;
    private volatile ExecutorService historyExports;
    private volatile LatestValueRelay<Boolean> historyWrites;
    private volatile ScheduledExecutorService historyFollow;
    /** The history's last problem, for the panes' words when the file could not be opened. */
    private volatile HistoryProblem historyProblem;
    /** The setting "fill in the history from the portal's call records", once started; null while off. */
    private volatile RecurringStatisticsImport statisticsImport;
    /** Whether that setting is on: a history opened anew later (moved aside) starts the import then. */
    private volatile boolean importCallRecords;
    /** The history opened read-only as the agent's way out of a newer or held file; null while not. */
    private volatile CallHistory readOnlyHistory;

    AppContext(StartupOptions options, Messages messages, Executor ui) {
        this.options = options;
        this.ui = ui;
        this.messages = messages;
        // read before the first frame: its theme, language and mode depend on them (a small properties file)
        PreferencesStore.Loaded loaded = new PreferencesStore(options.paths().configDir()).load();
        this.preferences = new PreferencesModel(loaded.preferences(), this::savePreferences);
        this.preferencesSkipped = loaded.skipped();
        CallCardViewModel callCard = new CallCardViewModel(messages, clock, ui);
        // numbers: read in the agent's region, else the portal's; copied as dialled to the system clipboard
        callCard.usePreferences(preferences);
        callCard.usePortalLanguage(() -> PortalDomainLanguage.of(crmPortalOrigin()));
        callCard.useClipboard(new SystemNumberClipboard());
        this.shell = new ShellViewModel(messages, callCard);
        LatestValueRelay<CallSnapshot> toCard = new LatestValueRelay<>(ui, callCard::apply);
        tracker.subscribe(update -> toCard.accept(update.current()));
        this.failureNotices = BackgroundFailures.listen(this::backgroundFailed);
        tracker.subscribe(new WidgetAbsenceWatch(() -> Optional.ofNullable(agentUserId), this::widgetDidNotLoad));
        tracker.subscribe(shell.missedCalls().watcher(ui));
    }

    ShellViewModel shell() {
        return shell;
    }

    /** Today's calls and the full history's view-models, made on first use (after the first frame). FX thread. */
    HistoryModels historyPanes() {
        if (historyPanes == null) {
            historyReads = BackgroundThreads.singleThread(HISTORY_READS_THREAD);
            historyExports = BackgroundThreads.singleThread(HISTORY_EXPORT_THREAD);
            historyPanes = new HistoryModels(messages, Clock.systemDefaultZone(), untilClosed(historyReads),
                    untilClosed(historyExports), ui);
            HistoryModels panes = historyPanes;
            historyWrites = new LatestValueRelay<>(ui, written -> panes.callsChanged());
            // the open full view reads again at most every FOLLOW_GAP however fast calls are written (a seed, a run)
            historyFollow = BackgroundThreads.scheduler(HISTORY_FOLLOW_THREAD);
            ScheduledExecutorService gaps = historyFollow;
            panes.paceFollowing(gapEnds -> {
                try {
                    gaps.schedule(() -> ui.execute(gapEnds), FOLLOW_GAP.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closing) {
                    // the companion is closing: no view left to follow the history in
                }
            });
            panes.use(new HistoryWayOuts(options.paths().dataDir().resolve(SqliteCallHistory.FILE_NAME), historyReads,
                    () -> recording != null || readOnlyHistory != null, this::historyMovedAside,
                    this::historyOpenedReadOnly));
        }
        return historyPanes;
    }

    /**
     * The panes' work goes to {@code thread} until the companion closes it; a read asked for after that (the last
     * writes landing while the window closes) has no window left to show it in, so it is dropped, not an error.
     */
    private static Executor untilClosed(ExecutorService thread) {
        return task -> {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException closing) {
                // the companion is closing: nothing to read or export for
            }
        };
    }

    /** The history's store opened: the panes read it from now on. Any thread. */
    void historyOpened(CallHistory history) {
        ui.execute(() -> historyPanes().attach(history));
    }

    /** The history's store could not be opened: the panes say why, with its ways out. Any thread. */
    void historyUnavailable(HistoryProblem why) {
        String words = messages.get("history.unavailable", why == null ? "" : why.getMessage());
        ui.execute(() -> historyPanes().unavailable(words, HistoryWayOuts.offeredFor(why)));
    }

    /** The damaged file was moved aside (the agent asked): the history opens anew, as at start-up. History thread. */
    private void historyMovedAside(String movedTo) {
        log().info("Call history: the damaged file was moved aside to {}", movedTo);
        openHistory();
        if (recording != null) {
            status(StatusKind.OK, "status.history.startedAnew", movedTo);
            if (importCallRecords && statisticsImport == null && lookupCredentials != null) {
                startStatisticsImport(); // it could not start without a history
            }
        }
    }

    /** The history file was opened read-only (the agent asked): the panes read it, nothing records. History thread. */
    private void historyOpenedReadOnly(CallHistory opened) {
        synchronized (sandboxLock) {
            if (closed) {
                opened.close();
                return;
            }
            readOnlyHistory = opened;
        }
        status(StatusKind.WARNING, "status.history.readOnly");
        historyOpened(opened);
    }

    /**
     * Writes reached the history's disk: today's list reads again (once for a burst of writes). Any thread; the
     * recorder calls it as each batch's future completes.
     */
    void historyWritten() {
        LatestValueRelay<Boolean> relay = historyWrites;
        if (relay != null) {
            relay.accept(Boolean.TRUE);
        }
    }

    /** The agent's preferences, applied at once wherever they are changed (FX thread). */
    PreferencesModel preferences() {
        return preferences;
    }

    /**
     * Hands every call snapshot, in order and none skipped (unlike the card's relay, which keeps only the newest), to
     * {@code onUi} on the FX thread: for notifications, which must not miss a ring. Close the result to stop.
     */
    AutoCloseable followCalls(java.util.function.Consumer<CallSnapshot> onUi) {
        return tracker.subscribe(update -> ui.execute(() -> onUi.accept(update.current())));
    }

    /** Keys of {@code preferences.properties} that were refused at start (empty when all were used). */
    List<String> preferencesSkipped() {
        return preferencesSkipped;
    }

    /** Persists changed preferences on the settings thread, in the order they were changed. */
    private void savePreferences(Preferences changed) {
        PreferencesStore store = new PreferencesStore(options.paths().configDir());
        settingsIo.execute(() -> {
            try {
                store.save(changed);
            } catch (IOException | IllegalArgumentException e) {
                log().warn("Preferences not saved to {}: {}", store.file(), e.getMessage());
                status(StatusKind.WARNING, "status.preferencesNotSaved", store.file(), e.getMessage());
            }
        });
    }

    /** The portal whose CRM pages the card's items open on, if any (see {@link LookupCredentials#portalOrigin}). */
    Optional<String> crmPortalOrigin() {
        LookupCredentials credentials = lookupCredentials;
        return credentials == null ? Optional.empty() : credentials.portalOrigin();
    }

    /**
     * The settings window's view-model, made when first opened (FX thread). Its saves take effect at the next start
     * (the listener and the portal are opened once, at start-up); its window preferences apply at once through
     * {@link #preferences()}.
     */
    SettingsViewModel settings() {
        if (settings == null) {
            settings = new SettingsViewModel(messages,
                    new AsyncPortalConnector(options.paths().configDir(), messages, settingsIo),
                    new AsyncSettingsStore(options.paths().configDir(), messages, settingsIo),
                    new AsyncApplicationToken(options.paths().configDir(), messages, settingsIo), preferences, ui);
            AppPaths paths = options.paths();
            settings.describe(new AboutFacts(AppVersion.current(), paths.configDir(), paths.dataDir(), paths.logDir()));
        }
        return settings;
    }

    CallTracker tracker() {
        return tracker;
    }

    LoopbackListener listener() {
        return listener;
    }

    WidgetPortalLink widgetLink() {
        return widgetLink;
    }

    /** The call history, once opened after the first frame; empty before, or when its file could not be opened. */
    Optional<CallHistory> history() {
        HistoryRecording open = recording;
        return open == null ? Optional.empty() : Optional.of(open.history());
    }

    /** Completes when the listener (and the sandbox, if used) run, or exceptionally when they could not start. */
    CompletableFuture<Void> servicesReady() {
        return servicesReady;
    }

    void startServices() {
        sourceWatch = CardSourceWatch.start(this::sourceFacts, clock, ui, words -> shell.source().show(words));
        BackgroundThreads.start(STARTUP_THREAD, this::openServices);
    }

    /** What the application knows now of where the card's data comes from (the source line; any thread). */
    SourceFacts sourceFacts() {
        LoopbackListener open = listener;
        if (open == null) {
            return listenerFailed ? new SourceFacts(SourceFacts.Listening.FAILED, false, null, false, null, null,
                    SourceFacts.SeedTransport.NOT_TRIED, false, false, false, false) : SourceFacts.STARTING;
        }
        boolean sandboxPlays;
        SeedTransportLink seed;
        synchronized (sandboxLock) {
            sandboxPlays = sandbox != null;
            seed = seedLink;
        }
        InputHeard heard = open.heard();
        Instant widget = heard.last(InputChannel.WIDGET_BRIDGE).orElse(null);
        Instant absent = widgetAbsentAt;
        SeedTransportStatus seedTry = seedStatus;
        CallSnapshot call = tracker.current();
        return new SourceFacts(SourceFacts.Listening.LISTENING, sandboxPlays, widget, open.widgetPageOpen(),
                heard.last(InputChannel.SERVER_EVENTS).orElse(null), heard.last(InputChannel.SEED_TRANSPORT)
                .orElse(null), seedTry == null ? SourceFacts.SeedTransport.NOT_TRIED : seedTry.outcome(),
                seed != null && seed.cardShown(), widgetLoadedBefore || widget != null,
                absent != null && (widget == null || widget.isBefore(absent)),
                call.callId() != null && call.endedAt() == null);
    }

    private void openServices() {
        try {
            openServicesOrFail();
            servicesReady.complete(null);
            PhoneNumbers.warmUp(); // off the FX thread, before the first call's number is read there
        } catch (RuntimeException e) {
            log().error("Start-up failed", e);
            listenerFailed = listener == null;
            status(StatusKind.ERROR, "status.listenerFailed.OTHER", "?", e.getClass().getSimpleName());
            servicesReady.completeExceptionally(e);
        }
    }

    private void openServicesOrFail() {
        IOException folders = null;
        try {
            options.paths().createDirectories();
        } catch (IOException e) {
            folders = e;
        }
        log().info("CallCard Companion {} starting; settings in {}, logs in {}", AppVersion.current(),
                options.paths().configDir(), options.paths().logDir());
        if (folders != null) {
            log().warn("Cannot create the application folders: {}", folders.toString());
        }
        Settings settings = Settings.DEFAULTS;
        String settingsWarning = null;
        SettingsStore store = new SettingsStore(options.paths().configDir());
        try {
            settings = store.load();
        } catch (SettingsException e) {
            log().warn("Settings not used: {}", e.getMessage());
            settingsWarning = e.detail();
        }
        boolean useSandbox = options.sandbox() || settings.portal() == null;
        synchronized (sandboxLock) {
            sandboxChosen = useSandbox;
        }
        openHistory(); // before the listener: the first event it accepts is recorded
        widgetLoadedBefore = settings.portal() != null && settings.portal().memberId() != null;
        ListenerSetup.Decision decision = ListenerSetup.decide(settings, options.port(), this::applicationToken,
                useSandbox);
        int port = decision.config().port();
        LoopbackListener started;
        PortalWidgetProof proof = new PortalWidgetProof(useSandbox ? null : settings.portal().portalUrl(),
                SandboxPortal.PORTAL_DOMAIN, () -> Optional.ofNullable(sandboxRestAddress),
                () -> Optional.ofNullable(agentUserId), this::askToConnect,
                PortalWidgetProof.clientsFor(AppVersion.current(), PortalWidgetProof.TIMEOUT),
                PortalWidgetProof.TIMEOUT);
        widgetProof = proof;
        try {
            started = LoopbackListener.start(decision.config(), tracker, clock, this::applicationToken, proof);
        } catch (ListenerStartException e) {
            log().error("Listener did not start on port {}: {}", port, e.getMessage());
            listenerFailed = true;
            status(StatusKind.ERROR, "status.listenerFailed." + e.reason().name(), String.valueOf(port),
                    e.getMessage());
            servicesReady.completeExceptionally(e);
            return;
        }
        synchronized (sandboxLock) {
            if (closed) {
                started.close(); // the window closed while the listener was starting
                return;
            }
            listener = started;
        }
        String address = listener.address().getAddress().getHostAddress() + ":" + listener.port();
        log().info("Listening on {}", address);
        followCallsToEnd = settings.effectiveFollowCallsToEnd();
        attachHoldButton(listener.callCardChannel()); // the hold button works from now on
        if (settingsWarning != null) {
            status(StatusKind.WARNING, "status.settingsIgnored", store.file(), settingsWarning);
        } else if (!preferencesSkipped.isEmpty()) {
            status(StatusKind.WARNING, "status.preferencesSkipped", String.join(", ", preferencesSkipped),
                    new PreferencesStore(options.paths().configDir()).file());
        } else if (decision.warning().isPresent()) {
            log().warn("Listener kept on loopback: listenerAddress {} needs the application token",
                    settings.effectiveListenerAddress());
            status(StatusKind.WARNING, decision.warningKey(), settings.effectiveListenerAddress(), address);
        } else if (useSandbox) {
            status(StatusKind.OK, "status.listening", address);
        } else {
            status(StatusKind.OK, "status.waitingForPortal", settings.portal().host(), address);
        }
        PortalClient saved = settings.portal() == null ? null
                : LookupCredentials.savedClient(settings.portal(), SecretStores.open(options.paths().configDir()));
        WidgetPortalLink link = new WidgetPortalLink(settings.effectiveOfferWidgetCredentials(),
                settings.portal() == null ? null : settings.portal().portalUrl(), saved != null,
                SandboxPortal.PORTAL_DOMAIN, listener.widgetCredentials(),
                pair -> PortalClient.builder(pair, AppVersion.current()).build(), new WidgetReport());
        widgetLink = link;
        lookupCredentials = new LookupCredentials(saved, link::client);
        outcomes = new CallOutcomes(tracker, lookupCredentials, CallOutcomes.STANDARD_SCHEDULE, clock);
        crmNames = new CrmNameLookups(tracker, lookupCredentials, clock);
        notes = new NoteOutbox(options.paths().dataDir(), lookupCredentials, clock);
        NoteOutbox outbox = notes;
        shell.callCard().note().attach(outbox); // the card's note field works from now on
        importCallRecords = settings.effectiveImportCallRecords();
        if (importCallRecords) {
            startStatisticsImport();
        }
        if (settings.portal() != null) {
            listener.widgetCredentials().watch(new MemberIdPin(store, settings, AppContext::onItsOwnThread,
                    notSaved -> status(StatusKind.WARNING, "status.memberIdNotSaved", store.file(), notSaved)));
        }
        if (!useSandbox) {
            log().info("Portal {} configured: waiting for its call card widget", settings.portal().host());
            startSeedTransport(settings);
            outbox.start(); // notes kept by an earlier run go out now
            return;
        }
        // the sandbox is the default while no portal is configured, and what --sandbox asks for
        startSandbox();
        outbox.start(); // after the sandbox's REST server: the notes of the sandbox's calls land in its CRM
    }

    /**
     * Opens the call history and records every event the tracker applies from now on. A file that cannot be opened
     * is said on the status line, with its way out, and the companion runs on without a history.
     */
    private void openHistory() {
        HistoryRecording.open(options.paths().dataDir(), tracker, this::sandboxPlays, this::historyProblem)
                .ifPresentOrElse(opened -> {
                    synchronized (sandboxLock) {
                        if (!closed) {
                            recording = opened;
                            showHistory(opened);
                            return;
                        }
                    }
                    opened.close(); // the window closed while start-up was under way
                }, () -> historyUnavailable(historyProblem));
    }

    /**
     * Reads the portal's call records into the history every quarter of an hour, with the client that signs the
     * look-ups (so the sandbox's records while it plays); nothing when the history is not open.
     */
    private void startStatisticsImport() {
        HistoryRecording open = recording;
        if (open == null) {
            log().info("The portal's call records are not imported: the call history is not open");
            return;
        }
        RecurringStatisticsImport job = new RecurringStatisticsImport(open.history(), lookupCredentials, clock,
                new PortalImportReport(messages, this::status, this::historyWritten));
        synchronized (sandboxLock) {
            if (closed) {
                return;
            }
            statisticsImport = job;
        }
        job.start(RecurringStatisticsImport.FIRST_DELAY, RecurringStatisticsImport.EVERY);
    }

    /**
     * The history's panes read the opened store, and today's list reads it again once each applied event's writes
     * are on disk (heard after the recorder, so its writes are queued first; the relay asks once for a burst).
     */
    private void showHistory(HistoryRecording opened) {
        historyOpened(opened.history());
        tracker.hearEveryEvent(applied -> opened.recorder().drained().thenRun(this::historyWritten));
    }

    /**
     * Whether the calls heard now are the sandbox's: it was chosen at start-up and no real portal's widget came since.
     * Not whether it still plays: its last events (the card closing as the window closes) are the sandbox's too.
     */
    private boolean sandboxPlays() {
        synchronized (sandboxLock) {
            return sandboxChosen && !realPortalSeen;
        }
    }

    /** The history could not be opened, or refused a write (reported once until a write succeeds again). */
    private void historyProblem(HistoryProblem problem) {
        historyProblem = problem;
        log().warn("Call history: {} ({})", problem.getMessage(), problem.kind());
        status(StatusKind.ERROR, HistoryRecording.messageKey(problem), problem.getMessage());
    }

    /**
     * The hold button's commands go to the card from now on; with "follow calls to the end" the companion also holds
     * each running call's card itself, and the button goes through the follower so the agent's choice wins.
     */
    private synchronized void attachHoldButton(CallCardChannel channel) {
        if (!followCallsToEnd) {
            shell.callCard().attach(channel);
            return;
        }
        closeQuietly(following); // the follower of the channel this one replaces
        CallFollower follower = new CallFollower(channel);
        following = tracker.subscribe(follower);
        shell.callCard().attach(follower.agentChannel(), follower);
        log().info("Following calls to the end: the call card is held open while a call runs");
    }

    /** Server events told of a call the widget never reported: Bitrix24 did not load it for that call. */
    private void widgetDidNotLoad(CallSnapshot call) {
        log().warn("No widget reported call {}: the companion is probably not the call card's first application",
                call.callId());
        widgetAbsentAt = clock.instant();
        CallerNumber phone = call.phone();
        String number = phone.kind() == CallerNumber.Kind.KNOWN ? phone.value()
                : messages.get(phone.kind() == CallerNumber.Kind.HIDDEN ? "card.phone.hidden" : "card.phone.unknown");
        status(StatusKind.WARNING, "status.widgetNotLoaded", number);
    }

    /**
     * Tries the portal's seed REST transport (protocol.md §1): if it answers {@code placement.call}, it is a live
     * channel beside the widget and the status line names it; if not, it cost one request and the widget stays the
     * channel.
     */
    private void startSeedTransport(Settings settings) {
        SeedTransportStatus report = new SeedTransportStatus(shell, ui, settings.portal().host(),
                this::attachHoldButton);
        seedStatus = report;
        SecretStore secrets = SecretStores.open(options.paths().configDir());
        SeedTransportStart.start(settings.portal(), secrets, listener, report).ifPresent(link -> {
            synchronized (sandboxLock) {
                if (!closed) {
                    seedLink = link;
                    return;
                }
            }
            link.close(); // the window closed while start-up was under way
        });
    }

    /**
     * The window asks the agent whether {@code domain} may connect (sandbox mode: a widget of a portal not configured);
     * the answer comes back on the UI thread, which only hands it on.
     */
    private void askToConnect(String domain, java.util.function.Consumer<Boolean> answer) {
        ui.execute(() -> shell.askToConnect(domain, answer));
    }

    /** For rare one-off I/O that must leave the thread it was noticed on. */
    private static void onItsOwnThread(Runnable task) {
        BackgroundThreads.start("settings-save", task);
    }

    /**
     * The portal's application token, if stored. An unreadable store is logged, said in the window (the portal's
     * event posts are refused without the token), and treated as none.
     */
    private Optional<String> applicationToken() {
        try {
            return SecretStores.open(options.paths().configDir()).read(SecretKeys.APPLICATION_TOKEN);
        } catch (SecretStoreException e) {
            log().warn("The application token could not be read: {}", e.getMessage());
            status(StatusKind.WARNING, "status.secretsUnreadable", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A background thread failed (already logged with its cause): say in the window what it means. The sandbox's
     * thread ending means no more simulated calls; anything else is a bug whose consequences we cannot name.
     */
    private void backgroundFailed(BackgroundFailure failure) {
        String cause = failure.cause().getClass().getSimpleName()
                + (failure.cause().getMessage() == null ? "" : ": " + failure.cause().getMessage());
        if (failure.isOn(SandboxPortal.THREAD_NAME)) {
            SandboxPortal dead;
            synchronized (sandboxLock) {
                dead = sandbox;
                sandbox = null;
            }
            if (dead != null) {
                dead.close(); // its widget's command loop too; on the dead thread itself, so it waits for nothing
            }
            ui.execute(() -> shell.showSandbox(false));
            status(StatusKind.ERROR, "status.sandboxStopped", cause);
        } else {
            status(StatusKind.ERROR, "status.backgroundFailed", failure.thread(), cause);
        }
    }

    private void startSandbox() {
        Scenario scenario = options.scenario() != null ? options.scenario() : BuiltInScenarios.demo();
        synchronized (sandboxLock) {
            if (realPortalSeen || closed) {
                return; // a real card's widget arrived, or the window closed, while start-up was still under way
            }
            SandboxPortal portal = new SandboxPortal(listener.baseUri(), scenario, SANDBOX_SEED,
                    options.sandboxSpeed());
            openSandboxRest(portal);
            portal.start();
            sandbox = portal;
        }
        ui.execute(() -> shell.showSandbox(true));
        log().info("Sandbox portal playing scenario '{}' at speed {}", scenario.name(), options.sandboxSpeed());
    }

    /**
     * The sandbox portal's REST server, on a free loopback port: its statistics record each played call a few seconds
     * after it ends, and its webhook signs the outcome look-ups, so the default run shows outcomes as a real portal
     * gives them. Without it the sandbox still plays; outcomes are then unavailable. Under {@link #sandboxLock}.
     */
    private void openSandboxRest(SandboxPortal portal) {
        try {
            sandboxRest = SandboxRestServer.builder().seed(SANDBOX_SEED).start(); // closed at close() whatever follows
            sandboxClient = PortalClient.builder(WebhookUrl.parse(sandboxRest.webhookUrl()), AppVersion.current())
                    .build();
            SandboxRestServer rest = sandboxRest;
            portal.recordCallsIn(rest);
            portal.authorisedBy(rest); // its widget's forms carry tokens this server proves
            sandboxRestAddress = rest.baseUri().toString().replaceAll("/+$", "");
            lookupCredentials.useSandbox(sandboxClient);
        } catch (RuntimeException | WebhookUrlException e) {
            log().warn("The sandbox's REST server did not start; call outcomes stay unknown: {}", e.toString());
        }
    }

    /** Stops the sandbox's REST server and its client; null-safe. */
    private static void closeSandboxRest(SandboxRestServer rest, PortalClient client) {
        if (client != null) {
            client.close();
        }
        if (rest != null) {
            rest.close();
        }
    }

    /** What a real portal's widget loads mean for the window. */
    private final class WidgetReport implements WidgetPortalLink.Report {
        @Override
        public void realPortalSeen(String domain) {
            SandboxPortal stopped;
            SandboxRestServer rest;
            PortalClient restClient;
            sandboxRestAddress = null; // its server closes now: a late sandbox form stays unproven
            synchronized (sandboxLock) {
                realPortalSeen = true;
                stopped = sandbox;
                sandbox = null;
                rest = sandboxRest;
                restClient = sandboxClient;
                sandboxRest = null;
                sandboxClient = null;
            }
            LookupCredentials credentials = lookupCredentials;
            if (credentials != null) {
                credentials.useSandbox(null); // the real portal's calls are not in the sandbox's records
            }
            closeSandboxRest(rest, restClient);
            if (stopped != null) {
                // a real call card is talking to us: simulated calls would now only get in its way
                log().info("The call card of {} opened the widget: the sandbox stops", domain);
                stopped.close();
                ui.execute(() -> shell.showSandbox(false));
            }
            status(StatusKind.OK, "status.realPortal", domain);
        }

        @Override
        public void signedIn(String domain, PortalIdentity identity) {
            agentUserId = identity.userId();
            status(StatusKind.OK, "status.widgetSignedIn", domain, identity.userName());
        }

        @Override
        public void signInFailed(String domain, PortalError error) {
            status(StatusKind.WARNING, "status.widgetSignInFailed", domain, messages.get(error.messageKey()));
        }
    }

    private void status(StatusKind kind, String key, Object... args) {
        ui.execute(() -> shell.showStatus(kind, key, args));
    }

    /** Looked up when first needed, off the FX thread: Logback configures itself on first use. */
    private static Logger log() {
        return LoggerFactory.getLogger(AppContext.class);
    }

    /**
     * Stops everything, outside in, once: the sandbox (nothing more is posted to the listener), the outcome look-ups
     * and the sandbox's REST server they asked, the widget sign-in and the saved portal's client,
     * the listener (its port is free, its threads end), the tracker (what it was given is applied), the call history
     * (what the tracker applied is on disk), the settings thread (a save under way finishes). Then the last log line says so, with the time each took.
     */
    @Override
    public void close() {
        SandboxPortal playing;
        SeedTransportLink seed;
        SandboxRestServer rest;
        PortalClient restClient;
        synchronized (sandboxLock) {
            if (closed) {
                return;
            }
            closed = true;
            playing = sandbox;
            sandbox = null;
            seed = seedLink;
            rest = sandboxRest;
            restClient = sandboxClient;
            sandboxRest = null;
            sandboxClient = null;
        }
        CallOutcomes lookingUp = outcomes;
        CrmNameLookups naming = crmNames;
        NoteOutbox noting = notes;
        LookupCredentials credentials = lookupCredentials;
        WidgetPortalLink link = widgetLink;
        PortalWidgetProof proving = widgetProof;
        LoopbackListener open = listener;
        HistoryRecording recorded = recording;
        RecurringStatisticsImport importing = statisticsImport;
        CallHistory readOnly = readOnlyHistory;
        closeQuietly(failureNotices); // the window is going: failures from now on are logged only
        CardSourceWatch source = sourceWatch;
        new ShutdownSequence()
                .then("source line", () -> closeIfMade(source))
                .then("sandbox portal", () -> {
                    if (playing != null) {
                        playing.close(SANDBOX_PATIENCE);
                    }
                })
                .then("portal's call records", () -> closeIfMade(importing))
                .then("call outcomes", () -> closeIfMade(lookingUp))
                .then("CRM names", () -> closeIfMade(naming))
                .then("note outbox", () -> closeIfMade(noting))
                .then("sandbox REST server", () -> closeSandboxRest(rest, restClient))
                .then("widget sign-in", () -> closeIfMade(link))
                .then("saved portal client", () -> closeIfMade(credentials))
                .then("seed transport", () -> closeIfMade(seed))
                .then("listener", () -> closeIfMade(open))
                .then("widget proof", () -> closeIfMade(proving))
                .then("call tracker", tracker)
                .then("call history", () -> closeIfMade(recorded)) // after the tracker: its last events are kept
                .then("read-only call history", () -> closeIfMade(readOnly))
                .then("settings thread", () -> BackgroundThreads.stop(settingsIo, SETTINGS_GRACE))
                .then("history reads", () -> {
                    if (historyReads != null) {
                        BackgroundThreads.stop(historyReads, SETTINGS_GRACE);
                        BackgroundThreads.stop(historyExports, SETTINGS_GRACE);
                        BackgroundThreads.stop(historyFollow, SETTINGS_GRACE);
                    }
                })
                .run(log());
    }

    private static void closeIfMade(AutoCloseable part) throws Exception {
        if (part != null) {
            part.close();
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception impossible) {
            log().warn("Could not end a subscription", impossible);
        }
    }
}
