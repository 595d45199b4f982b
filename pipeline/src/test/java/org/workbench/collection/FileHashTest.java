package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.InputException;

class FileHashTest {
    @TempDir
    Path dir;

    @Test
    void sha256OfSmallFile() throws IOException {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
        // printf abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileHash.sha256(file));
    }

    @Test
    void sha256OfEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", FileHash.sha256(file));
    }

    @Test
    void sha256OfShippedIris() {
        // sha256sum datasets/iris/data.csv
        assertEquals("09d1766be79ec606b4c045059bc4b0d3e6a693b61d1cdfc6bdd45af42531df65",
                FileHash.sha256(Path.of("../datasets/iris/data.csv")));
    }

    @Test
    void sha256OfFileLargerThanTheReadBuffer() {
        // sha256sum datasets/adult/data.csv (3,974,305 bytes)
        assertEquals("f2c62076f19504d99a38b22badf445a7f42530ade6b827acf78dd143fbce38bb",
                FileHash.sha256(Path.of("../datasets/adult/data.csv")));
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> FileHash.sha256(dir.resolve("gone.csv")));
        assertTrue(e.getMessage().contains("gone.csv: file not found"), e.getMessage());
    }
}
