package io.callcard.history.export;

import java.util.Locale;

/** The file formats a history export writes. */
public enum ExportFormat {
    /** RFC 4180 comma-separated values, UTF-8, CRLF line ends, a header row. */
    CSV("csv", "text/csv"),
    /** One JSON array of call objects, UTF-8. */
    JSON("json", "application/json");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file name extension, without the dot: what a file chooser filters by. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code csv} or {@code json}, in any case. */
    public static ExportFormat parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an export format; expected csv or json");
    }
}
