package io.callcard.ui.theme;

/** WCAG 2 contrast between two opaque sRGB colours written {@code #rrggbb} or {@code #rgb}. */
final class WcagContrast {

    /** AA for normal text: every text the window shows is at least this. */
    static final double AA_TEXT = 4.5;

    private WcagContrast() {
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        if (h.length() != 6) {
            throw new IllegalArgumentException("not an opaque #rrggbb colour: " + hex);
        }
        int rgb = Integer.parseInt(h, 16);
        return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
