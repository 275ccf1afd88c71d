package io.callcard.portal;

import io.callcard.portal.WebhookUrlException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads an inbound webhook URL the way users paste it: with spaces around it, without the trailing slash, or with
 * the method Bitrix24 shows in its example still on the end ({@code .../profile}, {@code .../user.current.json}).
 * The result is normalised to {@code https://PORTAL/rest/USER_ID/CODE/}; query and fragment are dropped.
 */
public final class WebhookUrl {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Pattern USER_ID = Pattern.compile("[0-9]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_.]+");

    private WebhookUrl() {
    }

    public static PortalCredentials.Webhook parse(String pasted) throws WebhookUrlException {
        String text = pasted == null ? "" : pasted.strip();
        if (text.isEmpty()) {
            throw new WebhookUrlException(Reason.EMPTY);
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            String lower = text.toLowerCase(Locale.ROOT);
            boolean otherScheme = SCHEME.matcher(text).matches() && !lower.startsWith("http://")
                    && !lower.startsWith("https://");
            throw new WebhookUrlException(otherScheme ? Reason.NOT_HTTPS : Reason.NOT_A_URL);
        }
        if (!PortalOrigin.isAllowed(url)) {
            throw new WebhookUrlException(Reason.NOT_HTTPS);
        }
        List<String> segments = new ArrayList<>(url.pathSegments());
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        boolean hasMethod = segments.size() == 4 && METHOD.matcher(segments.get(3)).matches();
        if (!(segments.size() == 3 || hasMethod) || !segments.get(0).equals("rest")) {
            throw new WebhookUrlException(Reason.NOT_A_WEBHOOK_PATH);
        }
        String userId = segments.get(1);
        String code = segments.get(2);
        if (!USER_ID.matcher(userId).matches()) {
            throw new WebhookUrlException(Reason.USER_ID_NOT_NUMERIC);
        }
        if (!CODE.matcher(code).matches()) {
            throw new WebhookUrlException(Reason.BAD_CODE);
        }
        return new PortalCredentials.Webhook(PortalOrigin.origin(url), userId, code);
    }
}
