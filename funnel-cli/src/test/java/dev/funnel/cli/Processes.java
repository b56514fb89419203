package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the built jar (or jshell) as a separate process, the way a user does. */
final class Processes {

  private Processes() {}

  /** The outcome of one process. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** The shaded jar the build just made (failsafe passes its path). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("funnel.jar", "target/funnel.jar"));
    assertTrue(Files.isRegularFile(jar), "the shaded jar " + jar + " must exist: run `mvn verify`");
    return jar;
  }

  /** A JDK tool of the running JVM ({@code java}, {@code jshell}). */
  static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /** {@code java -jar funnel.jar ARGS}. */
  static Run funnel(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of(tool("java"), "-jar", jar().toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return run(cmd, dir, "");
  }

  /** Runs the command in the directory, feeding it the input, with a generous time limit. */
  static Run run(List<String> command, Path dir, String stdin) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      pb.environment().remove("FUNNEL_DEBUG");
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Run(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static CompletableFuture<String> drain(InputStream s) {
    return CompletableFuture.supplyAsync(() -> {
      try (s) {
        return new String(s.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
