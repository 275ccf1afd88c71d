package io.callcard.history.sqlite;

import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.numbers.PhoneNumbers;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the search index holds for a call, and what a search looks for. Numbers are indexed and searched as digits
 * only, in every form an agent may type: the E.164 digits ("74951234567": "+7 495" finds it) and the national
 * prefix and number from libphonenumber's metadata ("84951234567": "8 (495)" finds it). Names are indexed and searched in lower
 * case (Locale.ROOT, so Cyrillic folds too).
 */
final class SearchForms {

    /** A number fragment: digits with the punctuation numbers are written with, nothing else. */
    private static final Pattern NUMBER_FRAGMENT = Pattern.compile("[0-9+()\\-. ]*[0-9][0-9+()\\-. ]*");

    private SearchForms() {
    }

    /** The digits of every form of the call's number, space-separated. */
    static String numbers(HistoryCall call) {
        Set<String> forms = new LinkedHashSet<>();
        String number = call.number();
        addDigits(forms, number);
        PhoneNumbers.nationalDigits(number).ifPresent(forms::add);
        return String.join(" ", forms);
    }

    /** Every binding's name, lower case, one per line (a search never spans two names). */
    static String names(HistoryCall call) {
        Set<String> names = new LinkedHashSet<>();
        for (HistoryBinding binding : call.bindings()) {
            if (binding.name() != null) {
                names.add(fold(binding.name()));
            }
        }
        return String.join("\n", names);
    }

    /** What the agent typed, read: a number fragment becomes its digits, anything else a name fragment. */
    static Fragment fragment(String text) {
        String typed = text.strip();
        if (NUMBER_FRAGMENT.matcher(typed).matches()) {
            return new Fragment("search_numbers", digits(typed));
        }
        return new Fragment("search_names", fold(typed));
    }

    /**
     * One thing searched for in one search column.
     *
     * @param column the search column
     * @param text   the digits or the folded name fragment
     */
    record Fragment(String column, String text) {

        /** Whether the trigram index can find it: three characters or more; shorter ones are scanned for. */
        boolean indexable() {
            return text.codePointCount(0, text.length()) >= 3;
        }

        /** The FTS5 query: the fragment as one quoted phrase in its column. */
        String matchExpression() {
            return column + " : \"" + text.replace("\"", "\"\"") + "\"";
        }

        /** The LIKE pattern for a fragment too short for the index. */
        String likePattern() {
            return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void addDigits(Set<String> forms, String text) {
        String digits = digits(text);
        if (!digits.isEmpty()) {
            forms.add(digits);
        }
    }

    private static String digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
