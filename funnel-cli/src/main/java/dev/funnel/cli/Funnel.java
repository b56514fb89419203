package dev.funnel.cli;

import dev.funnel.core.Dataset;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code funnel} command: {@code funnel COMMAND [OPERANDS] [OPTIONS]}.
 *
 * <p>Finds the command in {@link Commands#ALL}, parses its arguments, runs it and turns the outcome
 * into an exit code (docs/spec/cli.md): 0 success, 2 usage error (one line and a hint to
 * {@code --help} on stderr), 3 invalid input data (the rejected row's file, line, column, field,
 * value and reason), 1 anything else (a short message; the stack trace only when the environment
 * variable {@code FUNNEL_DEBUG} is {@code 1}).
 */
public final class Funnel {

  private Funnel() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, out, err, "1".equals(System.getenv("FUNNEL_DEBUG")));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line without exiting: the entry point of tests and embedding programs.
   *
   * @param debug print stack traces of unexpected failures
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean debug) {
    return runWith(args, null, out, err, debug);
  }

  /**
   * Runs a command over a dataset already in memory, in place of the DATA operand or
   * {@code --demo} (which are then usage errors): for a program that built or read the dataset
   * itself, and for timing a command without reading files.
   * {@code run(new String[] {"report", "--format", "json"}, dataset, out, err, false)}.
   *
   * @param dataset the dataset the command reads
   * @param debug   print stack traces of unexpected failures
   * @return the exit code
   */
  public static int run(String[] args, Dataset dataset, PrintStream out, PrintStream err, boolean debug) {
    java.util.Objects.requireNonNull(dataset, "dataset");
    return runWith(args, dataset, out, err, debug);
  }

  private static int runWith(String[] args, Dataset dataset, PrintStream out, PrintStream err, boolean debug) {
    List<String> all = Arrays.asList(args);
    String name = all.isEmpty() ? null : all.get(0);
    try {
      if (name == null) {
        err.print(topHelp());
        throw new UsageException(null, "missing command");
      }
      if (name.equals("--help") || name.equals("-h")) {
        out.print(topHelp());
        return ExitCodes.OK;
      }
      if (name.equals("--version")) {
        out.println("funnel " + version());
        return ExitCodes.OK;
      }
      if (name.equals("--launcher-tables")) { // for ./funnel: the tables each command reads
        for (Command c : Commands.ALL) {
          c.tablesByDefault().ifPresent(t -> out.println(c.name() + " "
              + t.stream().map(dev.funnel.core.DatasetTable::fileName).collect(
                  java.util.stream.Collectors.joining(" "))));
        }
        return ExitCodes.OK;
      }
      if (name.equals("help")) {
        if (all.size() == 1) {
          out.print(topHelp());
        } else {
          out.print(help(Commands.find(all.get(1))));
        }
        return ExitCodes.OK;
      }
      if (name.startsWith("-")) {
        throw new UsageException(null, "unknown option '" + name + "'; a command comes first (funnel COMMAND ...)");
      }
      Command command = Commands.find(name);
      Arguments parsed = Arguments.parse(command.syntax(), all.subList(1, all.size()));
      if (dataset != null) {
        parsed = parsed.withDataset(dataset);
      }
      if (parsed.help()) {
        out.print(help(command));
        return ExitCodes.OK;
      }
      parsed.checkCommon();
      Session session = new Session(out, err);
      if (command.options().contains(Option.OUT) && parsed.out() != null) {
        session.redirect(parsed.out());
      }
      int code = command.run(parsed, session);
      out.flush();
      return code;
    } catch (UsageException e) {
      err.println("funnel: " + e.getMessage());
      err.println(e.hint());
      return ExitCodes.USAGE;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return Failures.report(e, err, debug);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The version of this build. */
  static String version() {
    try (InputStream in = Funnel.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String topHelp() {
    StringBuilder b = new StringBuilder();
    b.append("Usage: funnel COMMAND [ARGS] [OPTIONS]\n\n");
    b.append("Marketing-and-sales funnel metrics for a dataset directory (CSV or NDJSON tables).\n\n");
    b.append("Commands:\n");
    int w = Commands.ALL.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    for (Command c : Commands.ALL) {
      b.append("  ").append(pad(c.name(), w)).append("  ").append(c.summary()).append('\n');
    }
    b.append("\nCommon options (each command's --help lists the ones it takes):\n");
    b.append("  --format F             output format: text, json, ... as the command supports\n");
    b.append("  --zone ZONE            dataset time zone (default UTC)\n");
    b.append("  --from DATE --to DATE  only events in [from, to), local dates in the dataset zone\n");
    b.append("  --out FILE             write the output to FILE instead of standard output\n");
    b.append("  --lenient              skip invalid rows (counted on stderr) instead of stopping\n");
    b.append("\nOptions:\n");
    b.append("  --help     this help; 'funnel COMMAND --help' or 'funnel help COMMAND' for a command\n");
    b.append("  --version  print the version\n");
    b.append("\nExit codes: 0 success, 1 failure, 2 usage error, 3 invalid input data.\n");
    return b.toString();
  }

  static String help(Command c) {
    StringBuilder b = new StringBuilder();
    b.append("Usage: funnel ").append(c.name());
    if (!c.operands().isEmpty()) {
      b.append(' ').append(c.operands());
    }
    String summary = c.summary();
    b.append(" [OPTIONS]\n\n").append(Character.toUpperCase(summary.charAt(0))).append(summary.substring(1)).append(".\n");
    if (!c.details().isEmpty()) {
      b.append('\n').append(c.details().strip()).append('\n');
    }
    b.append("\nOptions:\n");
    List<Option> opts = new java.util.ArrayList<>(c.options());
    opts.add(Option.HELP);
    int w = opts.stream().mapToInt(o -> o.synopsis().length()).max().orElse(0);
    for (Option o : opts) {
      String text = o.help();
      if (o.equals(Option.FORMAT) && !c.formats().isEmpty()) {
        text = "format: " + c.formats().stream().map(Format::label).collect(Collectors.joining(", "))
            + " (default " + c.formats().get(0).label() + ")";
      }
      b.append("  ").append(pad(o.synopsis(), w)).append("  ").append(text).append('\n');
    }
    return b.toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }
}
