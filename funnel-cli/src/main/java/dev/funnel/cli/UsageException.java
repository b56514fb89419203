package dev.funnel.cli;

/**
 * The command line itself is wrong: an unknown command or option, a missing or malformed value.
 * Exit code 2; the message is one line and is followed by a hint to {@code --help}.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The command whose help the hint points to, or null for the top level. */
  private final String command;

  UsageException(String command, String message) {
    super(message);
    this.command = command;
  }

  /** The hint line: where to read the correct usage. */
  String hint() {
    return command == null
        ? "Run 'funnel --help' for usage."
        : "Run 'funnel " + command + " --help' for usage.";
  }
}
