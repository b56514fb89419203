/**
 * Reading and writing funnel datasets (docs/spec/dataset.md), and JSON for results (docs/spec/cli.md).
 *
 * <p>Read a dataset directory ({@code leads.csv}, {@code payments.ndjson}, ...; every table
 * optional):
 *
 * <pre>{@code
 * DatasetRead r = DatasetReader.lenient().read(Path.of("data"));  // or DatasetReader.strict()
 * Dataset d = r.dataset();          // the accepted rows
 * r.print();                        // read / accepted / rejected per table, by reason code
 * String report = r.toJson();       // {"rows": {...}, "rejected": [...]}
 *
 * DatasetReader custom = DatasetReader.builder()
 *     .zone(ZoneId.of("Europe/Berlin"))  // timestamps without an offset are local time here
 *     .delimiter(';')                    // default: detected from the header line
 *     .lenient(true).build();
 * }</pre>
 *
 * <p>Stream one big table without building a dataset; memory stays flat:
 *
 * <pre>{@code
 * TableRead t = DatasetReader.strict().forEach(Rows.PAYMENTS, Path.of("payments.csv"),
 *     p -> total[0] = total[0].add(p.amount().amount()));
 * }</pre>
 *
 * <p>Write a dataset or one table, as CSV or NDJSON; reading gives back what was written:
 *
 * <pre>{@code
 * DatasetWriter.write(d, Path.of("out"), FileFormat.CSV);
 * DatasetWriter.write(Rows.PAYMENTS, d.payments(), System.out, FileFormat.NDJSON);
 * }</pre>
 *
 * <p>CSV output guards against spreadsheet formula injection: a text cell whose leading run of
 * {@code '} is followed by {@code =}, {@code +}, {@code -} or {@code @} is written with one more
 * leading {@code '}, and reading removes one {@code '} from exactly such cells, so {@code =x}
 * round-trips as {@code '=x} and {@code '=x} as {@code ''=x}. Numeric cells are never guarded
 * ({@code -20} stays {@code -20}); NDJSON is never guarded.
 *
 * <p>Strict reading throws {@link dev.funnel.io.InvalidDataException} at the first invalid row,
 * naming file, line, column, field, value and reason; lenient reading rejects such rows and counts
 * them by a stable snake_case code. A table that cannot be read at all fails in both modes with
 * {@code not_a_file}, {@code empty_file}, {@code missing_column}, {@code duplicate_column} or
 * {@code invalid_header}; row codes: {@code unclosed_quote}, {@code invalid_quote},
 * {@code line_too_long},
 * {@code wrong_column_count}, {@code malformed_json}, {@code unsupported_value},
 * {@code missing_value}, {@code unparsable_time}, {@code unparsable_number}, {@code implausible_time},
 * {@code unparsable_period}, {@code unknown_stage}, {@code unknown_touch_kind},
 * {@code negative_amount}, {@code negative_count}, {@code invalid_path},
 * {@code invalid_currency}, {@code unknown_currency}, {@code mixed_currency},
 * {@code duplicate_lead_id}, {@code invalid_value}. Line numbers are physical lines (the CSV header
 * is line 1). The conventions for empty files, header problems and currencies are listed on
 * {@link dev.funnel.io.DatasetReader}.
 *
 * <p>{@link dev.funnel.io.Json} turns maps, lists and records into JSON with the conventions of
 * docs/spec/cli.md: NaN and infinite doubles as {@code null}, {@code BigDecimal} as plain numbers,
 * instants as ISO-8601 strings.
 */
package dev.funnel.io;
