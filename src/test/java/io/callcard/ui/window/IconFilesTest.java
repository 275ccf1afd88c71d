package io.callcard.ui.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.testing.UiTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The packages' icon files as the build writes them: PNGs at every size, and .ico and .icns whose entries read back. */
@UiTest
class IconFilesTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path dir;

    @BeforeAll
    static void written() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> IconFiles.write(dir)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void eachPngHasItsSizeAndTheLinuxIconIs256() throws Exception {
        for (int size : IconFiles.SIZES) {
            BufferedImage png = ImageIO.read(dir.resolve("icon-" + size + ".png").toFile());
            assertEquals(size, png.getWidth(), "width of icon-" + size);
            assertEquals(size, png.getHeight(), "height of icon-" + size);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("icon-256.png")),
                Files.readAllBytes(dir.resolve(IconFiles.BASE_NAME + ".png")));
    }

    @Test
    void theIcoListsEachSizeWithAnOffsetThatLeadsToItsPng() throws Exception {
        byte[] ico = Files.readAllBytes(dir.resolve(IconFiles.BASE_NAME + ".ico"));
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort(0));
        assertEquals(1, b.getShort(2), "type 1: an icon");
        assertEquals(IconFiles.ICO_SIZES.size(), b.getShort(4));
        for (int i = 0; i < IconFiles.ICO_SIZES.size(); i++) {
            int entry = 6 + 16 * i;
            int side = Byte.toUnsignedInt(b.get(entry));
            int length = b.getInt(entry + 8);
            int offset = b.getInt(entry + 12);
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(ico, offset, length));
            assertEquals(IconFiles.ICO_SIZES.get(i), png.getWidth());
            assertEquals(png.getWidth() == 256 ? 0 : png.getWidth(), side, "256 is written as 0");
        }
    }

    @Test
    void theIcnsLengthsAddUpAndEachEntryIsAPngOfItsTypesSize() throws Exception {
        byte[] icns = Files.readAllBytes(dir.resolve(IconFiles.BASE_NAME + ".icns"));
        ByteBuffer b = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(icns.length, b.getInt(4));
        int at = 8;
        for (var type : IconFiles.ICNS_TYPES.entrySet()) {
            assertEquals(type.getKey(), new String(icns, at, 4, StandardCharsets.US_ASCII));
            int length = b.getInt(at + 4);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOfRange(icns, at + 8, at + 16));
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(icns, at + 8, length - 8));
            assertEquals(type.getValue(), png.getWidth(), type.getKey());
            at += length;
        }
        assertEquals(icns.length, at, "nothing after the last entry");
    }
}
