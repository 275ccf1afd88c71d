package io.callcard.app.cli;

import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStoreException;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.TokenSink;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import java.util.Optional;

/**
 * The portal connection the user saved: the public half from {@code settings.json}, the secret half from the
 * secret store. One place turns the two into {@link PortalCredentials}, and stores refreshed tokens back: for the
 * command line and for the application's own look-ups alike.
 */
public final class SavedPortal {

    /** Why saved credentials could not be used; each reason has words in the bundles. */
    public enum Problem { NONE_SAVED, SECRET_MISSING, SECRET_UNREADABLE, WEBHOOK_DAMAGED }

    public static final class Unusable extends Exception {
        private final Problem problem;

        Unusable(Problem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private SavedPortal() {
    }

    public static PortalCredentials credentials(PortalSettings portal, SecretStore secrets) throws Unusable {
        if (portal == null) {
            throw new Unusable(Problem.NONE_SAVED);
        }
        try {
            if (portal.kind() == PortalSettings.Kind.WEBHOOK) {
                String url = secret(secrets, SecretKeys.WEBHOOK_URL);
                try {
                    return WebhookUrl.parse(url);
                } catch (WebhookUrlException e) {
                    throw new Unusable(Problem.WEBHOOK_DAMAGED);
                }
            }
            return new PortalCredentials.OAuth(portal.portalUrl(), secret(secrets, SecretKeys.OAUTH_ACCESS_TOKEN),
                    secret(secrets, SecretKeys.OAUTH_REFRESH_TOKEN), portal.clientId(),
                    secret(secrets, SecretKeys.OAUTH_CLIENT_SECRET));
        } catch (SecretStoreException e) {
            throw new Unusable(Problem.SECRET_UNREADABLE);
        }
    }

    /** Keeps the pair a refresh produced: the old refresh token is spent, so losing the new one signs the user out. */
    public static TokenSink storingIn(SecretStore secrets) {
        return refreshed -> {
            try {
                secrets.write(SecretKeys.OAUTH_ACCESS_TOKEN, refreshed.accessToken());
                secrets.write(SecretKeys.OAUTH_REFRESH_TOKEN, refreshed.refreshToken());
            } catch (SecretStoreException e) {
                throw new IllegalStateException("the refreshed tokens could not be stored: " + e.getMessage());
            }
        };
    }

    private static String secret(SecretStore secrets, String key) throws SecretStoreException, Unusable {
        Optional<String> value = secrets.read(key);
        if (value.isEmpty() || value.get().isBlank()) {
            throw new Unusable(Problem.SECRET_MISSING);
        }
        return value.get();
    }
}
