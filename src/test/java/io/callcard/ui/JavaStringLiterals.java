package io.callcard.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The string literals of Java source files, as written (escapes left alone), each with where it stands. Comments,
 * character literals and text blocks are passed over, so a quoted word in a Javadoc is no literal.
 */
final class JavaStringLiterals {

    /** One literal: its text between the quotes, and {@code file:line}. */
    record Literal(String text, String place) {
    }

    private JavaStringLiterals() {
    }

    /** Every literal in the {@code .java} files below {@code root}. */
    static List<Literal> below(Path root) {
        List<Literal> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                all.addAll(in(Files.readString(file), root.getFileName().resolve(root.relativize(file)).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static List<Literal> in(String source, String fileName) {
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = closingQuote(source, i + 1, c);
                if (c == '"') {
                    found.add(new Literal(source.substring(i + 1, end), fileName + ":" + line));
                }
                i = end + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return found;
    }

    private static int closingQuote(String source, int from, char quote) {
        int i = from;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int count(String source, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
