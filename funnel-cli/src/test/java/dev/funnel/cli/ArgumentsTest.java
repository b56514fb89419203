package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  static final Option SEED = new Option("seed", "N", "random seed");

  /** A command that only declares; parsing never runs it. */
  static final Command PROBE = new Command() {
    @Override public String name() { return "probe"; }
    @Override public String summary() { return "a probe"; }
    @Override public String operands() { return "DATA"; }
    @Override public List<Option> options() {
      return List.of(Option.FORMAT, Option.ZONE, Option.FROM, Option.TO, Option.OUT, Option.LENIENT, SEED);
    }
    @Override public List<Format> formats() { return List.of(Format.TEXT, Format.JSON); }
    @Override public int run(Arguments args, Session session) { return 0; }
  };

  static Arguments parse(String... args) {
    return Arguments.parse(PROBE.syntax(), List.of(args));
  }

  static String usageError(String... args) {
    UsageException e = assertThrows(UsageException.class, () -> {
      Arguments a = parse(args);
      a.format();
      a.zone();
      a.window();
      a.integer(SEED, 1, 0, 100);
      a.operand("DATA");
    });
    assertEquals("Run 'funnel probe --help' for usage.", e.hint());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void valuesFlagsAndOperandsInAnyOrder() {
    Arguments a = parse("--format", "json", "d/", "--lenient", "--seed=7", "--zone", "Europe/Berlin");
    assertEquals(Format.JSON, a.format());
    assertEquals("d/", a.operand("DATA"));
    assertTrue(a.has(Option.LENIENT));
    assertEquals(7, a.integer(SEED, 1, 0, 100));
    assertEquals(ZoneId.of("Europe/Berlin"), a.zone());
    assertFalse(a.help());
  }

  @Test
  void defaultsWhenAbsent() {
    Arguments a = parse("d/");
    assertEquals(Format.TEXT, a.format());
    assertEquals(ZoneOffset.UTC, a.zone());
    assertEquals(Window.ALL, a.window());
    assertNull(a.out());
    assertFalse(a.has(Option.LENIENT));
    assertEquals(42, a.integer(SEED, 42, 0, 100));
  }

  @Test
  void doubleDashEndsOptions() {
    assertEquals(List.of("--odd-dir"), parse("--", "--odd-dir").operands());
  }

  @Test
  void windowIsHalfOpenDates() {
    Window w = parse("--from", "2026-03-01", "--to", "2026-04-01").window();
    assertEquals(LocalDate.of(2026, 3, 1), w.from());
    assertEquals(LocalDate.of(2026, 4, 1), w.to());
    assertTrue(w.contains(LocalDate.of(2026, 3, 31)));
    assertFalse(w.contains(LocalDate.of(2026, 4, 1)));
  }

  @Test
  void helpWinsOverEverythingElse() {
    assertTrue(parse("--bogus", "a", "b", "c", "--help").help());
  }

  @Test
  void usageErrors() {
    assertTrue(usageError("d/", "--fromat", "json").contains("unknown option '--fromat' for 'funnel probe'; did you mean --format?"));
    assertTrue(usageError("d/", "-x").contains("unknown option '-x'"));
    assertTrue(usageError("d/", "--format").contains("needs a value"));
    assertTrue(usageError("d/", "--format", "--lenient").contains("needs a value"));
    assertTrue(usageError("d/", "--format", "svg").contains("does not support --format svg; use one of text, json"));
    assertTrue(usageError("d/", "--format", "xml").contains("does not support --format xml"));
    assertTrue(usageError("d/", "--zone", "Mars/Olympus").contains("bad --zone"));
    assertTrue(usageError("d/", "--from", "2026-13-01").contains("bad --from"));
    assertTrue(usageError("d/", "--from", "2026-03-01", "--to", "2026-03-01").contains("must be before"));
    assertTrue(usageError("d/", "--seed", "x").contains("expected a whole number"));
    assertTrue(usageError("d/", "--seed", "101").contains("between 0 and 100"));
    assertTrue(usageError("d/", "--lenient=yes").contains("takes no value"));
    assertTrue(usageError("d/", "--seed", "1", "--seed", "2").contains("given twice"));
    assertTrue(usageError("d/", "e/").contains("unexpected argument 'e/'"));
    assertTrue(usageError("--lenient").contains("missing DATA"));
  }
}
