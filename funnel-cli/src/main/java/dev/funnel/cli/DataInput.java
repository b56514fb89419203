package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dataset of an analysis command ({@code attribution}, {@code cohorts}, {@code ltv},
 * {@code funnel}, {@code unit}, {@code planfact}, {@code sla}): read from DATA (or the demo), cut
 * to the {@code --from}/{@code --to} window, with the lenient rejection summary already on stderr.
 *
 * @param source  where the rows came from and what reading rejected
 * @param window  the window the dataset was cut to
 * @param dataset the rows inside the window (all rows when the command applies the window itself)
 */
record DataInput(DatasetSource source, Window window, Dataset dataset) {

  /**
   * The options every analysis command shares, in help order, followed by {@code own}.
   *
   * @param window whether the command takes {@code --from}/{@code --to} as an event-time cut
   */
  static List<Option> options(boolean window, Option... own) {
    List<Option> o = new ArrayList<>(List.of(own));
    o.add(Option.FORMAT);
    o.add(Option.ZONE);
    if (window) {
      o.add(Option.FROM);
      o.add(Option.TO);
    }
    o.addAll(List.of(Option.OUT, Option.LENIENT, DatasetSource.DELIMITER, DatasetSource.DATES,
        DatasetSource.DEMO,
        DatasetSource.SEED, DatasetSource.LEADS, DatasetSource.PAYMENTS_PER_LEAD));
    return List.copyOf(o);
  }

  /** Reads the dataset the arguments name and cuts it to the window. */
  static DataInput read(Arguments args, Session session, Set<DatasetTable> tables) {
    return read(args, session, true, tables);
  }

  /**
   * Reads the dataset the arguments name.
   *
   * @param slice cut the dataset to the window; false for a command that passes the window to the
   *     library itself (the funnel, whose window applies to reach times, not to rows)
   * @param tables the tables the command's computation uses: only these are read from DATA
   */
  static DataInput read(Arguments args, Session session, boolean slice, Set<DatasetTable> tables) {
    return read(args, session, slice, tables, java.util.Map.of());
  }

  /**
   * As {@link #read(Arguments, Session, boolean, Set)}, leaving out free-text columns the
   * command does not use ({@link DatasetSource#read(Arguments, boolean, Set, java.util.Map)}).
   */
  static DataInput read(Arguments args, Session session, boolean slice, Set<DatasetTable> tables,
      java.util.Map<DatasetTable, java.util.List<String>> leaveOut) {
    Window window = args.window();
    DatasetSource src = DatasetSource.of(args, tables, leaveOut);
    src.summarize(session.err());
    return new DataInput(src, window, slice ? window.slice(src.dataset()) : src.dataset());
  }
}
