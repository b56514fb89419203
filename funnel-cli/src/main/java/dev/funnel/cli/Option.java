package dev.funnel.cli;

/**
 * One {@code --name [VALUE]} option a command accepts.
 *
 * <p>The common options are constants here; a command lists the ones it uses in {@link
 * Command#options()} together with its own. Parsed values are looked up by the option object, so
 * two commands may use the same name with different meanings ({@code --out FILE} is where output
 * goes, {@code funnel demo --out DIR} is where the dataset is written).
 *
 * @param name      the name without dashes
 * @param valueName the placeholder of its value in help text ({@code FILE}), or null for a flag
 * @param help      one line for {@code --help}
 */
record Option(String name, String valueName, String help) {

  /** {@code --format F}: the output format; the command says which ones it supports. */
  static final Option FORMAT = new Option("format", "FORMAT", "output format");
  /** {@code --zone ZONE}: the dataset time zone (default UTC). */
  static final Option ZONE =
      new Option("zone", "ZONE", "dataset time zone for local timestamps and periods (default UTC)");
  /** {@code --from DATE}: start of the half-open event-time window. */
  static final Option FROM = new Option("from", "DATE", "only events at or after this date");
  /** {@code --to DATE}: end of the half-open event-time window. */
  static final Option TO = new Option("to", "DATE", "only events before this date");
  /** {@code --out FILE}: write the output there instead of standard output. */
  static final Option OUT = new Option("out", "FILE", "write the output to FILE instead of standard output");
  /** {@code --lenient}: skip invalid rows instead of stopping at the first one. */
  static final Option LENIENT =
      new Option("lenient", null, "skip invalid rows (counted by reason on stderr) instead of stopping");
  /** {@code --as-of DATE}: the report's "today"; later timestamps are in the future. */
  static final Option AS_OF = new Option("as-of", "DATE",
      "report as of the end of this day: later timestamps are future (default: the latest timestamp of the data)");
  /** {@code --help}: accepted by every command without being listed. */
  static final Option HELP = new Option("help", null, "show this help");

  Option {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("option name must be lower-case words with dashes, got " + name);
    }
  }

  /** Whether the option takes a value. */
  boolean takesValue() {
    return valueName != null;
  }

  /** {@code --name VALUE} or {@code --name}. */
  String synopsis() {
    return "--" + name + (takesValue() ? " " + valueName : "");
  }
}
