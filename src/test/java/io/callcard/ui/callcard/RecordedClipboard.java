package io.callcard.ui.callcard;

import java.util.ArrayList;
import java.util.List;

/** The clipboard as a test sees it: what the card put on it, in order. */
final class RecordedClipboard implements NumberClipboard {

    final List<String> put = new ArrayList<>();

    @Override
    public void put(String text) {
        put.add(text);
    }
}
