/**
 * The {@code funnel} command line (spec/cli.md): a thin layer over the library's public API, so
 * every number it prints can also be computed from Java or JShell.
 *
 * <p>{@link dev.funnel.cli.Funnel} is the entry point ({@code java -jar funnel.jar COMMAND ...},
 * or {@link dev.funnel.cli.Funnel#run} from a program). Each subcommand is one class implementing
 * the package's {@code Command} interface, listed once in {@code Commands.ALL}; it declares its
 * options and formats, and the framework parses, checks, prints {@code --help} and maps outcomes
 * to exit codes: 0 success, 2 usage error, 3 invalid input data, 1 anything else. Results go
 * through one writer ({@code Session.emit}: standard output or {@code --out FILE}, UTF-8).
 * {@code funnel report} is the list of sections in {@code Report.SECTIONS}; a new section is one
 * class and one line there.
 */
package dev.funnel.cli;
