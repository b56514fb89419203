package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelCredit;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.cohort.ChannelLtvToCac;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.ltv.BgNbdFit;
import dev.funnel.cohort.ltv.ClvTable;
import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.ParetoNbdFit;
import dev.funnel.cohort.ltv.RfmSummary;
import dev.funnel.cohort.ltv.ClvTerms;
import dev.funnel.cohort.ltv.GammaGammaFit;
import dev.funnel.cohort.ltv.RfmUnit;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.GroupFunnel;
import dev.funnel.core.funnel.PeriodFunnel;
import dev.funnel.core.funnel.StageCount;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.money.UnitRow;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis commands ({@code funnel}, {@code attribution}, {@code cohorts}, {@code ltv},
 * {@code unit}) in process on a small demo dataset written to disk: the JSON parses, has the
 * fields of docs/spec/cli.md, and its numbers equal the library's result computed here directly from
 * the same files.
 */
class AnalysisCommandsTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static final List<String> COMMANDS =
      List.of("funnel", "attribution", "cohorts", "ltv", "unit", "planfact", "sla");

  @TempDir static Path tmp;
  static Path dir;
  static Dataset data;
  static Path ltvDir;
  static Dataset ltvData;

  @BeforeAll
  static void writeDataset() {
    dir = tmp.resolve("demo");
    DatasetWriter.write(DemoData.builder().seed(7).leads(2_000).defectRate(0).build().dataset(), dir,
        FileFormat.CSV);
    data = DatasetReader.strict().read(dir).dataset();
    ltvDir = tmp.resolve("ltv");
    DatasetWriter.write(buyTillYouDie(400, 11), ltvDir, FileFormat.CSV);
    ltvData = DatasetReader.strict().read(ltvDir).dataset();
  }

  /**
   * Customers who buy and drop out as the BG/NBD model says (Fader, Hardie and Lee 2005): a weekly
   * purchase rate lambda ~ Gamma(2, rate 4) (a sum of two exponentials), after each purchase
   * dropout with probability p ~ Beta(1, 3); first purchases in the first 12 weeks of 2025,
   * observed for a year. The model is well identified on such data, so its fit is quick. Each
   * customer has one lead in one of two channels, and the paid channel has spend.
   */
  static Dataset buyTillYouDie(int customers, long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    Dataset.Builder b = Dataset.builder();
    java.time.Instant start = java.time.Instant.parse("2025-01-01T00:00:00Z");
    java.time.Instant end = java.time.Instant.parse("2025-12-31T23:59:59Z");
    for (int c = 0; c < customers; c++) {
      String id = "C" + c;
      double lambda = (-Math.log(1 - rnd.nextDouble()) - Math.log(1 - rnd.nextDouble())) / 4;
      double p = 1 - Math.pow(rnd.nextDouble(), 1.0 / 3);
      double week = rnd.nextDouble() * 12;
      java.time.Instant first = start.plusSeconds((long) (week * 7 * 86400));
      b.lead(new dev.funnel.core.Lead("L" + c, first.minusSeconds(86400), c % 3 == 0 ? "seo" : "paid_search",
          null, null, null, id, java.util.Map.of()));
      java.time.Instant at = first;
      while (!at.isAfter(end)) {
        long cents = 2000 + rnd.nextInt(8000);
        b.payment(new dev.funnel.core.Payment("P" + c + "-" + at.getEpochSecond(), id, null, at,
            dev.funnel.core.Money.of(BigDecimal.valueOf(cents, 2), "USD"), null));
        if (rnd.nextDouble() < p) {
          break;
        }
        week += -Math.log(1 - rnd.nextDouble()) / lambda;
        at = start.plusSeconds((long) (week * 7 * 86400));
      }
    }
    for (int d = 0; d < 365; d += 7) {
      b.spend(new dev.funnel.core.Spend(LocalDate.of(2025, 1, 1).plusDays(d), "paid_search", null,
          dev.funnel.core.Money.of("250.00", "USD")));
    }
    return b.build();
  }

  static JsonNode json(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, dir.toString());
    all.add("--format");
    all.add("json");
    FunnelTest.Run r = FunnelTest.run(all.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    return JACKSON.readTree(r.out());
  }

  /** A JSON number equal to the double, or null for NaN. */
  static void same(double expected, JsonNode actual, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertTrue(actual.isNull(), what + ": expected null, got " + actual);
    } else {
      assertTrue(actual.isNumber(), what + ": expected a number, got " + actual);
      assertEquals(expected, actual.asDouble(), 1e-9 * Math.max(1, Math.abs(expected)), what);
    }
  }

  static void same(BigDecimal expected, JsonNode actual, String what) {
    assertTrue(actual.isNumber(), what + ": " + actual);
    assertEquals(0, expected.compareTo(actual.decimalValue()), what + ": " + expected + " vs " + actual);
  }

  // ---- funnel

  static void sameStages(List<StageCount> expected, JsonNode stages, String what) {
    assertEquals(expected.size(), stages.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      StageCount s = expected.get(i);
      JsonNode n = stages.get(i);
      assertEquals(s.stage(), n.get("stage").asText(), what);
      assertEquals(s.count(), n.get("count").asLong(), what + " " + s.stage());
      same(s.conversionFromPrevious(), n.get("conversionFromPrevious"), what + " " + s.stage());
      same(s.conversionFromFirst(), n.get("conversionFromFirst"), what + " " + s.stage());
    }
  }

  static void nonIncreasing(JsonNode stages, String what) {
    for (int i = 1; i < stages.size(); i++) {
      assertTrue(stages.get(i).get("count").asLong() <= stages.get(i - 1).get("count").asLong(),
          what + ": counts increase at " + stages.get(i).get("stage"));
    }
  }

  @Test
  void funnelEventBasisEqualsTheLibrary() throws IOException {
    JsonNode j = json("funnel");
    assertEquals("event", j.get("basis").asText());
    FunnelReport r = StageFunnel.compute(data, FunnelQuery.event());
    sameStages(r.stages(), j.get("stages"), "event");
    assertEquals("LEAD", j.get("stages").get(0).get("stage").asText());
    assertEquals(2_000, j.get("stages").get(0).get("count").asLong());
    assertTrue(j.get("stages").get(0).get("conversionFromPrevious").isNull());
    assertFalse(j.has("groups"));
    assertFalse(j.has("periods"));
  }

  @Test
  void funnelCohortBasisByChannelAndMonthEqualsTheLibraryAndNeverIncreases() throws IOException {
    JsonNode j = json("funnel", "--basis", "cohort", "--by", "channel", "--period", "month",
        "--from", "2025-11-01", "--to", "2026-07-01");
    assertEquals("cohort", j.get("basis").asText());
    FunnelReport r = StageFunnel.compute(data, FunnelQuery.cohort().per(Granularity.MONTH)
        .by(Dimension.CHANNEL)
        .between(LocalDate.parse("2025-11-01").atStartOfDay(ZoneOffset.UTC).toInstant(),
            LocalDate.parse("2026-07-01").atStartOfDay(ZoneOffset.UTC).toInstant()));
    sameStages(r.stages(), j.get("stages"), "total");
    nonIncreasing(j.get("stages"), "total");
    assertEquals(r.groups().size(), j.get("groups").size());
    for (int g = 0; g < r.groups().size(); g++) {
      GroupFunnel e = r.groups().get(g);
      JsonNode n = j.get("groups").get(g);
      assertEquals(e.key(), n.get("key").asText());
      sameStages(e.stages(), n.get("stages"), e.key());
      nonIncreasing(n.get("stages"), e.key());
    }
    assertEquals(r.periods().size(), j.get("periods").size());
    assertEquals(8, r.periods().size()); // 2025-11 .. 2026-06
    long sum = 0;
    for (int p = 0; p < r.periods().size(); p++) {
      PeriodFunnel e = r.periods().get(p);
      JsonNode n = j.get("periods").get(p);
      assertEquals(e.period(), n.get("period").asText());
      sameStages(e.stages(), n.get("stages"), e.period());
      nonIncreasing(n.get("stages"), e.period());
      sum += n.get("stages").get(0).get("count").asLong();
    }
    // cohort basis: the periods partition the leads created in the window
    assertEquals(j.get("stages").get(0).get("count").asLong(), sum);
  }

  @Test
  void funnelWithinAndTwoDimensions() throws IOException {
    JsonNode j = json("funnel", "--basis", "cohort", "--within", "30d", "--by", "channel,segment");
    FunnelReport r = StageFunnel.compute(data, FunnelQuery.cohort()
        .by(Dimension.CHANNEL, Dimension.SEGMENT).within(java.time.Duration.ofDays(30)));
    sameStages(r.stages(), j.get("stages"), "within");
    assertEquals(r.groups().size(), j.get("groups").size());
    assertTrue(j.get("groups").get(0).get("key").asText().contains(" / "));
    assertEquals(2, usage("funnel", "--within", "30d").code()); // event basis has no horizon
    assertEquals(2, usage("funnel", "--by", "channel,colour").code());
    assertEquals(2, usage("funnel", "--basis", "cohort", "--within", "soon").code());
  }

  // ---- attribution

  static void sameCredit(AttributionResult e, JsonNode n) {
    assertEquals(e.model().label(), n.get("model").asText());
    assertEquals(e.conversions(), n.get("conversions").asLong());
    same(e.value(), n.get("value"), "value");
    assertEquals(e.channels().size(), n.get("channels").size());
    double conv = 0;
    double value = 0;
    for (int i = 0; i < e.channels().size(); i++) {
      ChannelCredit c = e.channels().get(i);
      JsonNode x = n.get("channels").get(i);
      assertEquals(c.channel(), x.get("channel").asText());
      same(c.conversions(), x.get("conversions"), e.model() + " " + c.channel());
      same(c.value(), x.get("value"), e.model() + " " + c.channel());
      conv += x.get("conversions").asDouble();
      value += x.get("value").asDouble();
    }
    // the credits sum to the conversions and the value
    assertEquals(n.get("conversions").asDouble(), conv, 1e-9 * n.get("conversions").asDouble(), e.model().label());
    assertEquals(n.get("value").asDouble(), value, 1e-9 * n.get("value").asDouble(), e.model().label());
  }

  @Test
  void attributionEveryModelEqualsTheLibraryAndCreditsSumToConversions() throws IOException {
    JourneySet js = JourneySet.fromDataset(data, JourneyOptions.DEFAULTS);
    assertTrue(js.conversions() > 50, "the demo should convert: " + js.conversions());
    for (String m : List.of("first", "last", "last-non-direct", "linear", "position", "w-shaped",
        "time-decay", "markov", "shapley")) {
      JsonNode j = json("attribution", "--model", m);
      sameCredit(Attribution.attribute(js, Model.parse(m), AttributionOptions.DEFAULTS), j);
    }
  }

  @Test
  void attributionAllModelsSideBySide() throws IOException {
    JourneySet js = JourneySet.fromDataset(data, JourneyOptions.DEFAULTS.withLookbackDays(30));
    JsonNode j = json("attribution", "--model", "all", "--lookback", "30", "--order", "2");
    AttributionOptions o = AttributionOptions.builder().markovOrder(2).build();
    List<Model> models = AttributionCommand.models(js, false);
    assertEquals(models.size(), j.get("models").size());
    assertTrue(models.contains(Model.MARKOV) && models.contains(Model.W_SHAPED));
    for (int i = 0; i < models.size(); i++) {
      sameCredit(Attribution.attribute(js, models.get(i), o), j.get("models").get(i));
    }
    FunnelTest.Run text = FunnelTest.run("attribution", dir.toString(), "--model", "all");
    assertEquals(0, text.code(), text.toString());
    for (Model m : models) {
      assertTrue(text.out().contains(m.label()), m + " column missing:\n" + text.out());
    }
  }

  @Test
  void attributionMarkovConventionsAndAutomaticOrder() throws IOException {
    JourneySet js = JourneySet.fromDataset(data, JourneyOptions.DEFAULTS);
    AttributionOptions keep = AttributionOptions.builder().keepRepeats(true).markovOrder(2)
        .markovValue(dev.funnel.attribution.MarkovValue.VALUE_WEIGHTED).build();
    JsonNode j = json("attribution", "--model", "markov", "--order", "2", "--repeats", "keep",
        "--markov-value", "weighted");
    sameCredit(Attribution.attribute(js, Model.MARKOV, keep), j);
    dev.funnel.attribution.OrderSelection s = Attribution.chooseOrder(js, 4, null);
    JsonNode auto = json("attribution", "--model", "markov", "--order", "auto");
    assertEquals(s.suggested(), auto.get("markovOrder").get("suggested").asInt());
    for (int i = 0; i < s.orders().size(); i++) {
      same(s.orders().get(i).auc(), auto.get("markovOrder").get("orders").get(i).get("heldOutAuc"),
          "order " + (i + 1));
    }
    sameCredit(Attribution.attribute(js, Model.MARKOV,
        AttributionOptions.builder().markovOrder(s.suggested()).build()), auto);
  }

  @Test
  void attributionOptions() throws IOException {
    // another conversion stage and direct channels
    JourneySet js = JourneySet.fromDataset(data, JourneyOptions.DEFAULTS.withConversionStage("SQL"));
    AttributionOptions o = AttributionOptions.builder().directChannels(Set.of("direct", "seo")).build();
    JsonNode j = json("attribution", "--model", "last-non-direct", "--conversion", "SQL", "--direct", "direct,seo");
    sameCredit(Attribution.attribute(js, Model.LAST_NON_DIRECT, o), j);
    // bootstrap intervals, seeded
    JourneySet won = JourneySet.fromDataset(data, JourneyOptions.DEFAULTS);
    JsonNode ci = json("attribution", "--model", "linear", "--ci", "0.9", "--replicates", "20");
    AttributionResult b = Attribution.bootstrap(won, Model.LINEAR, AttributionOptions.DEFAULTS, 20, 0.9,
        AttributionCommand.BOOTSTRAP_SEED);
    sameCredit(b, ci);
    for (int i = 0; i < b.channels().size(); i++) {
      same(b.channels().get(i).conversionsLow(), ci.get("channels").get(i).get("conversionsLow"), "low");
      same(b.channels().get(i).conversionsHigh(), ci.get("channels").get(i).get("conversionsHigh"), "high");
    }
    assertEquals(2, usage("attribution").code()); // --model is required
    assertEquals(2, usage("attribution", "--model", "magic").code());
    assertEquals(2, usage("attribution", "--model", "first", "--ci", "1.5").code());
    assertEquals(2, usage("attribution", "--model", "first", "--input", "sideways").code());
    assertEquals(2, usage("attribution", "--model", "custom").code()); // needs --weights
  }

  @Test
  void attributionFromThePathsTable() throws IOException {
    Path withPaths = tmp.resolve("paths");
    Files.createDirectories(withPaths);
    Files.writeString(withPaths.resolve("paths.csv"),
        "path,total_conversions,total_conversion_value,total_null\n"
            + "C1 > C2 > C3,1,10,0\n"
            + "C1,0,0,1\n"
            + "C2 > C3,0,0,1\n",
        StandardCharsets.UTF_8);
    FunnelTest.Run r = FunnelTest.run("attribution", withPaths.toString(), "--model", "markov",
        "--input", "paths", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = JACKSON.readTree(r.out());
    // the published three-journey example: removal effects 0.5, 1, 1 -> credit 0.2, 0.4, 0.4
    assertEquals(1, j.get("conversions").asLong());
    for (JsonNode c : j.get("channels")) {
      double expected = c.get("channel").asText().equals("C1") ? 0.2 : 0.4;
      assertEquals(expected, c.get("conversions").asDouble(), 1e-12, c.toString());
      assertEquals(expected * 10, c.get("value").asDouble(), 1e-10, c.toString());
    }
  }

  @Test
  void attributionJoinedWithSpend() throws IOException {
    JourneySet js = JourneySet.fromDataset(data, JourneyOptions.DEFAULTS);
    JsonNode j = json("attribution", "--model", "linear", "--spend", "--margin", "0.5");
    dev.funnel.attribution.ChannelEconomics e = Attribution.economics(
        Attribution.attribute(js, Model.LINEAR, AttributionOptions.DEFAULTS), data.spend(),
        new BigDecimal("0.5"), false);
    JsonNode x = j.get("economics");
    assertEquals(e.channels().size(), x.get("channels").size());
    for (int i = 0; i < e.channels().size(); i++) {
      dev.funnel.attribution.ChannelReturn r = e.channels().get(i);
      JsonNode n = x.get("channels").get(i);
      assertEquals(r.channel(), n.get("channel").asText());
      same(r.spend(), n.get("spend"), r.channel());
      same(r.revenue(), n.get("revenue"), r.channel());
      same(r.roas(), n.get("roas"), r.channel());
      same(r.romi(), n.get("romi"), r.channel());
      same(r.cac(), n.get("cac"), r.channel());
    }
    // all the spend is there, and the attributed revenue is the conversion value
    BigDecimal spend = data.spend().stream().map(s -> s.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    same(spend, x.get("total").get("spend"), "total spend");
    assertEquals(j.get("value").asDouble(), x.get("total").get("revenue").asDouble(), 1e-6);
    assertEquals(2, usage("attribution", "--model", "first", "--margin", "0.5").code()); // needs --spend
  }

  // ---- cohorts

  @Test
  void cohortsByChannelPartitionTheCustomers() throws IOException {
    JsonNode j = json("cohorts", "--group", "channel");
    java.util.SortedMap<String, CohortTable> e =
        Cohorts.byGroup(data, Granularity.MONTH, dev.funnel.core.Lead::channel);
    assertEquals(new ArrayList<>(e.keySet()), textValues(j.get("groups"), "key"));
    long customers = 0;
    int g = 0;
    for (CohortTable t : e.values()) {
      JsonNode n = j.get("groups").get(g++);
      assertEquals(t.cohorts().size(), n.get("cohorts").size());
      for (int i = 0; i < t.cohorts().size(); i++) {
        assertEquals(t.cohorts().get(i).size(), n.get("cohorts").get(i).get("size").asLong());
        assertEquals(1.0, n.get("cohorts").get(i).get("retention").get(0).asDouble(), 0);
      }
      customers += n.get("customers").asLong();
    }
    assertEquals(Cohorts.byFirstPayment(data, Granularity.MONTH).customers(), customers);
    FunnelTest.Run csv = FunnelTest.run("cohorts", dir.toString(), "--group", "segment", "--format", "csv");
    assertEquals(0, csv.code(), csv.toString());
    assertTrue(csv.out().startsWith("group,cohort,size,period,"), csv.out());
    assertEquals(2, usage("cohorts", "--group", "weather").code());
    assertEquals(2, usage("cohorts", "--group", "channel", "--cohort", "lead").code());
  }

  static List<String> textValues(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void cohortsEqualTheLibraryAndStartAtFullRetention() throws IOException {
    for (String g : List.of("month", "week", "quarter")) {
      JsonNode j = json("cohorts", "--granularity", g);
      assertEquals(g, j.get("granularity").asText());
      CohortTable t = Cohorts.byFirstPayment(data, Granularity.parse(g));
      assertEquals(t.cohorts().size(), j.get("cohorts").size(), g);
      for (int i = 0; i < t.cohorts().size(); i++) {
        CohortRow e = t.cohorts().get(i);
        JsonNode n = j.get("cohorts").get(i);
        assertEquals(e.cohort().label(), n.get("cohort").asText());
        assertEquals(e.size(), n.get("size").asLong());
        assertEquals(1.0, n.get("retention").get(0).asDouble(), 0, e.cohort().label());
        assertEquals(e.periods(), n.get("active").size());
        for (String field : List.of("active", "retention", "revenue", "cumulativeRevenuePerCustomer")) {
          assertEquals(e.periods(), n.get(field).size(), field);
        }
        for (int k = 0; k < e.periods(); k++) {
          assertEquals(e.active().get(k), n.get("active").get(k).asLong());
          same(e.retention().get(k), n.get("retention").get(k), "retention");
          same(e.revenue().get(k), n.get("revenue").get(k), "revenue");
          same(e.cumulativeRevenuePerCustomer().get(k), n.get("cumulativeRevenuePerCustomer").get(k), "cum");
        }
      }
    }
    // other cohort bases
    JsonNode byLead = json("cohorts", "--cohort", "lead");
    assertEquals("lead", byLead.get("basis").asText());
    CohortTable lt = Cohorts.table(data, Granularity.MONTH, CohortBasis.LEAD);
    assertEquals(lt.cohorts().size(), byLead.get("cohorts").size());
    for (int i = 0; i < lt.cohorts().size(); i++) {
      assertEquals(lt.cohorts().get(i).size(), byLead.get("cohorts").get(i).get("size").asLong());
      assertEquals(lt.cohorts().get(i).active().get(0),
          byLead.get("cohorts").get(i).get("active").get(0).asLong());
    }
    assertEquals(2, usage("cohorts", "--cohort", "horoscope").code());
    // --by is the name for the same option
    assertEquals(json("cohorts", "--granularity", "week"), json("cohorts", "--by", "week"));
    assertEquals(2, usage("cohorts", "--granularity", "fortnight").code());
    assertEquals(2, usage("cohorts", "--by", "week", "--granularity", "week").code());
  }

  @Test
  void cohortsTextAndCsv() {
    CohortTable t = Cohorts.byFirstPayment(data, Granularity.MONTH);
    FunnelTest.Run text = FunnelTest.run("cohorts", dir.toString(), "--metric", "revenue");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().startsWith(t.summary()), text.out());
    assertTrue(text.out().contains(t.cohorts().get(0).revenue().get(0).toPlainString()), text.out());
    FunnelTest.Run csv = FunnelTest.run("cohorts", dir.toString(), "--format", "csv");
    assertEquals(0, csv.code(), csv.toString());
    long rows = t.cohorts().stream().mapToLong(CohortRow::periods).sum();
    assertEquals(rows + 1, csv.out().lines().count());
    assertEquals(2, usage("cohorts", "--metric", "happiness").code());
  }

  // ---- ltv

  @Test
  void ltvEqualsTheLibrary() throws IOException {
    FunnelTest.Run run = FunnelTest.run("ltv", ltvDir.toString(), "--until", "2025-12-31", "--unit",
        "week", "--format", "json");
    assertEquals(0, run.code(), run.toString());
    JsonNode j = JACKSON.readTree(run.out());
    dev.funnel.cohort.LtvAnalysis r = Cohorts.ltv(ltvData, dev.funnel.cohort.LtvQuery.defaults()
        .until(LocalDate.parse("2025-12-31")).unit(RfmUnit.WEEK).terms(ClvTerms.monthly(12, 0.01, 1)));
    assertTrue(r.bgNbd().convergence().converged(), r.bgNbd().toString());
    assertEquals(r.rfm().size(), j.get("customers").asLong());
    BgNbdFit b = r.bgNbd();
    same(b.r().value(), j.get("bgnbd").get("r"), "r");
    same(b.alpha().value(), j.get("bgnbd").get("alpha"), "alpha");
    same(b.a().value(), j.get("bgnbd").get("a"), "a");
    same(b.b().value(), j.get("bgnbd").get("b"), "b");
    same(b.logLikelihood(), j.get("bgnbd").get("logLikelihood"), "logLikelihood");
    GammaGammaFit g = r.gammaGamma();
    same(g.p().value(), j.get("gammaGamma").get("p"), "p");
    same(g.q().value(), j.get("gammaGamma").get("q"), "q");
    same(g.gamma().value(), j.get("gammaGamma").get("gamma"), "gamma");
    dev.funnel.cohort.LtvToCac e = Cohorts.ltvToCac(ltvData, Granularity.MONTH, 1, 6);
    assertEquals(e.channels().size(), j.get("channels").size());
    assertEquals(List.of("paid_search", "seo"),
        e.channels().stream().map(ChannelLtvToCac::channel).toList());
    for (int i = 0; i < e.channels().size(); i++) {
      ChannelLtvToCac c = e.channels().get(i);
      JsonNode n = j.get("channels").get(i);
      assertEquals(c.channel(), n.get("channel").asText());
      for (String f : List.of("ltv", "cac", "ltvToCac", "paybackMonths")) {
        assertTrue(n.has(f), f);
      }
      same(c.ltv(), n.get("ltv"), c.channel());
      same(c.cac(), n.get("cac"), c.channel());
      same(c.ltvToCac(), n.get("ltvToCac"), c.channel());
      if (c.payback().isPresent()) {
        assertEquals(c.payback().getAsInt(), n.get("paybackMonths").asInt(), c.channel());
      } else {
        assertTrue(n.get("paybackMonths").isNull(), c.channel());
      }
    }
    assertEquals(2, usage("ltv", "--until", "yesterday").code());
    assertEquals(2, usage("ltv", "--unit", "fortnight").code());
  }

  /**
   * The demo's subscribers and one-off buyers put BG/NBD and Gamma-Gamma on their limits, and the
   * fitted spend distribution has no finite mean (q <= 1): the command says so, leaves the CLV of
   * customers without repeat spend undefined, and values them only when asked to.
   */
  @Test
  void ltvOnTheDemoExplainsLimitsAndUndefinedSpend() throws IOException {
    FunnelTest.Run text = FunnelTest.run("ltv", "--demo", "--leads", "2000");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().contains(BgNbdFit.ALL_OR_NOTHING), text.out());
    assertTrue(text.out().contains(GammaGammaFit.CONSTANT_SPEND), text.out());
    assertTrue(text.out().contains("no finite expected spend"), text.out());
    assertFalse(text.out().contains("NOT converged"), text.out());
    FunnelTest.Run run = FunnelTest.run("ltv", "--demo", "--leads", "2000", "--format", "json");
    JsonNode j = JACKSON.readTree(run.out());
    assertTrue(j.get("bgnbd").get("converged").asBoolean());
    assertEquals(BgNbdFit.ALL_OR_NOTHING, j.get("bgnbd").get("boundary").asText());
    assertTrue(j.get("gammaGamma").get("populationMeanSpend").isNull());
    JsonNode clv = j.get("clv");
    long customers = j.get("customers").asLong();
    long fitted = j.get("gammaGamma").get("customers").asLong();
    assertTrue(clv.get("mean").isNull() && clv.get("total").isNull(), clv.toString());
    assertEquals(fitted, clv.get("definedCustomers").asLong()); // the repeat buyers with spend
    assertEquals(0, clv.get("fallbackCustomers").asLong());
    JsonNode fb = JACKSON.readTree(FunnelTest.run("ltv", "--demo", "--leads", "2000", "--format",
        "json", "--spend-fallback", "observed").out()).get("clv");
    assertEquals(customers - fitted, fb.get("fallbackCustomers").asLong());
    assertEquals(customers, fb.get("definedCustomers").asLong());
    assertEquals("observed", fb.get("spendFallback").asText());
    // the others now add value at the observed mean spend, sum x zbar / sum x over repeat buyers
    assertTrue(fb.get("total").asDouble() > clv.get("definedTotal").asDouble());
    assertTrue(fb.get("fallbackSpend").asDouble() > 0);
    assertEquals(2, usage("ltv", "--spend-fallback", "guess").code());
  }

  /**
   * {@code --model pareto}: the Pareto/NBD fit of the same RFM summary drives the CLV; the spend
   * fit and the channels do not depend on the purchase model, and the default is BG/NBD with the
   * output unchanged.
   */
  @Test
  void ltvWithParetoNbdEqualsTheLibrary() throws IOException {
    String[] base = {"ltv", ltvDir.toString(), "--until", "2025-12-31", "--format", "json"};
    FunnelTest.Run bg = FunnelTest.run(base);
    assertEquals(0, bg.code(), bg.toString());
    FunnelTest.Run explicit = FunnelTest.run(concat(base, "--model", "bgnbd"));
    assertEquals(bg.out(), explicit.out(), "bgnbd is the default");
    JsonNode jb = JACKSON.readTree(bg.out());
    assertFalse(jb.has("model") || jb.has("paretoNbd"), "the BG/NBD output is unchanged");

    FunnelTest.Run run = FunnelTest.run(concat(base, "--model", "pareto"));
    assertEquals(0, run.code(), run.toString());
    JsonNode j = JACKSON.readTree(run.out());
    assertEquals("pareto", j.get("model").asText());
    assertFalse(j.has("bgnbd"));
    // independent route: the library's summary, Pareto/NBD fit and CLV, called directly
    RfmSummary s = Ltv.summarize(ltvData, LocalDate.parse("2025-12-31"), RfmUnit.WEEK);
    ParetoNbdFit p = Ltv.paretoNbd(s);
    assertTrue(p.convergence().converged(), p.toString());
    JsonNode pj = j.get("paretoNbd");
    same(p.r().value(), pj.get("r"), "r");
    same(p.alpha().value(), pj.get("alpha"), "alpha");
    same(p.s().value(), pj.get("s"), "s");
    same(p.beta().value(), pj.get("beta"), "beta");
    same(p.lambda().value(), pj.get("lambda"), "lambda");
    same(p.logLikelihood(), pj.get("logLikelihood"), "logLikelihood");
    for (String k : List.of("r", "alpha", "s", "beta", "lambda")) {
      assertTrue(pj.get("standardErrors").has(k), k);
    }
    assertTrue(pj.get("converged").asBoolean());
    ClvTable clv = Ltv.clv(s, p, Ltv.gammaGamma(s), ClvTerms.monthly(12, 0.01, 1), Double.NaN);
    same(clv.mean(), j.get("clv").get("mean"), "clv mean");
    same(clv.total(), j.get("clv").get("total"), "clv total");
    // the purchase model changes the CLV, not the spend fit, the customers or the channels
    assertEquals(jb.get("customers"), j.get("customers"));
    assertEquals(jb.get("gammaGamma"), j.get("gammaGamma"));
    assertEquals(jb.get("channels"), j.get("channels"));
    assertEquals(jb.get("channelCohorts"), j.get("channelCohorts"));

    FunnelTest.Run text = FunnelTest.run("ltv", ltvDir.toString(), "--until", "2025-12-31",
        "--model", "pareto");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().contains(p.summary()), text.out());
    assertFalse(text.out().contains("BG/NBD:"), text.out());
    assertEquals(2, usage("ltv", "--model", "weibull").code());
  }

  /** The demo's subscribers put the Pareto/NBD at its homogeneous-rate limit: r, alpha null. */
  @Test
  void ltvWithParetoNbdOnTheDemoReportsTheHomogeneousRateLimit() throws IOException {
    FunnelTest.Run text = FunnelTest.run("ltv", "--demo", "--leads", "2000", "--model", "pareto");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().contains("Limit model: " + ParetoNbdFit.HOMOGENEOUS_RATE), text.out());
    JsonNode j = JACKSON.readTree(FunnelTest.run("ltv", "--demo", "--leads", "2000", "--model",
        "pareto", "--format", "json").out());
    JsonNode p = j.get("paretoNbd");
    assertEquals(ParetoNbdFit.HOMOGENEOUS_RATE, p.get("boundary").asText());
    assertTrue(p.get("r").isNull() && p.get("alpha").isNull(), p.toString());
    assertTrue(p.get("lambda").asDouble() > 0, p.toString());
    assertTrue(p.get("converged").asBoolean());
  }

  private static String[] concat(String[] a, String... b) {
    List<String> out = new ArrayList<>(List.of(a));
    out.addAll(List.of(b));
    return out.toArray(new String[0]);
  }

  // ---- unit

  @Test
  void unitEqualsTheLibrary() throws IOException {
    JsonNode j = json("unit", "--margin", "0.4", "--from", "2026-01-01", "--to", "2026-07-01");
    UnitReport r = UnitEconomics.compute(data, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"),
        new BigDecimal("0.4"));
    assertEquals(r.channels().size(), j.get("channels").size());
    List<UnitRow> rows = new ArrayList<>(r.channels());
    rows.add(r.total());
    List<JsonNode> nodes = new ArrayList<>();
    j.get("channels").forEach(nodes::add);
    nodes.add(j.get("total"));
    long leads = 0;
    for (int i = 0; i < rows.size(); i++) {
      UnitRow e = rows.get(i);
      JsonNode n = nodes.get(i);
      assertEquals(e.channel(), n.get("channel").asText());
      same(e.spend(), n.get("spend"), "spend");
      assertEquals(e.leads(), n.get("leads").asLong());
      assertEquals(e.customers(), n.get("customers").asLong());
      same(e.revenue(), n.get("revenue"), "revenue");
      same(e.cpl(), n.get("cpl"), e.channel() + " cpl");
      same(e.cac(), n.get("cac"), e.channel() + " cac");
      same(e.romi(), n.get("romi"), e.channel() + " romi");
      same(e.drr(), n.get("drr"), e.channel() + " drr");
      if (i < rows.size() - 1) {
        leads += n.get("leads").asLong();
      }
    }
    assertEquals(j.get("total").get("leads").asLong(), leads); // channels partition the leads
    assertEquals("margin", j.get("romiBasis").asText());
    assertEquals(2, usage("unit", "--margin", "1.5").code());
  }

  // ---- planfact

  @Test
  void planfactEqualsTheLibrary() throws IOException {
    for (String[] extra : new String[][] {{}, {"--as-of", "2026-03-16", "--warning", "0.1", "--alert", "0.2"},
        {"--as-of", "2026-03-16T12:00:00Z", "--business-hours", "09:00-18:00"}}) {
      List<String> args = new ArrayList<>(List.of("planfact", "--period", "2026-03"));
      args.addAll(List.of(extra));
      JsonNode j = json(args.toArray(new String[0]));
      dev.funnel.core.plan.PlanOptions o = dev.funnel.core.plan.PlanOptions.defaults();
      // --as-of DATE is the end of that day; without it, the end of the period (the data runs past it)
      o = o.asOf(extra.length == 0 ? java.time.Instant.parse("2026-03-31T23:59:59.999999999Z")
          : extra[1].length() == 10
          ? LocalDate.parse(extra[1]).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
          : java.time.Instant.parse(extra[1]));
      if (extra.length > 2 && extra[2].equals("--warning")) {
        o = o.tolerance(new dev.funnel.core.plan.Tolerance(0.1, 0.2));
      }
      if (extra.length > 2 && extra[2].equals("--business-hours")) {
        o = o.businessDays(dev.funnel.core.sla.BusinessCalendar.builder().zone(ZoneOffset.UTC)
            .hours(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0)).build());
      }
      dev.funnel.core.plan.PlanReport r =
          dev.funnel.core.plan.PlanFact.compute(data, dev.funnel.core.Period.parse("2026-03"), o);
      assertEquals("2026-03", j.get("period").asText());
      assertEquals(r.rows().size(), j.get("rows").size());
      assertTrue(r.rows().size() >= 8, "the demo plans leads, mql, sql, won, revenue, spend, cpl, cac");
      for (int i = 0; i < r.rows().size(); i++) {
        dev.funnel.core.plan.PlanRow e = r.rows().get(i);
        JsonNode n = j.get("rows").get(i);
        String what = String.join(" ", extra) + " " + e.metric() + "/" + e.channel();
        assertEquals(e.metric(), n.get("metric").asText(), what);
        same(e.plan(), n.get("plan"), what + " plan");
        same(e.actual(), n.get("actual"), what + " actual");
        same(e.runRate(), n.get("runRate"), what + " runRate");
        same(e.deviation(), n.get("deviation"), what + " deviation");
        assertEquals(e.status().label(), n.get("status").asText(), what);
        assertTrue(List.of("ok", "warning", "alert", "undefined", "unknown").contains(n.get("status").asText()));
      }
    }
    assertEquals(2, usage("planfact").code()); // --period is required
    assertEquals(2, usage("planfact", "--period", "March").code());
    assertEquals(2, usage("planfact", "--period", "2026-03", "--warning", "0.3", "--alert", "0.2").code());
    assertEquals(2, usage("planfact", "--period", "2026-03", "--as-of", "noon").code());
    assertEquals(2, usage("planfact", "--period", "2026-03", "--business-hours", "9-5").code());
  }

  // ---- sla

  @Test
  void slaEqualsTheLibraryAndItsCountsAddUp() throws IOException {
    java.time.Instant asOf = java.time.Instant.parse("2026-06-01T00:00:00Z");
    JsonNode j = json("sla", "--target", "2h", "--as-of", "2026-06-01T00:00:00Z", "--stale", "14d");
    dev.funnel.core.sla.SlaReport r = dev.funnel.core.sla.Sla.compute(data,
        dev.funnel.core.sla.SlaQuery.of("MQL", java.time.Duration.ofHours(2), asOf)
            .staleAfter(java.time.Duration.ofDays(14)));
    JsonNode t = j.get("total");
    assertEquals(r.total().leads(), t.get("leads").asLong());
    assertEquals(r.total().within(), t.get("within").asLong());
    assertEquals(r.total().late(), t.get("late").asLong());
    assertEquals(r.total().overdue(), t.get("overdue").asLong());
    same(r.total().shareWithin(), t.get("shareWithin"), "share");
    same(r.total().medianMinutes(), t.get("medianMinutes"), "median");
    same(r.total().p90Minutes(), t.get("p90Minutes"), "p90");
    assertEquals(120.0, j.get("targetMinutes").asDouble(), 0);
    assertTrue(t.get("leads").asLong() > 100, t.toString());
    // every lead is responded, overdue or waiting; responded ones are within or late
    assertEquals(t.get("leads").asLong(),
        t.get("responded").asLong() + t.get("overdue").asLong() + t.get("waiting").asLong());
    assertEquals(t.get("responded").asLong(), t.get("within").asLong() + t.get("late").asLong());
    long owners = 0;
    for (JsonNode o : j.get("owners")) {
      owners += o.get("leads").asLong();
    }
    assertEquals(t.get("leads").asLong(), owners);
    assertEquals(r.overdue().size(), j.get("overdue").size());
    assertEquals(t.get("overdue").asLong(), j.get("overdue").size());
    assertEquals(r.stale().size(), j.get("stale").size());
    // the default as-of instant is the latest event of the data
    JsonNode dflt = json("sla", "--stage", "SQL");
    assertEquals(SlaCommand.latest(data).toString(), dflt.get("asOf").asText());
    assertEquals(2, usage("sla", "--target", "0m").code());
    assertEquals(2, usage("sla", "--target", "soon").code());
    assertEquals(2, usage("sla", "--holidays", "2026-04-03").code()); // needs --business-hours
  }

  // ---- every command

  static FunnelTest.Run usage(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, dir.toString()));
    all.addAll(List.of(args));
    return FunnelTest.run(all.toArray(new String[0]));
  }

  @Test
  void helpBadOptionsAndTextOutput() {
    for (String c : COMMANDS) {
      FunnelTest.Run help = FunnelTest.run(c, "--help");
      assertEquals(0, help.code(), help.toString());
      assertTrue(help.out().startsWith("Usage: funnel " + c), help.out());
      FunnelTest.Run bad = usage(c, "--frobnicate");
      assertEquals(2, bad.code(), bad.toString());
      assertTrue(bad.err().contains("--frobnicate"), bad.err());
      FunnelTest.Run badFormat = usage(c, "--format", "html");
      assertEquals(2, badFormat.code(), badFormat.toString());
      FunnelTest.Run missing = FunnelTest.run(c, tmp.resolve("nowhere").toString());
      assertEquals(2, missing.code(), missing.toString());
      List<String> args = new ArrayList<>(List.of(c, (c.equals("ltv") ? ltvDir : dir).toString()));
      if (c.equals("attribution")) {
        args.addAll(List.of("--model", "position"));
      }
      if (c.equals("planfact")) {
        args.addAll(List.of("--period", "2026-03"));
      }
      FunnelTest.Run text = FunnelTest.run(args.toArray(new String[0]));
      assertEquals(0, text.code(), text.toString());
      assertTrue(text.out().contains("---"), c + " prints a table:\n" + text.out());
    }
  }

  @Test
  void lenientJsonCarriesTheRejections() throws IOException {
    Path broken = tmp.resolve("broken");
    DatasetWriter.write(data, broken, FileFormat.CSV);
    Path leads = broken.resolve("leads.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(leads, StandardCharsets.UTF_8));
    lines.set(1, lines.get(1).replaceFirst("T\\d\\d:", "T25:"));
    Files.write(leads, lines, StandardCharsets.UTF_8);
    FunnelTest.Run strict = FunnelTest.run("unit", broken.toString());
    assertEquals(3, strict.code(), strict.toString());
    FunnelTest.Run lenient = FunnelTest.run("unit", broken.toString(), "--lenient", "--format", "json");
    assertEquals(0, lenient.code(), lenient.toString());
    JsonNode j = JACKSON.readTree(lenient.out());
    assertTrue(j.has("rejected"), lenient.out());
    assertEquals(1_999, j.get("total").get("leads").asLong());
    assertTrue(lenient.err().contains("skipped 1 invalid row"), lenient.err());
  }
}
