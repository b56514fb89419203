package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JShell way in (README): the shaded jar on the class path and funnel.jsh for the imports. */
class JShellIT {

  @TempDir Path tmp;

  static Path script() {
    Path jsh = Path.of(System.getProperty("funnel.jsh", "../funnel.jsh"));
    assertTrue(Files.isRegularFile(jsh), jsh + " must exist");
    return jsh.toAbsolutePath();
  }

  /** Feeds the lines to jshell with the jar and funnel.jsh; any error fails the run. */
  static Processes.Run jshell(Path dir, String lines) {
    return Processes.run(List.of(Processes.tool("jshell"), "-J-Duser.home=" + dir, "--feedback", "concise",
        "--class-path", Processes.jar().toAbsolutePath().toString(), script().toString()), dir, lines + "\n/exit\n");
  }

  /**
   * The README's JShell lines, as written there: the first {@code java} code block after the
   * "## JShell" heading of README.md (the demo dataset and its stage funnel).
   */
  static final String README_LINES = readmeLines();

  static String readmeLines() {
    try {
      List<String> lines = Files.readAllLines(Path.of(System.getProperty("funnel.readme", "../README.md")));
      int at = lines.indexOf("## JShell");
      assertTrue(at >= 0, "README.md has no '## JShell' section");
      int open = lines.subList(at, lines.size()).indexOf("```java") + at;
      int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
      assertTrue(open > at && close > open + 1, "README.md's JShell section has no java block");
      return String.join("\n", lines.subList(open + 1, close));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * One JShell session (a JShell start is two JVMs, so one run checks everything): funnel.jsh
   * imports without an error, then the README lines print the demo's stage funnel.
   */
  @Test
  void readmeLinesPrintTheFunnelOfTheDemoData() {
    Processes.Run r = jshell(tmp,
        "System.out.println(\"ok \" + Money.of(\"1.50\", \"usd\") + \" \" + Dictionary.class.getName());\n" + README_LINES);
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.out().contains("rror") || r.err().contains("rror"), r.toString());
    assertTrue(r.out().contains("ok 1.50 USD dev.funnel.core.columnar.Dictionary"), r.toString());
    // every one of the 2,000 demo leads is at LEAD from its creation
    assertTrue(r.out().contains("Funnel, event basis: 2,000 LEAD -> "), r.toString());
    assertTrue(r.out().matches("(?s).*stage +count +from previous +from first.*"), r.toString());
    assertTrue(r.out().matches("(?s).*\nLEAD +2,000 +- +100.0%\\n.*"), r.toString());
  }

  /**
   * funnel.jsh imports every package of the library that has public types (the README says so),
   * and every simple name that two of those packages, or one of them and JShell's default imports,
   * share is imported explicitly, so no name the user types is ambiguous.
   */
  @Test
  void funnelJshImportsEveryPackageAndLeavesNoNameAmbiguous() throws Exception {
    List<String> lines = Files.readAllLines(script());
    java.util.Set<String> starImports = new java.util.TreeSet<>();
    java.util.Set<String> singleImports = new java.util.TreeSet<>();
    for (String l : lines) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^import ([\\w.]+)\\.(\\*|\\w+);$").matcher(l.trim());
      if (m.matches()) {
        (m.group(2).equals("*") ? starImports : singleImports).add(m.group(1) + (m.group(2).equals("*") ? "" : "." + m.group(2)));
      }
    }
    java.util.Map<String, java.util.Set<String>> byName = new java.util.TreeMap<>();
    java.util.Set<String> packages = new java.util.TreeSet<>();
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(Processes.jar().toFile())) {
      for (java.util.jar.JarEntry e : java.util.Collections.list(jar.entries())) {
        String n = e.getName();
        // internal packages (the state byte layout) are not offered to notebooks
        if (!n.startsWith("dev/funnel/") || n.startsWith("dev/funnel/shaded/") || n.startsWith("dev/funnel/cli/")
            || n.contains("/internal/")
            || !n.endsWith(".class") || n.contains("$") || n.endsWith("package-info.class")) {
          continue;
        }
        String type = n.substring(0, n.length() - ".class".length()).replace('/', '.');
        Class<?> c = Class.forName(type, false, getClass().getClassLoader());
        if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
          packages.add(c.getPackageName());
          byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.TreeSet<>()).add(type);
        }
      }
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(packages);
    missing.removeAll(starImports);
    assertEquals(java.util.Set.of(), missing, "add 'import PACKAGE.*;' to funnel.jsh for each");
    List<String> jshellDefaults = List.of("java.lang", "java.util", "java.io", "java.math", "java.net",
        "java.nio.file", "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex",
        "java.util.stream");
    java.util.Set<String> ambiguous = new java.util.TreeSet<>();
    for (java.util.Map.Entry<String, java.util.Set<String>> e : byName.entrySet()) {
      java.util.Set<String> owners = new java.util.TreeSet<>(e.getValue());
      for (String p : jshellDefaults) {
        try {
          Class.forName(p + "." + e.getKey(), false, ClassLoader.getSystemClassLoader());
          owners.add(p + "." + e.getKey());
        } catch (ClassNotFoundException absent) {
          // no clash with this default package
        }
      }
      if (owners.size() > 1 && java.util.Collections.disjoint(owners, singleImports)) {
        ambiguous.add(String.join(" vs ", owners));
      }
    }
    assertEquals(java.util.Set.of(), ambiguous, "import one of each explicitly in funnel.jsh");
  }
}
