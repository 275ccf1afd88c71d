package io.callcard.ui.settings;

/** Whether saving the plain settings worked, and the words saying so (or why not). */
public record SaveResult(boolean saved, String words) {
}
