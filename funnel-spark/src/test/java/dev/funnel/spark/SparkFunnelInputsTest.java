package dev.funnel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.PathState;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.io.DatasetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any DataFrames with the canonical columns ({@link SparkFunnel#of}) mean what the CSV reader
 * reads: column order, header case, blanks, local times in the dataset zone, a custom catalog;
 * and what Spark cannot do is refused with a message.
 */
class SparkFunnelInputsTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final StageCatalog CATALOG = StageCatalog.of(List.of("New", "Qualified", "Won"), List.of("Lost"));

  static SparkSession spark;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSessions.local();
  }

  static org.apache.spark.sql.Dataset<Row> frame(String header, String... rows) {
    StructType schema = new StructType();
    for (String h : header.split(",")) {
      schema = schema.add(h, DataTypes.StringType, true);
    }
    List<Row> list = new ArrayList<>();
    for (String r : rows) {
      String[] cells = r.split(",", -1);
      Object[] values = new Object[cells.length];
      for (int i = 0; i < cells.length; i++) {
        values[i] = cells[i].isEmpty() ? null : cells[i];
      }
      list.add(RowFactory.create(values));
    }
    return spark.createDataFrame(list, schema).repartition(3);
  }

  static final String LEADS = "CHANNEL,Lead_ID,created_at,extra";
  static final String[] LEAD_ROWS = {
      "seo,a, 2026-01-31T23:30:00 ,x", ",b,2026-02-10,", "'=webinar,c,2026-03-05T10:00:00Z,"};
  static final String STAGES = "at,stage,lead_id";
  static final String[] STAGE_ROWS = {
      "2026-02-01T10:00:00,qualified,a", "2026-03-01T00:00:00Z,WON,b", "2026-03-07T00:00:00Z,lost,c"};
  static final String TOUCHES = "lead_id,at,channel";
  static final String[] TOUCH_ROWS = {"a,2026-01-20T10:00:00Z,seo", "b,2026-02-01T10:00:00Z,ads",
      "b,2026-02-20T10:00:00Z,seo"};

  static void write(String name, String header, String[] rows) throws IOException {
    Files.writeString(dir.resolve(name), header + "\n" + String.join("\n", rows) + "\n");
  }

  @Test
  void dataFramesMeanWhatTheReaderReads() throws IOException {
    write("leads.csv", LEADS, LEAD_ROWS);
    write("stages.csv", STAGES, STAGE_ROWS);
    write("touches.csv", TOUCHES, TOUCH_ROWS);
    Dataset jvm = DatasetReader.builder().zone(ZONE).catalog(CATALOG).build().read(dir).dataset();
    SparkFunnel f = SparkFunnel.of(spark, Map.of(
        DatasetTable.LEADS, frame(LEADS, LEAD_ROWS),
        DatasetTable.STAGES, frame(STAGES, STAGE_ROWS),
        DatasetTable.TOUCHES, frame(TOUCHES, TOUCH_ROWS)), ZONE, CATALOG);
    List<FunnelQuery> qs = List.of(FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL),
        FunnelQuery.cohort().per(Granularity.WEEK));
    SparkFunnel.LeadStates s = f.byLead(qs, JourneyOptions.DEFAULTS, 1, false);
    for (int i = 0; i < qs.size(); i++) {
      assertEquals(StageFunnel.tally(jvm, qs.get(i)), s.funnels().get(i));
    }
    // a's 23:30 local time is 22:30 UTC on 31 January: it is in January; c's channel is unguarded
    assertEquals(List.of("(none)", "=webinar", "seo"),
        s.funnels().get(0).result().groups().stream().map(g -> g.key()).toList());
    assertEquals(JourneySet.fromDataset(jvm, JourneyOptions.DEFAULTS).pathCounts(), s.journeys().paths());
    assertEquals(1, s.journeys().paths().paths().get(0).conversions(), "b converts after ads > seo");
  }

  @Test
  void whatSparkCannotDoIsRefused() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> SparkFunnel.of(spark, Map.of(DatasetTable.LEADS, frame("lead_id,channel", "a,seo")),
            ZONE, CATALOG));
    assertTrue(missing.getMessage().contains("no column created_at"), missing.getMessage());
    SparkFunnel leadsOnly = SparkFunnel.of(spark,
        Map.of(DatasetTable.LEADS, frame(LEADS, LEAD_ROWS)), ZONE, CATALOG);
    assertThrows(IllegalStateException.class, () -> leadsOnly.funnel(FunnelQuery.event()));
    assertThrows(IllegalStateException.class, () -> leadsOnly.byLead(
        List.of(), JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(30), 1, false));
    assertThrows(IllegalStateException.class,
        () -> leadsOnly.cohorts(Granularity.MONTH, CohortBasis.TOUCH));
    assertThrows(IllegalStateException.class,
        () -> leadsOnly.cohorts(Granularity.MONTH, CohortBasis.PAYMENT));
  }

  /**
   * Two leads of one customer and a lead missing from the leads table (its own customer), by hand:
   * C1's first touch is b's (January), its SQL date a's won date (March); z's touch and won date
   * are in February; a's journey is worth C1's payment for a within 30 days of winning, z's the
   * payment without a lead.
   */
  @Test
  void customersJoinedOnSparkAsOnTheSingleJvm() throws IOException {
    Path d = dir.resolve("joins");
    Files.createDirectories(d);
    Files.writeString(d.resolve("leads.csv"), "lead_id,created_at,channel,customer_id\n"
        + "a,2026-02-10T00:00:00Z,ads,C1\nb,2026-03-01T00:00:00Z,seo,C1\n");
    Files.writeString(d.resolve("touches.csv"), "lead_id,at,channel\n"
        + "a,2026-03-05T00:00:00Z,ads\nb,2026-01-20T00:00:00Z,seo\nz,2026-02-15T00:00:00Z,email\n");
    Files.writeString(d.resolve("stages.csv"), "lead_id,stage,at\n"
        + "a,WON,2026-03-08T00:00:00Z\nz,WON,2026-02-20T00:00:00Z\n");
    Files.writeString(d.resolve("payments.csv"), "customer_id,lead_id,paid_at,amount\n"
        + "C1,a,2026-03-10T00:00:00Z,100\nC1,a,2026-05-10T00:00:00Z,7\nz,,2026-03-01T00:00:00Z,50\n");
    Dataset jvm = DatasetReader.strict().read(d).dataset();
    SparkFunnel f = SparkFunnel.read(spark, d.toString()).repartition(2);

    CohortTable touch = f.cohorts(Granularity.MONTH, CohortBasis.TOUCH).result();
    assertEquals(Cohorts.table(jvm, Granularity.MONTH, CohortBasis.TOUCH), touch);
    assertEquals(List.of(Period.parse("2026-01"), Period.parse("2026-02")),
        touch.cohorts().stream().map(r -> r.cohort()).toList(), "C1 in January, z in February");
    CohortTable sql = f.cohorts(Granularity.MONTH, CohortBasis.SQL).result();
    assertEquals(Cohorts.table(jvm, Granularity.MONTH, CohortBasis.SQL), sql);
    assertEquals(List.of(Period.parse("2026-02"), Period.parse("2026-03")),
        sql.cohorts().stream().map(r -> r.cohort()).toList(), "z in February, C1 in March");

    JourneyOptions paid = JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(30);
    PathState paths = f.pathCounts(paid);
    assertEquals(JourneySet.fromDataset(jvm, paid).pathCounts(), paths);
    assertEquals(List.of("ads:1:100", "email:1:50", "seo:0:0"), paths.paths().stream()
        .map(p -> p.pathText() + ":" + p.conversions() + ":" + p.value().stripTrailingZeros().toPlainString())
        .sorted().toList());
  }
}
