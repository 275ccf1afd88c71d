package io.callcard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The string literals and text blocks of Java source files, as written (escapes left alone), each with where it
 * starts. Comments and character literals are passed over, so a quoted word in a Javadoc is no literal. Enough of
 * the Java grammar for tests that read the sources: the compiler has already accepted every file read here.
 */
public final class JavaStringLiterals {

    /** One literal: its text between the quotes, the file it is in, the line it starts on, and whether a text block. */
    public record Literal(String text, String file, int line, boolean textBlock) {

        /** {@code file:line}, for a failure message. */
        public String place() {
            return file + ":" + line;
        }
    }

    private JavaStringLiterals() {
    }

    /** Every literal in the {@code .java} files below {@code root}, named from {@code root}'s own folder name on. */
    public static List<Literal> below(Path root) {
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

    public static List<Literal> in(String source, String fileName) {
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                line += count(source, i, stop);
                i = stop;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"", false);
                found.add(new Literal(source.substring(i + 3, end), fileName, line, true));
                int stop = Math.min(n, end + 3);
                line += count(source, i, stop);
                i = stop;
            } else if (c == '"') {
                int end = closing(source, i + 1, "\"", true);
                found.add(new Literal(source.substring(i + 1, end), fileName, line, false));
                i = Math.min(n, end + 1);
            } else if (c == '\'') {
                i = Math.min(n, closing(source, i + 1, "'", true) + 1);
            } else {
                i++;
            }
        }
        return found;
    }

    /** Where {@code quote} closes what opened before {@code from}, stepping over escapes; a plain one ends its line. */
    private static int closing(String source, int from, String quote, boolean endsAtLineEnd) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)
                && !(endsAtLineEnd && source.charAt(i) == '\n')) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
