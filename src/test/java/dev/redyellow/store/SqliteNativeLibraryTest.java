package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

class SqliteNativeLibraryTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheBundledLibraryOnceAndSkipsAnUnwritableFolder() throws Exception {
        Path unwritable = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path folder = dir.resolve("lib");

        Path kept = SqliteNativeLibrary.keep(List.of(unwritable, folder)).orElseThrow();

        assertTrue(kept.startsWith(folder), kept.toString());
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + System.mapLibraryName("sqlitejdbc");
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(kept));
        }
        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(kept, written);
        assertEquals(kept, SqliteNativeLibrary.keep(List.of(folder)).orElseThrow());
        assertEquals(written, Files.getLastModifiedTime(kept), "an intact copy is not written again");

        Files.write(kept, new byte[] {1, 2, 3}); // a damaged copy of another size is replaced
        SqliteNativeLibrary.keep(List.of(folder)).orElseThrow();
        assertTrue(Files.size(kept) > 3);
    }

    @Test
    void theDriverRunsOnTheKeptCopy() throws Exception {
        try (Database database = Database.open(dir.resolve("x.db"))) {
            assertTrue(database != null);
        }
        String folder = System.getProperty(SqliteNativeLibrary.PATH_PROPERTY);
        String name = System.getProperty(SqliteNativeLibrary.NAME_PROPERTY);
        assertTrue(Files.isRegularFile(Path.of(folder, name)), folder + "/" + name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet rs = c.createStatement().executeQuery("select sqlite_version()")) {
            assertTrue(rs.next() && !rs.getString(1).isEmpty());
        }
        assertTrue(SQLiteJDBCLoader.isNativeMode());
    }
}
