package dev.funnel.io;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.quality.Rejection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Decodes rows of one table that arrive as text cells under a header from somewhere other than a
 * file this package reads (a Spark {@code DataFrame} of CSV strings, a JDBC result), with exactly
 * the rules of {@link DatasetReader}: the same header matching (case-insensitive, unknown columns
 * kept as lead attributes), the same cell parsing (trimming, empty is absent, the CSV formula
 * guard undone, ISO-8601 times in the zone, plain decimals, catalog stages), so values mean the
 * same thing on every route.
 *
 * <p>Strict: an invalid row is an {@link IllegalArgumentException} naming table, column, value and
 * reason. Cross-row checks are those of one reader and see only the rows given to this decoder: a
 * lead id repeated within them, and a currency other than the first one seen. Not thread-safe;
 * cheap to build, so build one per partition or thread.
 *
 * @param <T> the row record
 */
public final class RowDecoder<T> {
  private final Codec<T> codec;
  private final String[] header;
  private final RowCells cells;
  private final ReadContext ctx;

  private RowDecoder(Codec<T> codec, String[] header, RowCells cells, ReadContext ctx) {
    this.codec = codec;
    this.header = header;
    this.cells = cells;
    this.ctx = ctx;
  }

  /**
   * A decoder for rows whose cells follow {@code header}.
   *
   * @param rows    the table ({@link Rows#LEADS} ...)
   * @param header  the column names of the cells, in cell order
   * @param zone    the dataset zone for timestamps without an offset
   * @param catalog the stage catalog (stage names of the stages table)
   * @throws IllegalArgumentException when a required column is missing or a column, known or not,
   *     is named twice (ignoring case and surrounding blanks; empty names are not names): a
   *     one-line message naming the table's file, line 1, the column and the name
   */
  public static <T> RowDecoder<T> of(Rows<T> rows, List<String> header, ZoneId zone,
      StageCatalog catalog) {
    return of(rows, header, zone, catalog, null);
  }

  /**
   * A decoder with {@link DatasetReader}'s currency rule under conversion rates: with rates, an
   * amount in a currency they cannot convert is rejected ({@code unknown_currency}) and several
   * currencies may mix; without (null), a currency other than the first one seen is rejected.
   * Amounts keep their own currency; the caller converts them ({@link CurrencyRates#convert}),
   * as {@code Dataset.Builder.rates} does.
   *
   * @throws IllegalArgumentException when a required column is missing or a column, known or not,
   *     is named twice (ignoring case and surrounding blanks; empty names are not names): a
   *     one-line message naming the table's file, line 1, the column and the name
   */
  public static <T> RowDecoder<T> of(Rows<T> rows, List<String> header, ZoneId zone,
      StageCatalog catalog, CurrencyRates rates) {
    if (rows == null || header == null || zone == null || catalog == null) {
      throw new IllegalArgumentException("rows, header, zone and catalog are required");
    }
    Codec<T> codec = rows.codec;
    String[] names = new String[header.size()];
    for (int i = 0; i < names.length; i++) {
      String h = header.get(i);
      names[i] = h == null ? "" : CsvText.unguard(h.strip()).toLowerCase(Locale.ROOT);
    }
    int[] map = new int[codec.columns.length];
    Arrays.fill(map, -1);
    boolean[] present = new boolean[codec.columns.length];
    List<String> extraNames = new ArrayList<>();
    List<Integer> extraIndex = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (!names[i].isEmpty()) {
        Integer first = seen.putIfAbsent(names[i], i);
        if (first != null) {
          // known or not: which of the two cells holds the value cannot be told
          throw headerProblem(codec, i + 1, names[i], "duplicate_column", "the header names column "
              + names[i] + " twice (columns " + (first + 1) + " and " + (i + 1) + "); which one"
              + " holds the values cannot be told");
        }
      }
      int c = codec.index(names[i]);
      if (c >= 0) {
        present[c] = true;
        map[c] = i;
      } else if (codec.keepsExtras() && !names[i].isEmpty()) {
        extraNames.add(names[i]);
        extraIndex.add(i);
      }
    }
    String missing = codec.missingColumn(present);
    if (missing != null) {
      throw headerProblem(codec, 0, missing, "missing_column", "the header has no column "
          + missing + " (required); it has " + Arrays.toString(names));
    }
    RowCells cells = RowCells.csv(map, extraNames.toArray(new String[0]),
        extraIndex.stream().mapToInt(Integer::intValue).toArray());
    return new RowDecoder<>(codec, names, cells, new ReadContext(zone, catalog, rates, rates == null));
  }

  /**
   * A header that cannot be decoded, as the reader's whole-table rejection of the same header
   * would describe it, on one line, the table naming the source: {@code leads:1:4: field region
   * 'region' - the header names column region twice ... [duplicate_column]}.
   */
  private static IllegalArgumentException headerProblem(Codec<?> codec, int column, String name,
      String code, String reason) {
    return new IllegalArgumentException(new Rejection(codec.table.fileName(), 1, column, name,
        column > 0 ? name : null, code, reason).describe());
  }

  /**
   * The record of one row.
   *
   * @param row the cells, in header order; null or empty cells are absent values
   * @throws IllegalArgumentException when the row is invalid (wrong number of cells, a missing
   *     or unparsable value), naming table, column, value and reason
   */
  public T decode(String[] row) {
    if (row == null || row.length != header.length) {
      throw new IllegalArgumentException(codec.table.fileName() + ": the row has "
          + (row == null ? 0 : row.length) + " cells, the header " + header.length);
    }
    cells.row(row);
    try {
      return codec.decode(cells, ctx);
    } catch (Reject r) {
      String column = r.column < 0 ? "row" : "column " + codec.columns[r.column];
      String value = r.value != null ? r.value : (r.column < 0 ? null : cells.value(r.column));
      throw new IllegalArgumentException(codec.table.fileName() + ": " + column
          + (value == null ? "" : ", value '" + value + "'") + ": " + r.getMessage()
          + " (" + r.code + ")");
    }
  }
}
