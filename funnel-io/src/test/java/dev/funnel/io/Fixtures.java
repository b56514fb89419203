package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers for reader tests: dataset directories from text, reading in both modes. */
final class Fixtures {
  private Fixtures() {}

  /** Writes files given as alternating names and contents into {@code dir}. */
  static Path dataset(Path dir, String... namesAndContents) {
    try {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        Files.write(dir.resolve(namesAndContents[i]),
            namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DatasetRead lenient(Path dir) {
    DatasetRead r = DatasetReader.lenient().read(dir);
    for (TableRead t : r.tables()) {
      assertEquals(t.read(), t.accepted() + t.rejected());
    }
    return r;
  }

  static Rejection strictFails(Path dir) {
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> DatasetReader.strict().read(dir));
    Rejection r = e.rejection();
    // the message names file, line, reason code, and field/value when known
    String m = e.getMessage();
    org.junit.jupiter.api.Assertions.assertTrue(m.contains(r.file())
        && (r.line() == 0 || m.contains("line " + r.line())) && m.contains(r.code()), m);
    if (r.field() != null) {
      org.junit.jupiter.api.Assertions.assertTrue(m.contains("field " + r.field()), m);
    }
    if (r.column() > 0) {
      org.junit.jupiter.api.Assertions.assertTrue(m.contains("column " + r.column()), m);
    }
    return r;
  }

  /**
   * Reading fails the same way in both modes (a table that cannot be read at all): an {@link
   * InvalidDataException} whose one-line message names the file, the reason and the code.
   */
  static Rejection failsInBothModes(Path dir) {
    Rejection strict = strictFails(dir);
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> DatasetReader.lenient().read(dir));
    assertEquals(strict, e.rejection());
    org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return strict;
  }

  static TableRead read(DatasetRead r, dev.funnel.core.DatasetTable t) {
    return r.readOf(t).orElseThrow();
  }

  /** The only rejection example of a table read. */
  static Rejection only(TableRead t) {
    assertEquals(1, t.rejected(), () -> t.toString());
    assertEquals(1, t.examples().size());
    return t.examples().get(0);
  }
}
