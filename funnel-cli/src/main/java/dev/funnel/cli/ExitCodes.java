package dev.funnel.cli;

/** The exit codes of {@code funnel} (docs/spec/cli.md). */
final class ExitCodes {

  /** Success. */
  static final int OK = 0;
  /** Anything that is neither a usage error nor invalid input data. */
  static final int FAILED = 1;
  /** The command line is wrong. */
  static final int USAGE = 2;
  /** The input data is invalid (strict reading refused a row). */
  static final int INVALID_DATA = 3;

  private ExitCodes() {}
}
