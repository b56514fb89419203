package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.cli.view.ScoreView;
import dev.funnel.cli.view.View;
import dev.funnel.core.columnar.Columns;
import dev.funnel.scoring.ScoreQuery;
import dev.funnel.scoring.ScoreReview;
import dev.funnel.scoring.Scoring;
import java.util.List;

/**
 * Lead scoring as of the report instant ({@link Scoring#review}, what {@code funnel score} prints
 * with its defaults): the model card (the learned probability of reaching SQL within 30 days, or
 * the won stage within 90 days when the catalog has no SQL), the model and the default points
 * rules side by side on the held-out leads with the verdict, the model's calibration (a diagram
 * in HTML) and the first {@value #TOP} items of each owner's worklist. A part the data cannot
 * support (too few leads to hold out, no lead reaching the target) is named in a
 * {@code not computed:} line with its reason; the rest is shown. It shows through the view of
 * {@code funnel score} ({@link ScoreView#section}).
 */
final class ScoreSection extends ComputedSection<ScoreReview> {

  /** Worklist items per owner in the section. */
  static final int TOP = 5;

  /**
   * The most leads (with a row) the report fits the scoring model on: above it the section says
   * so and points to {@code funnel score}, which fits on every lead. It keeps the whole report
   * within its time and memory (at 1M leads the fit would double the report's time and its heap
   * beyond 1 GB); the other sections are unaffected.
   */
  static final int DEFAULT_MAX_LEADS = 250_000;

  private final int maxLeads;

  ScoreSection() {
    this(DEFAULT_MAX_LEADS);
  }

  ScoreSection(int maxLeads) {
    this.maxLeads = maxLeads;
  }

  @Override
  public String key() {
    return "scoring";
  }

  @Override
  public String title() {
    return "Lead scoring and next best action";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES);
  }

  /** The query of the section: the command's defaults as of the report instant. */
  static ScoreQuery query(Dataset d, java.time.Instant asOf) {
    Stage sql = d.catalog().find("SQL").filter(s -> s.progression() && s.index() > 0).orElse(null);
    ScoreQuery q = ScoreQuery.of(asOf);
    if (sql == null) {
      String won = d.catalog().won().name();
      q = q.target(won).horizon(ScoreQuery.DEFAULT_WON_HORIZON).wonHorizon(ScoreQuery.DEFAULT_WON_HORIZON);
    }
    return q;
  }

  @Override
  ScoreReview compute(ReportInput in) {
    int leads = Columns.of(in.dataset()).leads().withRow();
    if (leads > maxLeads) {
      throw new IllegalStateException(String.format(java.util.Locale.ROOT,
          "not fitted in the report for %,d leads (more than %,d); funnel score DATA fits the"
              + " model on all of them", leads, maxLeads));
    }
    return Scoring.review(in.dataset(), query(in.dataset(), in.scope().asOf()));
  }

  @Override
  View view(ScoreReview r, ReportInput in) {
    return ScoreView.section(r, TOP);
  }
}
