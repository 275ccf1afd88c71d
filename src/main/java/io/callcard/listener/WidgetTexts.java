package io.callcard.listener;

import java.util.Locale;
import java.util.Map;

/**
 * The few words the widget and install pages show. The listener has no access to the application's resource bundles
 * (it must not depend on the UI), so they live in this small table, English and Russian, chosen by the portal's LANG;
 * any other language gets English.
 */
final class WidgetTexts {

    private static final Map<String, String> EN = Map.of(
            "connected", "Connected to CallCard Companion",
            "offline", "CallCard Companion is not reachable; retrying…",
            "expired", "CallCard Companion was restarted; reopen this tab to reconnect.",
            "nobx24", "The Bitrix24 library did not load.",
            "installing", "Registering the CallCard Companion widget…",
            "installed", "The CallCard Companion widget is registered in the call card. Installation finished.",
            "installFailed", "Registering the widget failed:");

    private static final Map<String, String> RU = Map.of(
            "connected", "Подключено к CallCard Companion",
            "offline", "CallCard Companion недоступен; повторяем попытку…",
            "expired", "CallCard Companion был перезапущен; откройте эту вкладку заново.",
            "nobx24", "Библиотека Bitrix24 не загрузилась.",
            "installing", "Регистрируем виджет CallCard Companion…",
            "installed", "Виджет CallCard Companion зарегистрирован в карточке звонка. Установка завершена.",
            "installFailed", "Не удалось зарегистрировать виджет:");

    private WidgetTexts() {
    }

    /** {@code "ru"} for Russian (LANG is a two-letter portal language), {@code "en"} for everything else. */
    static String language(String lang) {
        return lang != null && lang.trim().toLowerCase(Locale.ROOT).equals("ru") ? "ru" : "en";
    }

    static Map<String, String> forLanguage(String language) {
        return language.equals("ru") ? RU : EN;
    }
}
