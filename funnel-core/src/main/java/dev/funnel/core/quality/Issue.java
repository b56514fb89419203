package dev.funnel.core.quality;

import java.util.List;

/**
 * One kind of problem a data-quality report found: a stable code, how many times, and a few
 * examples for people to look up.
 *
 * <p>The codes are constants of this record; a reader's rejection reason {@code X} (other than
 * duplicate lead ids and unknown stages, which have their own codes) becomes {@code rejected:X}.
 * What {@code count} counts is said at each code.
 *
 * @param code     stable code for counting and for programs
 * @param count    how many times it occurs (at least one)
 * @param examples the first few occurrences, in the dataset's canonical order
 */
public record Issue(String code, long count, List<String> examples) {

  /** Rows the reader refused because their lead id was already read; counts rows. */
  public static final String DUPLICATE_LEAD = "duplicate_lead";
  /** Leads without channel ({@code (none)}); counts leads. */
  public static final String LEAD_WITHOUT_SOURCE = "lead_without_source";
  /** Leads with a channel but without campaign; counts leads. */
  public static final String LEAD_WITHOUT_CAMPAIGN = "lead_without_campaign";
  /** Stage rows the reader refused because the stage is not in the catalog; counts rows. */
  public static final String UNKNOWN_STAGE = "unknown_stage";
  /** Progression stages entered after a later stage of the same lead; counts stage changes. */
  public static final String STAGE_OUT_OF_ORDER = "stage_out_of_order";
  /** Progression stages entered while the stage before them was never recorded; counts stage changes. */
  public static final String STAGE_SKIPPED = "stage_skipped";
  /** Stage changes of a lead id the leads table does not have; counts rows. */
  public static final String STAGE_FOR_UNKNOWN_LEAD = "stage_for_unknown_lead";
  /** Touches of a lead id the leads table does not have; counts rows. */
  public static final String TOUCH_FOR_UNKNOWN_LEAD = "touch_for_unknown_lead";
  /** Activities of a lead id the leads table does not have; counts rows. */
  public static final String ACTIVITY_FOR_UNKNOWN_LEAD = "activity_for_unknown_lead";
  /** Payments whose lead id and customer id match no lead; counts payments. */
  public static final String PAYMENT_WITHOUT_LEAD = "payment_without_lead";
  /** Channels that have spend but no leads; counts channels. */
  public static final String SPEND_WITHOUT_LEADS = "spend_without_leads";
  /** Rows with a time after the report's "as of" instant (spend: a later day); counts rows. */
  public static final String FUTURE_TIMESTAMP = "future_timestamp";
  /** Prefix of the codes of the reader's other rejection reasons. */
  public static final String REJECTED_PREFIX = "rejected:";

  public Issue {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("an issue needs a code");
    }
    if (count < 1) {
      throw new IllegalArgumentException("issue " + code + " must occur at least once, got " + count);
    }
    examples = List.copyOf(examples);
  }
}
