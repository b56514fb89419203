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
  void guavaAndJacksonAreRelocatedAndNothingIsSigned() throws Exception {
    List<String> wrong = new ArrayList<>();
    boolean relocatedGuava = false;
    boolean relocatedJackson = false;
    boolean slf4j = false;
    try (JarFile jar = new JarFile(Processes.jar().toFile())) {
      for (JarEntry e : java.util.Collections.list(jar.entries())) {
        String n = e.getName();
        if (n.startsWith("com/google/") || n.startsWith("com/fasterxml/") || n.startsWith("META-INF/versions/")
            || n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)") || n.endsWith("module-info.class")
            || n.startsWith("org/slf4j/impl/") || n.equals("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")) {
          wrong.add(n);
        }
        relocatedGuava |= n.startsWith("dev/funnel/shaded/com/google/common/collect/");
        relocatedJackson |= n.startsWith("dev/funnel/shaded/com/fasterxml/jackson/databind/");
        slf4j |= n.equals("org/slf4j/LoggerFactory.class");
      }
    }
    assertEquals(List.of(), wrong, "unrelocated, signature, module or slf4j binding entries");
    assertTrue(relocatedGuava && relocatedJackson && slf4j);
  }

  @Test
  void runsWithJavaJar() {
    Processes.Run version = Processes.funnel(tmp, "--version");
    assertEquals(0, version.code(), version.toString());
    assertTrue(version.out().startsWith("funnel "), version.toString());
    assertEquals("", version.err(), "nothing on stderr, no slf4j warning");
    Processes.Run help = Processes.funnel(tmp, "--help");
    assertEquals(0, help.code(), help.toString());
    assertTrue(help.out().contains("Commands:"), help.toString());
  }

  @Test
  void usageErrorExitsWithTwo() {
    Processes.Run r = Processes.funnel(tmp, "--no-such-option");
    assertEquals(2, r.code(), r.toString());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    assertTrue(r.err().contains("funnel --help"), r.toString());
  }

  @Test
  void launcherScriptRunsTheFreshJarWithoutRebuilding() {
    Path script = Processes.jar().toAbsolutePath().getParent().getParent().getParent().resolve("funnel");
    Processes.Run r = Processes.run(java.util.List.of("bash", script.toString(), "--version"), tmp, "");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("funnel "), r.toString());
    assertEquals("", r.err(), "the jar this build made is fresh: no rebuild");
  }
}
