/**
 * How results show themselves in JShell, terminals and logs: {@link
 * dev.funnel.core.display.Tabular} (a summary line, then a table) and the {@link
 * dev.funnel.core.display.TextTable} it renders to.
 */
package dev.funnel.core.display;
