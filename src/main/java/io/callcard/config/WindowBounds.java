package io.callcard.config;

/** Where the main window was and how big, in screen coordinates, so it comes back where the agent put it. */
public record WindowBounds(double x, double y, double width, double height) {

    /**
     * Whether these could be a window at all (a hand-edited or truncated file may say otherwise). The compact window is
     * a single line, so a height from 24 pixels is one.
     */
    public boolean isPlausible() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
                && width >= 100 && height >= 24 && width <= 20_000 && height <= 20_000;
    }
}
