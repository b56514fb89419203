/**
 * The {@code funnel} command line (docs/spec/cli.md): a thin layer over the library's public API, so
 * every number it prints can also be computed from Java or JShell.
 *
 * <p>{@link dev.funnel.cli.Funnel} is the entry point ({@code java -jar funnel.jar COMMAND ...},
 * or {@link dev.funnel.cli.Funnel#run} from a program, also over a dataset already in memory). Each subcommand is one class implementing
 * the package's {@code Command} interface, listed once in {@code Commands.ALL}; it declares its
 * options and formats, and the framework parses, checks, prints {@code --help} and maps outcomes
 * to exit codes: 0 success, 2 usage error, 3 invalid input data, 1 anything else. Results go
 * through one writer ({@code Session.emit}: standard output or {@code --out FILE}, UTF-8).
 * {@code funnel report} is the list of sections in {@code Report.SECTIONS}; a new section is one
 * class and one line there. The report computes its sections in parallel into a per-report memo
 * ({@code ReportScope.shared}) and then renders them in order; a command and the report section
 * showing the same result build its JSON in one place (the command's static {@code json} methods).
 */
package dev.funnel.cli;
