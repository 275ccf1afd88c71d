package io.callcard.ui;

/** The stylesheet with the colours and the font every window's own stylesheet refers to by name. */
public final class Palette {

    public static final String STYLESHEET = "/io/callcard/ui/palette.css";

    private Palette() {
    }
}
