package dev.funnel.core.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Collects issue counts and their first examples while the checks run; turned into the report's
 * {@link Issue} list in a fixed order (the named codes in {@link #ORDER}, then the reader's other
 * rejection codes alphabetically). Example text is only built while fewer than
 * {@link #EXAMPLES} are kept, so counting millions of rows stays cheap.
 */
final class Findings {

  /** Examples kept per issue. */
  static final int EXAMPLES = 5;

  static final List<String> ORDER = List.of(
      Issue.DUPLICATE_LEAD,
      Issue.LEAD_WITHOUT_SOURCE,
      Issue.LEAD_WITHOUT_CAMPAIGN,
      Issue.UNKNOWN_STAGE,
      Issue.STAGE_OUT_OF_ORDER,
      Issue.STAGE_SKIPPED,
      Issue.STAGE_FOR_UNKNOWN_LEAD,
      Issue.TOUCH_FOR_UNKNOWN_LEAD,
      Issue.ACTIVITY_FOR_UNKNOWN_LEAD,
      Issue.PAYMENT_WITHOUT_LEAD,
      Issue.SPEND_WITHOUT_LEADS,
      Issue.FUTURE_TIMESTAMP);

  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, List<String>> examples = new HashMap<>();

  /** One occurrence. */
  void add(String code, Supplier<String> example) {
    add(code, 1, List.of(), example);
  }

  /** {@code n} occurrences with ready examples (from the reader) and maybe one more to format. */
  void add(String code, long n, List<String> ready, Supplier<String> example) {
    if (n <= 0) {
      return;
    }
    counts.merge(code, n, Long::sum);
    List<String> kept = examples.computeIfAbsent(code, k -> new ArrayList<>());
    for (String e : ready) {
      if (kept.size() < EXAMPLES) {
        kept.add(e);
      }
    }
    if (example != null && kept.size() < EXAMPLES) {
      kept.add(example.get());
    }
  }

  List<Issue> issues() {
    List<Issue> out = new ArrayList<>();
    for (String code : ORDER) {
      if (counts.containsKey(code)) {
        out.add(new Issue(code, counts.get(code), examples.get(code)));
      }
    }
    for (String code : new TreeSet<>(counts.keySet())) {
      if (!ORDER.contains(code)) {
        out.add(new Issue(code, counts.get(code), examples.get(code)));
      }
    }
    return out;
  }
}
