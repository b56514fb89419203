package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Dataset directories built from one fuzz input, for the reader and calculator fuzz targets.
 *
 * <p>The input is a list of files: a line {@code @@NAME} starts the file NAME, and everything up to
 * the next such line (its line break included) is its content; bytes before the first marker are
 * ignored. NAME is 1 to 64 of {@code A-Z a-z 0-9 . _ -} (not {@code .} or {@code ..}); a NAME
 * ending in {@code /} is made a directory instead (a table path that is not a file); a NAME named
 * twice gets both contents. So a seed is readable ({@code @@leads.csv}, then the CSV) and a
 * mutation can add, drop, rename or merge table files as easily as it changes a cell.
 */
final class FuzzDatasets {
  private FuzzDatasets() {}

  /** The marker that starts a file. */
  static final String MARK = "@@";

  /** The files of the input, in order of first appearance. */
  static Map<String, byte[]> parts(byte[] data) {
    Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
    ByteArrayOutputStream current = null;
    int i = 0;
    while (i < data.length) {
      int end = i;
      while (end < data.length && data[end] != '\n') {
        end++;
      }
      int next = end < data.length ? end + 1 : end; // past the line break
      if (end - i >= 2 && data[i] == '@' && data[i + 1] == '@') {
        int nameEnd = end > i && data[end - 1] == '\r' ? end - 1 : end;
        String name = new String(data, i + 2, nameEnd - i - 2, java.nio.charset.StandardCharsets.ISO_8859_1);
        current = valid(name) ? out.computeIfAbsent(name, k -> new ByteArrayOutputStream()) : null;
      } else if (current != null) {
        current.write(data, i, next - i);
      }
      i = next;
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    out.forEach((k, v) -> files.put(k, v.toByteArray()));
    return files;
  }

  private static boolean valid(String name) {
    String base = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (base.isEmpty() || base.length() > 64 || base.equals(".") || base.equals("..")) {
      return false;
    }
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
          || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static Path dir;

  /** The dataset directory of the input: one directory per JVM, emptied and filled again. */
  static Path directory(byte[] data) {
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("funnel-fuzz");
        dir.toFile().deleteOnExit();
      }
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          if (!p.equals(dir)) {
            Files.delete(p);
          }
        }
      }
      for (Map.Entry<String, byte[]> e : parts(data).entrySet()) {
        String name = e.getKey();
        if (name.endsWith("/")) {
          Path d = dir.resolve(name.substring(0, name.length() - 1));
          if (!Files.exists(d)) {
            Files.createDirectory(d);
          }
        } else if (!Files.isDirectory(dir.resolve(name))) {
          Files.write(dir.resolve(name), e.getValue());
        }
      }
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException("cannot set up the fuzz directory", e);
    }
  }

  /** A message of the contract: one line. */
  static void oneLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    assertFalse(m.contains("\n") || m.contains("\r"), () -> e.getClass().getName() + ": " + m);
  }
}
