package io.callcard.history.export;

import java.util.regex.Pattern;

/**
 * Keeps a spreadsheet from running what a CSV cell says. CRM names, line names and reasons come from other people
 * (a web form's lead may be called {@code =HYPERLINK(...)}); a spreadsheet opening the export would take a cell
 * beginning with {@code = + - @}, a tab or a carriage return for a formula. Such a cell gets a leading apostrophe, as
 * OWASP's advice on CSV injection says. A phone number ({@code +7 495 123-45-67}) is left as it is: its {@code +} is
 * part of the number, and nothing but digits and punctuation can follow it.
 */
final class FormulaGuard {

    private static final Pattern PHONE_SHAPED = Pattern.compile("\\+?[0-9 ()\\-.]*");

    private FormulaGuard() {
    }

    static String guard(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !PHONE_SHAPED.matcher(cell).matches() ? "'" + cell : cell;
    }
}
