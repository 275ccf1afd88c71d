package io.callcard.ui.window;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javax.imageio.ImageIO;

/**
 * The packages' icon files, drawn at build time from {@code assets/icon.svg} exactly as the window draws its icons
 * at run time ({@link IconDrawing}): {@code icon-SIZE.png} at every size, {@code callcard-companion.png} (Linux,
 * 256 px), {@code callcard-companion.ico} (Windows) and {@code callcard-companion.icns} (macOS). The build runs
 * {@link #main} headless on Monocle into {@code target/icons}; nothing drawn is committed.
 */
public final class IconFiles {

    /** The file every package names as its icon, without the extension. */
    public static final String BASE_NAME = "callcard-companion";

    /** PNG sizes written: the window's, and 512 and 1024 for macOS's Retina icons. */
    static final List<Integer> SIZES = List.of(16, 20, 24, 32, 40, 48, 64, 128, 256, 512, 1024);
    /** What a Windows .ico holds (256 is the largest it can). */
    static final List<Integer> ICO_SIZES = List.of(16, 20, 24, 32, 40, 48, 64, 128, 256);
    /** macOS .icns entries by type: the PNG-encoded ones, one per size. */
    static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private IconFiles() {
    }

    /** {@code IconFiles DIR}: starts the toolkit (Monocle, as the build sets it), writes the files, stops it. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: IconFiles OUTPUT_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        CompletableFuture<List<Path>> written = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                written.complete(write(dir));
            } catch (IOException | RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        try {
            System.out.println("Icons written: " + written.get(60, TimeUnit.SECONDS));
        } finally {
            Platform.exit();
        }
    }

    /** Draws and writes every file into {@code dir}; FX thread. Returns the files written. */
    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        IconDrawing drawing = IconDrawing.packaged();
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : SIZES) {
            pngs.put(size, png(drawing, size));
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> e : pngs.entrySet()) {
            files.add(Files.write(dir.resolve("icon-" + e.getKey() + ".png"), e.getValue()));
        }
        files.add(Files.write(dir.resolve(BASE_NAME + ".png"), pngs.get(256)));
        files.add(Files.write(dir.resolve(BASE_NAME + ".ico"), ico(pngs)));
        files.add(Files.write(dir.resolve(BASE_NAME + ".icns"), icns(pngs)));
        return List.copyOf(files);
    }

    private static byte[] png(IconDrawing drawing, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(WindowIcons.toAwt(WindowIcons.draw(drawing, size)), "png", out);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return out.toByteArray();
    }

    /**
     * A Windows icon: the ICONDIR header, one 16-byte entry per size, then each image as PNG (which Windows reads in
     * .ico files since Vista). All numbers little-endian; a side of 256 is written as 0.
     */
    static byte[] ico(Map<Integer, byte[]> pngs) {
        int headers = 6 + 16 * ICO_SIZES.size();
        int total = headers + ICO_SIZES.stream().mapToInt(s -> pngs.get(s).length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.size());
        int offset = headers;
        for (int size : ICO_SIZES) {
            byte side = (byte) (size >= 256 ? 0 : size);
            b.put(side).put(side).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32);
            b.putInt(pngs.get(size).length).putInt(offset);
            offset += pngs.get(size).length;
        }
        for (int size : ICO_SIZES) {
            b.put(pngs.get(size));
        }
        return b.array();
    }

    /** A macOS icon: {@code icns} and the file's length, then per entry a four-letter type, its length and a PNG. */
    static byte[] icns(Map<Integer, byte[]> pngs) {
        int total = 8 + ICNS_TYPES.values().stream().mapToInt(s -> 8 + pngs.get(s).length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        for (Map.Entry<String, Integer> e : ICNS_TYPES.entrySet()) {
            byte[] png = pngs.get(e.getValue());
            b.put(e.getKey().getBytes(StandardCharsets.US_ASCII)).putInt(8 + png.length).put(png);
        }
        return b.array();
    }

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        return Collections.unmodifiableMap(types); // in this order: small to large, as macOS lists them
    }
}
