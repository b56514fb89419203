package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as shipped: its manifest and contents, and running it. */
class JarIT {

  @TempDir Path tmp;

  @Test
  void manifestMakesItRunnableAndNamed() throws Exception {
    try (JarFile jar = new JarFile(Processes.jar().toFile())) {
      Attributes a = jar.getManifest().getMainAttributes();
      assertEquals("dev.funnel.cli.Funnel", a.getValue("Main-Class"));
      assertEquals("dev.funnel.cli", a.getValue("Automatic-Module-Name"));
    }
  }

  @Test
  void jacksonIsRelocatedNothingUnusedIsShippedAndNothingIsSigned() throws Exception {
    List<String> wrong = new ArrayList<>();
    boolean relocatedJackson = false;
    try (JarFile jar = new JarFile(Processes.jar().toFile())) {
      for (JarEntry e : java.util.Collections.list(jar.entries())) {
        String n = e.getName();
        if (n.startsWith("com/fasterxml/") || n.startsWith("META-INF/versions/")
            || n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)") || n.endsWith("module-info.class")
            // no code of the library uses Guava or slf4j: neither is shipped
            || n.startsWith("com/google/") || n.contains("/shaded/com/google/") || n.startsWith("org/slf4j/")
            || n.startsWith("org/jspecify/") || n.contains("/shaded/org/jspecify/")) {
          wrong.add(n);
        }
        relocatedJackson |= n.startsWith("dev/funnel/shaded/com/fasterxml/jackson/core/");
      }
    }
    assertEquals(List.of(), wrong, "unrelocated, unused, signature or module entries");
    assertTrue(relocatedJackson, "Jackson relocated under dev.funnel.shaded");
  }

  @Test
  void runsWithJavaJar() {
    Processes.Run version = Processes.funnel(tmp, "--version");
    assertEquals(0, version.code(), version.toString());
    assertTrue(version.out().startsWith("funnel "), version.toString());
    assertEquals("", version.err(), "nothing on stderr");
    Processes.Run help = Processes.funnel(tmp, "--help");
    assertEquals(0, help.code(), help.toString());
    assertTrue(help.out().contains("Commands:"), help.toString());
  }

  @Test
  void runsOnTheModulePath() {
    // the single jar is one automatic module, dev.funnel.cli, holding the library and Jackson
    Processes.Run r = Processes.run(List.of(Processes.tool("java"), "--module-path", Processes.jar().toAbsolutePath().toString(),
        "-m", "dev.funnel.cli/dev.funnel.cli.Funnel", "funnel", "--demo", "--leads", "300", "--format", "json"),
        tmp, "");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\"stages\""), r.toString());
    assertEquals("", r.err(), r.toString());
  }

  @Test
  void usageErrorExitsWithTwo() {
    Processes.Run r = Processes.funnel(tmp, "--no-such-option");
    assertEquals(2, r.code(), r.toString());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    assertTrue(r.err().contains("funnel --help"), r.toString());
  }

  @Test
  void launcherScriptRunsTheFreshJarWithoutRebuilding() throws Exception {
    Path root = Processes.jar().toAbsolutePath().getParent().getParent().getParent();
    Path script = root.resolve("funnel");
    java.nio.file.attribute.FileTime built = java.nio.file.Files.getLastModifiedTime(Processes.jar());
    // the launcher's rule: the root pom, module poms and main sources must not be newer
    java.util.List<Path> inputs = new ArrayList<>(List.of(root.resolve("pom.xml")));
    try (var modules = java.nio.file.Files.newDirectoryStream(root, "funnel-*")) {
      for (Path m : modules) {
        inputs.add(m.resolve("pom.xml"));
        if (java.nio.file.Files.isDirectory(m.resolve("src/main"))) {
          try (var files = java.nio.file.Files.walk(m.resolve("src/main"))) {
            files.forEach(inputs::add);
          }
        }
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        inputs.stream().filter(java.nio.file.Files::exists).allMatch(f -> modified(f).compareTo(built) <= 0),
        "a source changed after the jar was built; the launcher would rebuild it");
    Processes.Run r = Processes.run(java.util.List.of("bash", script.toString(), "--version"), tmp, "");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("funnel "), r.toString());
    // the first run after a build may make the class-data archive; it never rebuilds the jar
    assertTrue(r.err().isEmpty() || r.err().startsWith("funnel: making the class-data archive")
        && r.err().lines().count() == 1, "the jar this build made is fresh: no rebuild: " + r);
    Path archive = Processes.jar().toAbsolutePath().resolveSibling("funnel.jsa");
    assertTrue(java.nio.file.Files.isRegularFile(archive), "the launcher keeps its archive: " + archive);

    // later runs map the archive, and print the same
    Processes.Run again = Processes.run(java.util.List.of("env", "FUNNEL_DEBUG=1", "bash",
        script.toString(), "--version"), tmp, "");
    assertEquals(r.out(), again.out(), again.toString());
    assertTrue(again.err().contains("-XX:SharedArchiveFile=" + archive), again.toString());
    assertFalse(again.err().contains("making the class-data archive"), again.toString());

    // the JIT rule: C1 only for an input path under 512 MiB, unless FUNNEL_JIT says otherwise
    Path data = tmp.resolve("small");
    assertEquals(0, Processes.funnel(tmp, "demo", "--out", data.toString(), "--leads", "200").code());
    Processes.Run small = Processes.run(java.util.List.of("env", "FUNNEL_DEBUG=1", "bash",
        script.toString(), "funnel", data.toString(), "--format", "json"), tmp, "");
    assertEquals(0, small.code(), small.toString());
    assertTrue(small.err().contains("-XX:TieredStopAtLevel=1"), small.toString());
    Processes.Run tiered = Processes.run(java.util.List.of("env", "FUNNEL_DEBUG=1", "FUNNEL_JIT=tiered",
        "bash", script.toString(), "funnel", data.toString(), "--format", "json"), tmp, "");
    assertEquals(small.out(), tiered.out(), "the compiler changes no number");
    assertFalse(tiered.err().contains("TieredStopAtLevel"), tiered.toString());

    // the bytes that count are those of the tables the command reads (funnel --launcher-tables):
    // a 600 MiB payments file (sparse) leaves funnel on C1 and puts unit on tiered compilation
    Path big = tmp.resolve("big");
    java.nio.file.Files.createDirectories(big);
    try (var files = java.nio.file.Files.list(data)) {
      for (Path f : files.toList()) {
        java.nio.file.Files.copy(f, big.resolve(f.getFileName()));
      }
    }
    try (java.io.RandomAccessFile payments = new java.io.RandomAccessFile(big.resolve("payments.csv").toFile(), "rw")) {
      payments.setLength(600L << 20);
    }
    Processes.Run funnelRun = Processes.run(java.util.List.of("env", "FUNNEL_DEBUG=1", "bash",
        script.toString(), "funnel", big.toString(), "--help"), tmp, "");
    assertTrue(funnelRun.err().contains("-XX:TieredStopAtLevel=1"), funnelRun.toString());
    Processes.Run unitRun = Processes.run(java.util.List.of("env", "FUNNEL_DEBUG=1", "bash",
        script.toString(), "unit", big.toString(), "--help"), tmp, "");
    assertEquals(0, unitRun.code(), unitRun.toString());
    assertFalse(unitRun.err().contains("TieredStopAtLevel"), unitRun.toString());
  }

  @Test
  void theLauncherTablesAreTheTablesEachCommandReads() {
    Processes.Run r = Processes.funnel(tmp, "--launcher-tables");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().lines().anyMatch(l -> l.equals("funnel leads stages")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.equals("attribution stages touches")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.equals("unit leads payments spend")), r.out());
    assertFalse(r.out().lines().anyMatch(l -> l.startsWith("report ")), "report reads every table");
  }

  private static java.nio.file.attribute.FileTime modified(Path f) {
    try {
      return java.nio.file.Files.getLastModifiedTime(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
