package io.callcard.listener;

import java.util.Locale;
import java.util.Map;

/**
 * The few words the widget and install pages show. The listener has no access to the application's resource bundles
 * (it must not depend on the UI), so they live in this small table, English and Russian, chosen by the portal's LANG;
 * any other language gets English. The widget page's states are the bridge's (protocol.md, "The widget page says what
 * is true"): loading, checking (the page's token is being proven), refused (it was not), connected, offline, expired,
 * nobx24, notcallcard.
 */
final class WidgetTexts {

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("loading", "Connecting to CallCard Companion…"),
            Map.entry("checking", "CallCard Companion is checking this call card with the portal…"),
            Map.entry("refused", "CallCard Companion did not accept this call card: the portal did not confirm it. "
                    + "Close and reopen the call card; if this repeats, see the companion's log."),
            Map.entry("connected", "Connected to CallCard Companion"),
            Map.entry("offline", "CallCard Companion is not running on this computer (or not reachable); retrying…"),
            Map.entry("expired", "The session with CallCard Companion expired; close and reopen the call card to "
                    + "reconnect."),
            Map.entry("nobx24", "The Bitrix24 library did not load; the call card cannot reach CallCard Companion."),
            Map.entry("notcallcard", "This page works only inside a Bitrix24 call card."),
            Map.entry("firstTab", "The call card opens this tab by itself only while CallCard Companion is the "
                    + "first call card application; otherwise click this tab once in each call."),
            Map.entry("installing", "Registering the CallCard Companion widget…"),
            Map.entry("installed", "The CallCard Companion widget is registered in the call card. Installation "
                    + "finished."),
            Map.entry("installFailed", "Registering the widget failed:"),
            Map.entry("installOutside", "Open this page from Bitrix24: it is the local application's install page."),
            Map.entry("installFirstTab", "Keep CallCard Companion the FIRST application of the call card "
                    + "(CALL_CARD placement): only the first one loads by itself, as the card's default tab. When "
                    + "another application, a call list or a web form comes first, agents must click the CallCard "
                    + "Companion tab in every call; once clicked it stays loaded until the card closes."));

    private static final Map<String, String> RU = Map.ofEntries(
            Map.entry("loading", "Подключение к CallCard Companion…"),
            Map.entry("checking", "CallCard Companion проверяет эту карточку звонка на портале…"),
            Map.entry("refused", "CallCard Companion не принял эту карточку звонка: портал её не подтвердил. "
                    + "Закройте и снова откройте карточку; если это повторится, посмотрите журнал программы."),
            Map.entry("connected", "Подключено к CallCard Companion"),
            Map.entry("offline", "CallCard Companion не запущен на этом компьютере (или недоступен); повторяем "
                    + "попытку…"),
            Map.entry("expired", "Сеанс связи с CallCard Companion истёк; закройте и снова откройте карточку "
                    + "звонка."),
            Map.entry("nobx24", "Библиотека Bitrix24 не загрузилась; карточка звонка не может связаться с "
                    + "CallCard Companion."),
            Map.entry("notcallcard", "Эта страница работает только внутри карточки звонка Bitrix24."),
            Map.entry("firstTab", "Карточка звонка сама открывает эту вкладку, только пока CallCard Companion — "
                    + "первое приложение карточки; иначе нажмите на эту вкладку в каждом звонке."),
            Map.entry("installing", "Регистрируем виджет CallCard Companion…"),
            Map.entry("installed", "Виджет CallCard Companion зарегистрирован в карточке звонка. Установка "
                    + "завершена."),
            Map.entry("installFailed", "Не удалось зарегистрировать виджет:"),
            Map.entry("installOutside", "Откройте эту страницу из Bitrix24: это страница установки локального "
                    + "приложения."),
            Map.entry("installFirstTab", "Оставьте CallCard Companion ПЕРВЫМ приложением карточки звонка "
                    + "(встройка CALL_CARD): само загружается только первое, как вкладка карточки по умолчанию. "
                    + "Если первым стоит другое приложение, список обзвона или веб-форма, операторам придётся в "
                    + "каждом звонке нажимать на вкладку CallCard Companion; после нажатия она остаётся загруженной, "
                    + "пока карточка не закроется."));

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
