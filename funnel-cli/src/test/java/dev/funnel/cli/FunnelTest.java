package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FunnelTest {

  /** The outcome of one in-process run. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Funnel.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void topLevelHelpListsEveryCommand() {
    for (Run r : new Run[] {run("--help"), run("help"), run("-h")}) {
      assertEquals(0, r.code());
      assertTrue(r.out().startsWith("Usage: funnel COMMAND"), r.out());
      for (Command c : Commands.ALL) {
        assertTrue(r.out().contains("  " + c.name() + " "), c.name() + " missing in\n" + r.out());
      }
      assertEquals("", r.err());
    }
  }

  @Test
  void everyCommandHasHelpListingItsOptionsAndFormats() {
    for (Command c : Commands.ALL) {
      Run r = run(c.name(), "--help");
      Run same = run("help", c.name());
      assertEquals(0, r.code());
      assertEquals(r.out(), same.out());
      assertTrue(r.out().startsWith("Usage: funnel " + c.name()), r.out());
      for (Option o : c.options()) {
        assertTrue(r.out().contains(o.synopsis()), o.synopsis() + " missing in\n" + r.out());
      }
      for (Format f : c.formats()) {
        assertTrue(r.out().contains(f.label()), f + " missing in\n" + r.out());
      }
      assertTrue(c.formats().isEmpty() || c.options().contains(Option.FORMAT), c.name());
    }
  }

  @Test
  void versionComesFromTheBuild() {
    Run r = run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().matches("funnel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), r.out());
  }

  @Test
  void usageErrorsExitWithTwoAndAHint() {
    for (String[] args : new String[][] {{}, {"frobnicate"}, {"--frobnicate"}, {"help", "frobnicate"}}) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      String[] lines = r.err().split("\n");
      assertTrue(lines[lines.length - 2].startsWith("funnel: "), r.err());
      assertEquals("Run 'funnel --help' for usage.", lines[lines.length - 1]);
    }
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    Run r = run("qualty", "d/");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("funnel: unknown command 'qualty'; did you mean quality?\n"), r.err());
  }

  @Test
  void unexpectedFailuresAreOneLineWithoutStackTrace() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = Failures.report(new IllegalStateException("the plan table is missing\nmore"), ps, false);
    assertEquals(1, code);
    assertEquals("funnel: the plan table is missing\n", err.toString(StandardCharsets.UTF_8));
    err.reset();
    Failures.report(new NullPointerException(), ps, true);
    String s = err.toString(StandardCharsets.UTF_8);
    assertTrue(s.startsWith("funnel: unexpected NullPointerException"), s);
    assertTrue(s.contains("\tat "), "debug mode prints the stack trace");
  }
}
