package dev.funnel.cli;

import java.util.List;

/** The registry of subcommands, in the order {@code funnel --help} lists them. */
final class Commands {

  /** Every command; a new command is one more entry. */
  static final List<Command> ALL = List.of(
      new DemoCommand(),
      new ReportCommand(),
      new FunnelCommand(),
      new AttributionCommand(),
      new CohortsCommand(),
      new LtvCommand(),
      new UnitCommand(),
      new SalesCommand(),
      new PlanfactCommand(),
      new SlaCommand(),
      new ScoreCommand(),
      new BridgeCommand(),
      new QualityCommand());

  private Commands() {}

  /**
   * The command with this name.
   *
   * @throws UsageException naming the known commands
   */
  static Command find(String name) {
    for (Command c : ALL) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    List<String> names = ALL.stream().map(Command::name).toList();
    String hint = Suggestion.of(name, names, "");
    throw new UsageException(null, "unknown command '" + name + "'"
        + (hint.isEmpty() ? "; commands: " + String.join(", ", names) : hint));
  }
}
