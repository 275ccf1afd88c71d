package io.callcard.prefs;

/** The window's colours: as the desktop is set ({@link #SYSTEM}, the default), or always light or dark. */
public enum Theme {
    SYSTEM, LIGHT, DARK
}
