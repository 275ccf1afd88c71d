package io.callcard.ui.callcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A portal with pages, as a test sees it: the URLs the card asked to open, in order. */
final class RecordedPages implements CrmPages {

    final List<String> opened = new ArrayList<>();

    @Override
    public Optional<String> portalOrigin() {
        return Optional.of("https://acme.bitrix24.ru");
    }

    @Override
    public void open(String url) {
        opened.add(url);
    }
}
