package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Money;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Win rate and pipeline against a naive recount over the raw rows of random CRMs. */
class SalesOracleTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Dataset random(long seed, List<StageChange> rows) {
    Random r = new Random(seed);
    Dataset.Builder b = Dataset.builder();
    List<Stage> all = C.all();
    for (int i = 0; i < 40; i++) {
      String id = "L" + i;
      b.lead(Lead.of(id, T0, "seo"));
      Instant t = T0;
      int moves = r.nextInt(7);
      for (int m = 0; m < moves; m++) {
        t = t.plus(Duration.ofMinutes(1 + r.nextInt(5000))); // distinct times within a lead
        Stage s = all.get(1 + r.nextInt(all.size() - 1));
        rows.add(new StageChange(id, s, t, null,
            r.nextInt(3) == 0 ? null : Money.of(BigDecimal.valueOf(r.nextInt(100_000), 2)), null));
      }
    }
    List<StageChange> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, r);
    shuffled.forEach(b::stageChange);
    return b.build();
  }

  /** The lead's change with the latest time at or before asOf, from all rows. */
  static StageChange last(List<StageChange> rows, String id, Instant asOf) {
    StageChange best = null;
    for (StageChange s : rows) {
      if (s.leadId().equals(id) && !s.at().isAfter(asOf) && (best == null || s.at().isAfter(best.at()))) {
        best = s;
      }
    }
    return best;
  }

  static BigDecimal latestAmount(List<StageChange> rows, String id, Instant upTo) {
    StageChange best = null;
    for (StageChange s : rows) {
      if (s.leadId().equals(id) && s.amount() != null && !s.at().isAfter(upTo)
          && (best == null || s.at().isAfter(best.at()))) {
        best = s;
      }
    }
    return best == null ? null : best.amount().amount();
  }

  static Instant firstInto(List<StageChange> rows, String id, int minIndex, boolean exact) {
    Instant best = null;
    for (StageChange s : rows) {
      if (s.leadId().equals(id) && !s.stage().exit()
          && (exact ? s.stage().index() == minIndex : s.stage().index() >= minIndex)
          && (best == null || s.at().isBefore(best))) {
        best = s.at();
      }
    }
    return best;
  }

  @Test
  void winRateAndPipelineEqualANaiveRecount() {
    qt().withExamples(40).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      List<StageChange> rows = new ArrayList<>();
      Dataset d = random(seed, rows);
      Instant far = Instant.MAX;
      int base = C.stage("SQL").index();
      int won = C.won().index();
      long reached = 0;
      long w = 0;
      long l = 0;
      BigDecimal wonValue = BigDecimal.ZERO;
      BigDecimal lostValue = BigDecimal.ZERO;
      long deals = 0;
      BigDecimal open = BigDecimal.ZERO;
      for (Lead lead : d.leads()) {
        String id = lead.id();
        Instant wonAt = firstInto(rows, id, won, true);
        StageChange last = last(rows, id, far);
        if (firstInto(rows, id, base, false) != null) {
          reached++;
          if (wonAt != null) {
            w++;
            BigDecimal v = latestAmount(rows, id, wonAt);
            wonValue = v == null ? wonValue : wonValue.add(v);
          } else if (last.stage().name().equals("LOST")) {
            l++;
            BigDecimal v = latestAmount(rows, id, far);
            lostValue = v == null ? lostValue : lostValue.add(v);
          }
        }
        int k = last == null ? 0 : last.stage().index();
        if (wonAt == null && last != null && !last.stage().exit()
            && k >= C.stage("OPPORTUNITY").index() && k <= C.stage("NEGOTIATION").index()) {
          deals++;
          BigDecimal v = latestAmount(rows, id, far);
          open = v == null ? open : open.add(v);
        }
      }
      WinRate rate = Sales.winRate(d, "SQL", null, null);
      assertEquals(List.of(reached, w, l), List.of(rate.reached(), rate.won(), rate.lost()));
      assertEquals(0, wonValue.compareTo(rate.wonValue()));
      assertEquals(0, lostValue.compareTo(rate.lostValue()));
      Pipeline p = Sales.pipeline(d, Instant.parse("2100-01-01T00:00:00Z"), null);
      assertEquals(deals, p.deals());
      assertEquals(0, open.compareTo(p.value()));
    });
  }
}
