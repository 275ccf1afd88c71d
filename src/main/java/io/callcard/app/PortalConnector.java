package io.callcard.app;

import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStoreException;
import io.callcard.config.SecretStores;
import io.callcard.config.SettingsException;
import io.callcard.config.SettingsStore;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalException;
import io.callcard.portal.PortalIdentity;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Connecting a portal by its inbound webhook, for the command line and the settings window alike: what the user
 * pasted is checked as it is typed ({@link WebhookUrl}), tried against the portal with {@code user.current}, and
 * saved only when the portal answered: the public half to {@code settings.json}, the URL (its code is the password)
 * to the secret store. A refusal changes nothing. Blocking: call it off the FX thread.
 */
public final class PortalConnector {

    /**
     * The outcome: whether the portal is connected now, who the portal said the user is, and what to tell the user
     * ({@code messageKey} with {@code args}; a {@code reasonKey}, when present, is put in words and appended as the
     * last argument).
     */
    public record Outcome(boolean connected, PortalIdentity identity, String messageKey, List<Object> args,
                          String reasonKey) {

        public Outcome {
            args = List.copyOf(args);
        }

        static Outcome connected(PortalIdentity identity) {
            return new Outcome(true, identity, "connect.connected",
                    List.of(identity.portalHost(), identity.userName()), null);
        }

        static Outcome refused(String messageKey, List<Object> args, String reasonKey) {
            return new Outcome(false, null, messageKey, args, reasonKey);
        }

        /** The outcome in the user's language. */
        public String words(Messages messages) {
            List<Object> all = new ArrayList<>(args);
            if (reasonKey != null) {
                all.add(messages.get(reasonKey));
            }
            return messages.get(messageKey, all.toArray());
        }
    }

    private final SettingsStore settings;
    private final SecretStore secrets;
    private final Function<PortalCredentials, PortalClient> clients;

    public PortalConnector(SettingsStore settings, SecretStore secrets,
                           Function<PortalCredentials, PortalClient> clients) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** The connector for the settings and secrets kept in {@code configDir}, trying webhooks with this app's client. */
    public static PortalConnector forConfigDir(Path configDir) {
        return new PortalConnector(new SettingsStore(configDir), SecretStores.open(configDir),
                credentials -> PortalClient.builder(credentials, AppVersion.current()).build());
    }

    /** Checks, tries and, when the portal answered, saves the webhook with {@code rateLimit}. */
    public Outcome connectWebhook(String pasted, PortalSettings.RateLimit rateLimit) {
        PortalCredentials.Webhook webhook;
        try {
            webhook = WebhookUrl.parse(pasted);
        } catch (WebhookUrlException e) {
            return Outcome.refused("connect.notAWebhook", List.of(), e.messageKey());
        }
        PortalIdentity identity;
        try (PortalClient client = clients.apply(webhook)) {
            identity = PortalIdentity.fetch(client);
        } catch (PortalException e) {
            return Outcome.refused("connect.refused", List.of(webhook.portal()), e.error().messageKey());
        }
        try {
            settings.load(); // never overwrite a file the user may still want to mend
        } catch (SettingsException e) {
            return Outcome.refused("connect.settingsUnusable", List.of(settings.file(), e.detail()), null);
        }
        try {
            secrets.write(SecretKeys.WEBHOOK_URL, webhook.restBase());
            settings.update(current -> current.withPortal(PortalSettings.webhook(webhook.portal(), rateLimit)));
        } catch (SecretStoreException | SettingsException e) {
            return Outcome.refused("connect.notSaved", List.of(secrets.describe()), null);
        }
        return Outcome.connected(identity);
    }

    /** Forgets the saved portal: its settings and every secret of it. The sandbox plays again at the next start. */
    public Outcome disconnect() {
        try {
            settings.load(); // a broken file is reported, not overwritten
            for (String key : new String[] {SecretKeys.WEBHOOK_URL, SecretKeys.OAUTH_ACCESS_TOKEN,
                SecretKeys.OAUTH_REFRESH_TOKEN, SecretKeys.OAUTH_CLIENT_SECRET, SecretKeys.APPLICATION_TOKEN}) {
                secrets.delete(key);
            }
            settings.update(current -> current.withPortal(null));
            return new Outcome(true, null, "connect.disconnected", List.of(), null);
        } catch (SettingsException e) {
            return Outcome.refused("connect.settingsUnusable", List.of(settings.file(), e.detail()), null);
        } catch (SecretStoreException e) {
            return Outcome.refused("connect.notSaved", List.of(secrets.describe()), null);
        }
    }
}
