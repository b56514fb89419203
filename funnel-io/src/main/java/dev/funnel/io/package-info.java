/**
 * Reading and writing funnel datasets (spec/dataset.md) and JSON for results.
 *
 * <pre>{@code
 * DatasetRead r = DatasetReader.lenient().read(Path.of("data"));   // or DatasetReader.strict()
 * Dataset d = r.dataset();                     // the accepted rows
 * r.print();                                   // read / accepted / rejected per table and reason
 *
 * // one big table, row by row, without building a Dataset
 * TableRead t = DatasetReader.strict().forEach(Rows.PAYMENTS, Path.of("payments.csv"), p -> sum.add(p));
 * }</pre>
 *
 * <p>Options ({@link dev.funnel.io.DatasetReader#builder()}): time zone for timestamps without an
 * offset, stage catalog, CSV delimiter (detected by default), strict or lenient, currency rates.
 * Strict reading throws {@link dev.funnel.io.InvalidDataException} naming file, line, column,
 * field, value and reason; lenient reading counts rejected rows by stable reason code.
 */
package dev.funnel.io;
