package dev.funnel.cli.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dataset is (the review pack's dataset section): where it came from, its zone and
 * currency, the days of its first and last event, the as-of instant of the report, the window it
 * was cut to, and its tables with their rows.
 */
public final class DatasetView implements View {

  /**
   * What the view shows.
   *
   * @param source    where the dataset came from, for people
   * @param firstDay  the day of the first event, or null
   * @param lastDay   the day of the last event, or null
   * @param asOf      the report's as-of instant
   * @param asOfLabel the as-of instant for people
   * @param from      the first day of the window the dataset was cut to, or null
   * @param to        the day after that window, or null
   */
  public record Facts(String source, Dataset dataset, LocalDate firstDay, LocalDate lastDay,
      Instant asOf, String asOfLabel, LocalDate from, LocalDate to) {}

  private final Facts f;

  private DatasetView(Facts f) {
    this.f = f;
  }

  /** The view of the facts. */
  public static DatasetView of(Facts f) {
    return new DatasetView(f);
  }

  /** The zone's id, {@code UTC} for the UTC offset. */
  public static String zone(Dataset d) {
    return d.zone().equals(ZoneOffset.UTC) ? "UTC" : d.zone().getId();
  }

  private String currency() {
    return Money.UNSPECIFIED.equals(f.dataset().currency()) ? null : f.dataset().currency();
  }

  private boolean bounded() {
    return f.from() != null || f.to() != null;
  }

  record Window(LocalDate from, LocalDate to) {}

  record Json(String source, String zone, String currency, LocalDate firstDay, LocalDate lastDay,
      String asOf, @JsonInclude(Include.NON_NULL) Window window, Map<String, Long> tables) {}

  @Override
  public Object json() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (DatasetTable t : f.dataset().tables()) {
      rows.put(t.fileName(), (long) f.dataset().size(t));
    }
    return new Json(f.source(), zone(f.dataset()), currency(), f.firstDay(), f.lastDay(),
        f.asOf().toString(), bounded() ? new Window(f.from(), f.to()) : null, rows);
  }

  private String events() {
    return f.firstDay() == null ? "none" : f.firstDay() + " .. " + f.lastDay();
  }

  /** The tables and their rows. */
  public TextTable table() {
    TextTable t = TextTable.of("table", "rows");
    for (DatasetTable table : f.dataset().tables()) {
      t = t.plus(table.fileName(), (long) f.dataset().size(table));
    }
    return t;
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("source:   ").append(f.source()).append('\n');
    b.append("zone:     ").append(zone(f.dataset())).append('\n');
    b.append("currency: ").append(currency() == null ? "not stated" : currency()).append('\n');
    b.append("events:   ").append(events()).append('\n');
    b.append("as of:    ").append(f.asOfLabel()).append(" (rows after it are not used)\n");
    if (bounded()) {
      b.append("window:   ").append(Formats.window(f.from(), f.to())).append('\n');
    }
    return b.append('\n').append(table().render()).toString();
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of("tables", table());
  }

  @Override
  public String csv() {
    return table().csv();
  }

  @Override
  public Section html(Section s) {
    TextTable t = table();
    return s.figures(List.of(
            new KeyFigure("Source", f.source()),
            new KeyFigure("Events", events()),
            new KeyFigure("As of", f.asOfLabel(), "rows after it are not used"),
            new KeyFigure("Zone", zone(f.dataset()))))
        .table(t.header(), t.textRows());
  }
}
