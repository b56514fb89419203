package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI is layered: no two of its files use each other (a command and its report section both
 * render through the views of {@code dev.funnel.cli.view}, neither through the other; no two
 * views use each other either). Comments and string literals do not count as use.
 */
class CliLayeringTest {

  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Pattern STRINGS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

  @Test
  void noTwoFilesUseEachOther() throws IOException {
    Path dir = Path.of("src/main/java/dev/funnel/cli");
    Map<String, String> code = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = f.getFileName().toString().replace(".java", "");
        if (!name.equals("package-info")) {
          String s = Files.readString(f, StandardCharsets.UTF_8);
          code.put(name, STRINGS.matcher(COMMENTS.matcher(s).replaceAll("")).replaceAll("\"\""));
        }
      }
    }
    assertTrue(code.size() > 30, "found the CLI sources: " + code.keySet());
    List<String> mutual = new ArrayList<>();
    for (String a : code.keySet()) {
      for (String b : code.keySet()) {
        if (a.compareTo(b) < 0 && uses(code.get(a), b) && uses(code.get(b), a)) {
          mutual.add(a + " <-> " + b);
        }
      }
    }
    assertEquals(List.of(), mutual);
  }

  private static boolean uses(String code, String name) {
    return Pattern.compile("\\b" + name + "\\b").matcher(code).find();
  }
}
