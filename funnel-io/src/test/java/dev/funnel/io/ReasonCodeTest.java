package dev.funnel.io;

import static dev.funnel.io.Fixtures.dataset;
import static dev.funnel.io.Fixtures.lenient;
import static dev.funnel.io.Fixtures.only;
import static dev.funnel.io.Fixtures.strictFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.quality.Rejection;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reason code not covered elsewhere, each in both modes: lenient reading rejects exactly
 * the bad row (the good row is kept) and strict reading fails at the same line, field and code.
 */
class ReasonCodeTest {

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("touches.csv", "lead_id,at,channel,kind\nL1,2026-01-01,seo,online\nL1,2026-01-02,seo,telepathy\n",
            "unknown_touch_kind", "kind"),
        Arguments.of("touches.csv", "lead_id,at,channel,cost\nL1,2026-01-01,seo,1\nL1,2026-01-02,seo,-1\n",
            "negative_amount", "cost"),
        Arguments.of("plan.csv", "period,metric,target\n2026-Q1,leads,1\n2026-Q5,leads,1\n",
            "unparsable_period", "period"),
        Arguments.of("payments.csv", "customer_id,paid_at,amount,currency\nC1,2026-01-01,1,USD\nC1,2026-01-02,1,US$\n",
            "invalid_currency", "currency"),
        Arguments.of("paths.csv", "path,total_conversions\na > b,1\na >,1\n", "invalid_path", "path"),
        Arguments.of("paths.csv", "path,total_conversions\na,1\nb,\n", "missing_value", "total_conversions"),
        Arguments.of("activities.csv", "lead_id,at,type\nL1,2026-01-01,call\nL1,2026-01-02,\n",
            "missing_value", "type"),
        Arguments.of("spend.csv", "date,channel,amount\n2026-01-01,seo,1\n2026-01-32,seo,1\n",
            "unparsable_time", "date"),
        Arguments.of("stages.csv", "lead_id,stage,at,amount\nL1,MQL,2026-01-01,\nL1,SQL,2026-01-02,ten\n",
            "unparsable_number", "amount"),
        Arguments.of("leads.ndjson", "{\"lead_id\":\"L1\",\"created_at\":\"2026-01-01\"}\n\n"
            + "{\"lead_id\":\"L2\",\"created_at\":\"2026-01-02\",\"tags\":[1]}\n", "unsupported_value", "tags"));
  }

  @ParameterizedTest(name = "{2} in {0}")
  @MethodSource("cases")
  void rejectedWhenLenientAndFatalWhenStrict(String file, String content, String code, String field) {
    dataset(dir, file, content);
    DatasetTable table = DatasetTable.parse(file.substring(0, file.indexOf('.')));
    DatasetRead r = lenient(dir);
    Rejection ex = only(r.readOf(table).orElseThrow());
    assertEquals(code, ex.code());
    assertEquals(field, ex.field());
    assertEquals(3, ex.line());
    assertEquals(1, r.dataset().size(table), "the good row is kept");
    Rejection s = strictFails(dir);
    assertEquals(code, s.code());
    assertEquals(field, s.field());
    assertEquals(3, s.line());
  }
}
