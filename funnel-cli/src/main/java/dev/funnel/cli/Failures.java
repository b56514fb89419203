package dev.funnel.cli;

import dev.funnel.io.InvalidDataException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Turns a failed command into its exit code and a short message on stderr (docs/spec/cli.md): 3 when
 * strict reading refused a row, 1 for everything else; stack traces only in debug mode.
 */
final class Failures {

  private Failures() {}

  /**
   * Reports the failure.
   *
   * @param debug also print the stack trace
   * @return the exit code
   */
  static int report(Throwable e, PrintStream err, boolean debug) {
    if (e instanceof InvalidDataException bad) {
      err.println("funnel: " + bad.getMessage());
      err.println(bad.wholeTable()
          ? "Fix the file: a table that cannot be read at all stops every command, --lenient too."
          : "Fix the row, or run with --lenient to skip invalid rows ('funnel quality DATA' lists them all).");
      if (debug) {
        e.printStackTrace(err);
      }
      return Funnel.INVALID_DATA;
    }
    err.println("funnel: " + message(e));
    if (debug) {
      e.printStackTrace(err);
    }
    return Funnel.FAILED;
  }

  /** A one-line description: the message of the cause that says most, never a bare class name. */
  static String message(Throwable e) {
    Throwable t = e;
    if (t instanceof UncheckedIOException && t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    if (t instanceof NoSuchFileException f) {
      return "no such file or directory: " + f.getFile();
    }
    if (t instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (t instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory; give the JVM more heap: java -Xmx4g -jar funnel.jar ..., or FUNNEL_JAVA_OPTS=-Xmx4g ./funnel ...";
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return "unexpected " + t.getClass().getSimpleName() + " (set FUNNEL_DEBUG=1 for the stack trace)";
    }
    return m.lines().findFirst().orElse(m);
  }
}
