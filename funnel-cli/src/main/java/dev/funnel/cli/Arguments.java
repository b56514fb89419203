package dev.funnel.cli;

import dev.funnel.core.Period;
import dev.funnel.core.Dataset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line of one command, parsed against what the command declares, with typed
 * accessors that turn malformed values into {@link UsageException}s (exit code 2).
 *
 * <p>Syntax: {@code --name value}, {@code --name=value}, flags as {@code --name}; operands
 * anywhere; {@code --} ends options. An option may be given once.
 */
final class Arguments {

  private final Syntax command;
  private final Map<Option, String> values;
  private final List<String> operands;
  private final boolean help;
  /** A dataset given in memory instead of DATA or --demo ({@link Funnel#run(String[], Dataset, java.io.PrintStream, java.io.PrintStream, boolean)}), or null. */
  private final Dataset dataset;

  private Arguments(Syntax command, Map<Option, String> values, List<String> operands, boolean help) {
    this(command, values, operands, help, null);
  }

  private Arguments(Syntax command, Map<Option, String> values, List<String> operands, boolean help,
      Dataset dataset) {
    this.command = command;
    this.values = Collections.unmodifiableMap(values);
    this.operands = List.copyOf(operands);
    this.help = help;
    this.dataset = dataset;
  }

  /** These arguments with a dataset given in memory in place of DATA or --demo. */
  Arguments withDataset(Dataset d) {
    return new Arguments(command, new LinkedHashMap<>(values), operands, help, d);
  }

  /** The dataset given in memory, or null when the command reads DATA or generates the demo. */
  Dataset dataset() {
    return dataset;
  }

  /**
   * Parses the arguments after the command name.
   *
   * @throws UsageException on an unknown option, a missing value, a repeated option or too many
   *     operands (unless {@code --help} is among them: help wins)
   */
  static Arguments parse(Syntax command, List<String> args) {
    Map<String, Option> byName = new HashMap<>();
    for (Option o : command.options()) {
      byName.put(o.name(), o);
    }
    if (args.contains("--help") || args.contains("-h")) {
      return new Arguments(command, new LinkedHashMap<>(), List.of(), true);
    }
    Map<Option, String> values = new LinkedHashMap<>();
    List<String> operands = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
        operands.add(a);
        continue;
      }
      if (a.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (!a.startsWith("--")) {
        throw usage(command, "unknown option '" + a + "' (options are written --name)");
      }
      String name = a.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option o = byName.get(name);
      if (o == null) {
        throw usage(command, "unknown option '--" + name + "' for 'funnel " + command.name() + "'"
            + Suggestion.of(name, byName.keySet(), "--"));
      }
      String value;
      if (!o.takesValue()) {
        if (inline != null) {
          throw usage(command, "option --" + name + " takes no value");
        }
        value = "";
      } else if (inline != null) {
        value = inline;
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw usage(command, "option --" + name + " needs a value (" + o.synopsis() + ")");
      }
      if (values.containsKey(o)) {
        throw usage(command, "option --" + name + " given twice");
      }
      values.put(o, value);
    }
    if (operands.size() > command.maxOperands()) {
      throw usage(command, command.maxOperands() == 0
          ? "'funnel " + command.name() + "' takes no operands, got '" + operands.get(0) + "'"
          : "unexpected argument '" + operands.get(command.maxOperands()) + "'");
    }
    return new Arguments(command, values, operands, false);
  }

  private static UsageException usage(Syntax c, String message) {
    return new UsageException(c.name(), message);
  }

  /** A usage error of this command. */
  UsageException usage(String message) {
    return usage(command, message);
  }

  /**
   * Checks the values of the common options the command declares ({@code --format},
   * {@code --zone}, {@code --from}/{@code --to}, {@code --as-of}, {@code --out}), so that every
   * command refuses a malformed one the same way before doing any work.
   *
   * @throws UsageException on the first malformed value
   */
  void checkCommon() {
    List<Option> declared = command.options();
    if (declared.contains(Option.FORMAT) && !command.formats().isEmpty()) {
      format();
    }
    if (declared.contains(Option.ZONE)) {
      zone();
    }
    if (declared.contains(Option.FROM) || declared.contains(Option.TO)) {
      window();
    }
    if (declared.contains(Option.AS_OF)) {
      date(Option.AS_OF);
    }
    if (declared.contains(Option.OUT)) {
      out();
    }
  }

  /** Whether {@code --help} was asked for. */
  boolean help() {
    return help;
  }

  /** Whether the option (a flag or one with a value) was given. */
  boolean has(Option o) {
    return values.containsKey(o);
  }

  /** The option's value, or null when it was not given. */
  String value(Option o) {
    return values.get(o);
  }

  /** The operands, in order. */
  List<String> operands() {
    return operands;
  }

  /**
   * The one required operand.
   *
   * @param what its name in the message ({@code DATA})
   */
  String operand(String what) {
    if (operands.isEmpty()) {
      throw usage("missing " + what + " (funnel " + command.name() + " " + command.operands() + ")");
    }
    return operands.get(0);
  }

  /** {@code --format}, checked against the command's formats; the first one when absent. */
  Format format() {
    List<Format> allowed = command.formats();
    if (allowed.isEmpty()) {
      throw new IllegalStateException("'" + command.name() + "' declares no formats");
    }
    String v = value(Option.FORMAT);
    if (v == null) {
      return allowed.get(0);
    }
    Format f = Format.find(v);
    if (f == null || !allowed.contains(f)) {
      throw usage("'funnel " + command.name() + "' does not support --format " + v + "; use one of "
          + allowed.stream().map(Format::label).collect(Collectors.joining(", ")));
    }
    return f;
  }

  /** {@code --zone}, UTC when absent. */
  ZoneId zone() {
    String v = value(Option.ZONE);
    if (v == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw usage("bad --zone '" + v + "': expected a region such as Europe/Berlin or an offset such as +02:00");
    }
  }

  /** {@code --from}/{@code --to} as a half-open window; unbounded sides are null. */
  Window window() {
    LocalDate from = date(Option.FROM);
    LocalDate to = date(Option.TO);
    if (from != null && to != null && !from.isBefore(to)) {
      throw usage("--from " + from + " must be before --to " + to + " (the window is [from, to))");
    }
    return new Window(from, to);
  }

  /**
   * {@code --as-of DATE}: the last instant of that day in the zone; null when not given (the
   * command then takes it from the data, never from the clock, so the same data gives the same
   * output on any day).
   */
  Instant asOf(ZoneId zone) {
    LocalDate day = date(Option.AS_OF);
    return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
  }

  private LocalDate date(Option o) {
    String v = value(o);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw usage("bad --" + o.name() + " '" + v + "': expected a date such as 2026-03-01");
    }
  }

  /** {@code --out} as a path, or null. */
  Path out() {
    String v = value(Option.OUT);
    return v == null ? null : path(Option.OUT, v);
  }

  /** A value that names a file or directory. */
  Path path(Option o, String v) {
    if (v.isBlank()) {
      throw usage("--" + o.name() + " needs a non-empty path");
    }
    try {
      return Path.of(v);
    } catch (java.nio.file.InvalidPathException e) {
      throw usage("bad --" + o.name() + " path '" + v + "': " + e.getReason());
    }
  }

  /**
   * An integer option.
   *
   * @param dflt the value when the option is absent
   * @param min  the smallest allowed value
   * @param max  the largest allowed value
   */
  long integer(Option o, long dflt, long min, long max) {
    String v = value(o);
    if (v == null) {
      return dflt;
    }
    long n;
    try {
      n = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw usage("bad --" + o.name() + " '" + v + "': expected a whole number");
    }
    if (n < min || n > max) {
      throw usage("--" + o.name() + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** The period of option {@code o}, null when absent; a usage error when malformed. */
  Period period(Option o) {
    String v = value(o);
    if (v == null) {
      return null;
    }
    try {
      return Period.parse(v.trim());
    } catch (RuntimeException e) {
      throw usage("bad --" + o.name() + " '" + v
          + "': expected a period such as 2026, 2026-Q1, 2026-03, 2026-W10 or 2026-03-01");
    }
  }
}
