package dev.funnel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a running command writes to: its result goes through {@link #emit(String)}, the one place
 * that sends output to standard output or to the {@code --out} file, always in UTF-8; notes for
 * people (rejection summaries, "wrote ..." lines) go to {@link #err()}.
 */
final class Session {

  private final PrintStream out;
  private final PrintStream err;
  private Path outFile;

  /**
   * @param out standard output (UTF-8)
   * @param err standard error (UTF-8)
   */
  Session(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Sends the result to this file instead of standard output. */
  void redirect(Path file) {
    this.outFile = file;
  }

  /**
   * Writes the command's result: to the {@code --out} file (replacing it) when one was given,
   * otherwise to standard output. A missing final newline is added.
   */
  void emit(String text) {
    String body = text.endsWith("\n") ? text : text + "\n";
    if (outFile == null) {
      out.print(body);
      out.flush();
      return;
    }
    try {
      Files.writeString(outFile, body, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("cannot write " + outFile + ": its directory does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outFile + ": " + e.getMessage(), e);
    }
  }

  /** Standard output, for commands whose result is not a document (e.g. {@code demo}). */
  PrintStream out() {
    return out;
  }

  /** Standard error: notes and warnings for people. */
  PrintStream err() {
    return err;
  }
}
