package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code funnel NAME ...} subcommand.
 *
 * <p>A command declares its name, help text, options and formats; {@link Funnel} parses the
 * command line against that declaration (so unknown options, missing values and unsupported
 * formats are usage errors before the command runs) and handles {@code --help}. Adding a command
 * is adding one class and one line in {@link Commands#ALL}.
 */
interface Command {

  /** The subcommand name as typed. */
  String name();

  /** One line for the command list of {@code funnel --help}. */
  String summary();

  /** The operand part of the synopsis, e.g. {@code DATA}; empty when there are none. */
  String operands();

  /** Further help paragraphs after the synopsis (may be empty). */
  default String details() {
    return "";
  }

  /** The options it accepts, besides {@code --help}. */
  List<Option> options();

  /**
   * The values {@code --format} accepts, the default first; empty when the command has one fixed
   * output. A command that lists formats must list {@link Option#FORMAT} in {@link #options()}.
   */
  List<Format> formats();

  /** The most operands (positional arguments) it takes. */
  default int maxOperands() {
    return 1;
  }

  /**
   * Runs the command.
   *
   * @return the exit code, 0 on success
   * @throws UsageException when the arguments are inconsistent in a way parsing cannot see
   * @throws Exception anything else makes exit code 1 (or 3 for invalid input data)
   */
  int run(Arguments args, Session session) throws Exception;

  /**
   * The tables the command reads from DATA with its default options; empty when it reads every
   * table there, or none. The {@code ./funnel} launcher sums the sizes of these files to choose
   * the JIT ({@code funnel --launcher-tables}, docs/cli.md).
   */
  default Optional<Set<DatasetTable>> tablesByDefault() {
    return Optional.empty();
  }

  /** The command's syntax, what parsing its command line needs. */
  default Syntax syntax() {
    return new Syntax(name(), operands(), options(), formats(), maxOperands());
  }
}
