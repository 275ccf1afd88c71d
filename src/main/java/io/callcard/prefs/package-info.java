/**
 * The agent's preferences as plain values (theme, always on top, compact mode, notifications, language, number
 * region): stored by {@code config}, applied by {@code ui}, so they import neither.
 */
package io.callcard.prefs;
