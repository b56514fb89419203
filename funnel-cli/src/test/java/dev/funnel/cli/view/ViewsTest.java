package dev.funnel.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.funnel.core.Period;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer of the views and the long CSV of several tables. */
class ViewsTest {

  record Inner(String name, double rate) {}

  record Doc(String zeta, long alpha, double undefined, BigDecimal money, Instant at,
      LocalDate day, ZoneId zone, Period period, List<Inner> rows,
      @JsonInclude(JsonInclude.Include.NON_NULL) String absent,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> why) {}

  @Test
  void recordsAreObjectsInComponentOrderWithNullForUndefined() {
    Doc d = new Doc("z", 3, Double.NaN, new BigDecimal("1E+3"), Instant.parse("2026-03-01T00:00:00Z"),
        LocalDate.parse("2026-03-01"), ZoneId.of("Europe/Berlin"), Period.parse("2026-03"),
        List.of(new Inner("a", 0.5), new Inner("b", Double.POSITIVE_INFINITY)), null, Map.of());
    assertEquals("{\"zeta\":\"z\",\"alpha\":3,\"undefined\":null,\"money\":1000,"
        + "\"at\":\"2026-03-01T00:00:00Z\",\"day\":\"2026-03-01\",\"zone\":\"Europe/Berlin\","
        + "\"period\":\"2026-03\",\"rows\":[{\"name\":\"a\",\"rate\":0.5},{\"name\":\"b\",\"rate\":null}]}",
        Views.compact(d));
  }

  @Test
  void moreMembersFollowTheValuesOwn() {
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("rejected", List.of(1, 2));
    String j = Views.json(new Inner("a", 1.5), more);
    assertEquals("{\"name\":\"a\",\"rate\":1.5,\"rejected\":[1,2]}", j.replaceAll("\\s", ""));
  }

  @Test
  void severalTablesAreOneLongCsv() {
    TextTable t = TextTable.of("owner", "win rate", "deals").plus("ann, b", Cell.percent(0.25), 3L)
        .plus("=x", null, 0L);
    assertEquals("table,row,column,value\n"
        + "owners,\"ann, b\",win rate,0.25\n"
        + "owners,\"ann, b\",deals,3\n"
        + "owners,'=x,win rate,\n"
        + "owners,'=x,deals,0\n", Views.csv(Map.of("owners", t)));
  }

  record Outer(String period, @com.fasterxml.jackson.annotation.JsonUnwrapped Inner inner,
      BigDecimal money) {}

  @Test
  void unwrappedMembersAndTreesKeepExactNumbers() {
    Outer o = new Outer("2026-03", new Inner("a", 0.1 + 0.2), new BigDecimal("2552484.875"));
    assertEquals("{\"period\":\"2026-03\",\"name\":\"a\",\"rate\":0.30000000000000004,"
        + "\"money\":2552484.875}", Views.compact(o));
    String withMore = Views.json(o, Map.of("x", new BigDecimal("0.10"))).replaceAll("\\s", "");
    assertEquals("{\"period\":\"2026-03\",\"name\":\"a\",\"rate\":0.30000000000000004,"
        + "\"money\":2552484.875,\"x\":0.10}", withMore);
  }
}
