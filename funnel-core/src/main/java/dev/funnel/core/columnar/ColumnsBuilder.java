package dev.funnel.core.columnar;

import dev.funnel.core.Activity;
import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.internal.DatasetAccess;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Appends rows straight into columns while a dataset is built: text is coded on arrival
 * ({@link Interner}), times and amounts go into primitive arrays, and {@link #build} sorts the
 * dictionaries, rewrites the codes and lays every table out in its canonical order with
 * {@link RowSort} on primitive keys. The rows handed in are not kept.
 *
 * <p>This is how {@link dev.funnel.core.Dataset.Builder} and the readers build the one
 * representation; it is public only so that {@code dev.funnel.core.Dataset} can reach it. Not
 * thread-safe; one build per instance.
 */
public final class ColumnsBuilder {

  /**
   * The customer code of a lead row whose customer is the lead itself (no customer id given, or
   * its own id): its customer is its lead id, which joins the customer dictionary at
   * {@link #build} without a second lookup per lead.
   */
  public static final int OWN_CUSTOMER = -2;

  /**
   * The columns a dataset builder appends rows into, for a reader that appends parsed cells
   * straight into them (funnel-io's CSV reader); rows appended there count for the tables marked
   * with {@link Dataset.Builder#table}. The builder's own instance, through {@link DatasetAccess}
   * ({@code Dataset.Builder} has no public getter: this type is internal).
   */
  public static ColumnsBuilder of(Dataset.Builder builder) {
    return DatasetAccess.columns(Objects.requireNonNull(builder, "builder"));
  }

  private Interner leadIds = new Interner();
  private Interner customers = new Interner();
  private Interner channels = new Interner();
  private Interner campaigns = new Interner();
  private Interner segments = new Interner();
  private Interner owners = new Interner();
  private Interner reasons = new Interner();
  private Interner products = new Interner();
  private Interner activityTypes = new Interner();
  private Interner outcomes = new Interner();

  // leads, in arrival order
  private final Ints leadId = new Ints();
  private final Times leadCreated = new Times(16);
  private final CodeList leadChannel = new CodeList();
  private final CodeList leadCampaign = new CodeList();
  private final CodeList leadSegment = new CodeList();
  private final CodeList leadOwner = new CodeList();
  private final Ints leadCustomer = new Ints();
  private final Map<Integer, Map<String, String>> leadAttributes = new HashMap<>();
  private final BitSet hasRow = new BitSet();

  // stage changes
  private final Ints stLead = new Ints();
  private final CodeList stStage = new CodeList();
  private final Times stAt = new Times(16);
  private final CodeList stReason = new CodeList();
  private final MoneyColumn.Builder stAmount = new MoneyColumn.Builder();
  private final Currencies stCurrency = new Currencies();
  private final CodeList stOwner = new CodeList();

  // activities
  private final Ints acLead = new Ints();
  private final Times acAt = new Times(16);
  private final CodeList acType = new CodeList();
  private final CodeList acOwner = new CodeList();
  private final CodeList acOutcome = new CodeList();

  // touches
  private final Ints toLead = new Ints();
  private final Times toAt = new Times(16);
  private final CodeList toChannel = new CodeList();
  private final CodeList toCampaign = new CodeList();
  private final CodeList toKind = new CodeList();
  private final MoneyColumn.Builder toCost = new MoneyColumn.Builder();
  private final Currencies toCurrency = new Currencies();

  // payments
  private final Ints paCustomer = new Ints();
  private final Ints paLead = new Ints();
  private final Times paAt = new Times(16);
  private final MoneyColumn.Builder paAmount = new MoneyColumn.Builder();
  private final Currencies paCurrency = new Currencies();
  private final CodeList paProduct = new CodeList();
  private final TextColumn.Builder paId = new TextColumn.Builder();

  // spend
  private final Ints spDay = new Ints();
  private final CodeList spChannel = new CodeList();
  private final CodeList spCampaign = new CodeList();
  private final MoneyColumn.Builder spAmount = new MoneyColumn.Builder();
  private final Currencies spCurrency = new Currencies();

  private boolean built;

  /**
   * Appends a lead.
   *
   * @throws IllegalArgumentException when a lead with the same id was appended before
   */
  public void lead(Lead l) {
    int id = leadIds.code(l.id());
    if (hasRow.get(id)) {
      throw new IllegalArgumentException("duplicate lead_id '" + l.id() + "' in leads");
    }
    leadCreated.add(l.createdAt(), "lead created_at");
    hasRow.set(id);
    if (!l.attributes().isEmpty()) {
      leadAttributes.put(leadId.size(), l.attributes());
    }
    leadId.add(id);
    leadChannel.add(channels.code(l.channel()));
    leadCampaign.add(campaigns.code(l.campaign()));
    leadSegment.add(segments.code(l.segment()));
    leadOwner.add(owners.code(l.owner()));
    leadCustomer.add(l.customerId().equals(l.id()) ? OWN_CUSTOMER : customers.code(l.customerId()));
  }

  /**
   * Appends a stage change (its stage is taken to be in the dataset's catalog), its amount in its
   * own currency until {@link #build} (an amount without one is in the dataset's currency).
   */
  public void stage(StageChange s) {
    stAt.add(s.at(), "stage change at");
    stLead.add(leadIds.code(s.leadId()));
    stStage.add(s.stage().index());
    stReason.add(reasons.code(s.reason()));
    Money amount = s.amount();
    stAmount.add(amount == null ? null : amount.amount());
    stCurrency.add(amount == null ? null : amount.currency());
    stOwner.add(owners.code(s.owner()));
  }

  /** Appends an activity. */
  public void activity(Activity a) {
    acAt.add(a.at(), "activity at");
    acLead.add(leadIds.code(a.leadId()));
    acType.add(activityTypes.code(a.type()));
    acOwner.add(owners.code(a.owner()));
    acOutcome.add(outcomes.code(a.outcome()));
  }

  /** Appends a touch, its cost in its own currency as for {@link #stage(StageChange)}. */
  public void touch(Touch t) {
    toAt.add(t.at(), "touch at");
    toLead.add(leadIds.code(t.leadId()));
    toChannel.add(channels.code(t.channel()));
    toCampaign.add(campaigns.code(t.campaign()));
    toKind.add(t.kind().ordinal());
    Money cost = t.cost();
    toCost.add(cost == null ? null : cost.amount());
    toCurrency.add(cost == null ? null : cost.currency());
  }

  /** Appends a payment, in its own currency until {@link #build}. */
  public void payment(Payment p) {
    paAt.add(p.paidAt(), "payment paid_at");
    paCustomer.add(customers.code(p.customerId()));
    paLead.add(leadIds.code(p.leadId()));
    paAmount.add(p.amount().amount());
    paCurrency.add(p.amount().currency());
    paProduct.add(products.code(p.product()));
    paId.add(p.paymentId());
  }

  /**
   * Appends a spend row, in its own currency until {@link #build}.
   *
   * @throws IllegalArgumentException when its date is outside the int epoch-day range
   */
  public void spend(Spend s) {
    long epochDay = s.date().toEpochDay();
    if (epochDay != (int) epochDay) {
      throw new IllegalArgumentException("spend date " + s.date() + " is outside the int epoch-day range");
    }
    spDay.add((int) epochDay);
    spChannel.add(channels.code(s.channel()));
    spCampaign.add(campaigns.code(s.campaign()));
    spAmount.add(s.amount().amount());
    spCurrency.add(s.amount().currency());
  }

  // ---- the primitive route of readers: cells already parsed, text coded from its bytes ----

  /** The dictionaries that rows refer to by code, for {@link #code(Key, byte[], int, int)}. */
  public enum Key {
    LEAD, CUSTOMER, CHANNEL, CAMPAIGN, SEGMENT, OWNER, REASON, PRODUCT, ACTIVITY_TYPE, OUTCOME
  }

  private Interner interner(Key k) {
    switch (k) {
      case LEAD: return leadIds;
      case CUSTOMER: return customers;
      case CHANNEL: return channels;
      case CAMPAIGN: return campaigns;
      case SEGMENT: return segments;
      case OWNER: return owners;
      case REASON: return reasons;
      case PRODUCT: return products;
      case ACTIVITY_TYPE: return activityTypes;
      default: return outcomes;
    }
  }

  /**
   * The code of a text given as bytes, which must be printable ASCII (the caller checks), trimmed
   * and in the form the record would hold (lower case where the record lowers it).
   */
  public int code(Key k, byte[] b, int off, int len) {
    return interner(k).code(b, off, len);
  }

  /** The code of a text (null: {@link Dictionary#ABSENT}), as the record would hold it. */
  public int code(Key k, String text) {
    return interner(k).code(text);
  }

  /** Whether a lead row with this {@link Key#LEAD} code was appended. */
  public boolean hasLead(int lead) {
    return hasRow.get(lead);
  }

  /**
   * Appends a lead from codes: the same as {@link #lead(Lead)} of a lead without attributes whose
   * channel ({@link Lead#NO_CHANNEL} when absent) and customer are coded, the customer
   * {@link #OWN_CUSTOMER} when it is the lead itself.
   *
   * @throws IllegalArgumentException when a lead with the same id was appended before
   */
  public void lead(int id, long ms, int sub, int channel, int campaign, int segment, int owner,
      int customer) {
    if (hasRow.get(id)) {
      throw new IllegalArgumentException("duplicate lead_id '" + leadIds.value(id) + "' in leads");
    }
    leadCreated.add(ms, sub);
    hasRow.set(id);
    leadId.add(id);
    leadChannel.add(channel);
    leadCampaign.add(campaign);
    leadSegment.add(segment);
    leadOwner.add(owner);
    leadCustomer.add(customer);
  }

  /**
   * Appends a stage change from codes; {@code unscaled} is {@link MoneyColumn#ABSENT} for no
   * amount, else the amount is {@code unscaled * 10^-scale} with at most 18 digits, in the
   * dataset's currency (the {@code stages} table has no currency column).
   */
  public void stage(int lead, int stage, long ms, int sub, int reason, long unscaled, int scale,
      int owner) {
    stAt.add(ms, sub);
    stLead.add(lead);
    stStage.add(stage);
    stReason.add(reason);
    stAmount.add(unscaled, scale);
    stCurrency.add(unscaled == MoneyColumn.ABSENT ? null : Money.UNSPECIFIED);
    stOwner.add(owner);
  }

  /** Appends an activity from codes. */
  public void activity(int lead, long ms, int sub, int type, int owner, int outcome) {
    acAt.add(ms, sub);
    acLead.add(lead);
    acType.add(type);
    acOwner.add(owner);
    acOutcome.add(outcome);
  }

  /** Appends a touch from codes; the cost as in {@link #stage(int, int, long, int, int, long, int, int)}. */
  public void touch(int lead, long ms, int sub, int channel, int campaign, int kind,
      long unscaled, int scale) {
    toAt.add(ms, sub);
    toLead.add(lead);
    toChannel.add(channel);
    toCampaign.add(campaign);
    toKind.add(kind);
    toCost.add(unscaled, scale);
    toCurrency.add(unscaled == MoneyColumn.ABSENT ? null : Money.UNSPECIFIED);
  }

  /**
   * Appends a payment from codes, its amount {@code unscaled * 10^-scale} (at most 18 digits) in
   * {@code currency} (a canonical code), its id the UTF-8 bytes {@code id[off, off+len)} (len -1:
   * none).
   */
  public void payment(int customer, int lead, long ms, int sub, long unscaled, int scale,
      String currency, int product, byte[] id, int off, int len) {
    paAt.add(ms, sub);
    paCustomer.add(customer);
    paLead.add(lead);
    paAmount.add(unscaled, scale);
    paCurrency.add(currency);
    paProduct.add(product);
    if (len < 0) {
      paId.add(null);
    } else {
      paId.add(id, off, len);
    }
  }

  // ---- cuts: rows of a finished dataset copied column by column, without a record per row ----

  /**
   * Appends the rows of table {@code t} of {@code src} that {@code keep} selects (by lead index for
   * leads, by row otherwise), in their order, as {@link #lead(Lead)} and the other record appends
   * would append the same rows: text is coded again from the source dictionaries (each value once),
   * times and amounts are copied exactly (amounts in the source's one currency). Plan targets and
   * paths are not columns: the caller adds them.
   */
  public void copy(Columns src, DatasetTable t, java.util.function.IntPredicate keep) {
    Recode r = new Recode();
    switch (t) {
      case LEADS: {
        LeadColumns lc = src.leads();
        for (int l = 0; l < lc.size(); l++) {
          if (!lc.hasRow(l) || !keep.test(l)) {
            continue;
          }
          int id = r.code(src.leadIds(), leadIds, l);
          if (hasRow.get(id)) {
            throw new IllegalArgumentException("duplicate lead_id '" + leadIds.value(id) + "' in leads");
          }
          leadCreated.add(lc.createdAt(l), lc.createdSubMillis(l));
          hasRow.set(id);
          Map<String, String> attributes = lc.attributes(l);
          if (!attributes.isEmpty()) {
            leadAttributes.put(leadId.size(), attributes);
          }
          leadId.add(id);
          leadChannel.add(r.code(src.channels(), channels, lc.channel(l)));
          leadCampaign.add(r.code(src.campaigns(), campaigns, lc.campaign(l)));
          leadSegment.add(r.code(src.segments(), segments, lc.segment(l)));
          leadOwner.add(r.code(src.owners(), owners, lc.owner(l)));
          int cust = lc.customer(l);
          leadCustomer.add(cust >= 0 && src.customers().value(cust).equals(lc.id(l))
              ? OWN_CUSTOMER : r.code(src.customers(), customers, cust));
        }
        break;
      }
      case STAGES: {
        StageColumns sc = src.stages();
        for (int row = 0; row < sc.size(); row++) {
          if (keep.test(row)) {
            stAt.add(sc.at(row), sc.subMillis(row));
            stLead.add(r.code(src.leadIds(), leadIds, sc.lead(row)));
            stStage.add(sc.stage(row));
            stReason.add(r.code(src.reasons(), reasons, sc.reason(row)));
            stAmount.add(sc.amount().value(row));
            stCurrency.add(sc.amount().present(row) ? src.currency() : null);
            stOwner.add(r.code(src.owners(), owners, sc.owner(row)));
          }
        }
        break;
      }
      case ACTIVITIES: {
        ActivityColumns ac = src.activities();
        for (int row = 0; row < ac.size(); row++) {
          if (keep.test(row)) {
            acAt.add(ac.at(row), ac.subMillis(row));
            acLead.add(r.code(src.leadIds(), leadIds, ac.lead(row)));
            acType.add(r.code(src.activityTypes(), activityTypes, ac.type(row)));
            acOwner.add(r.code(src.owners(), owners, ac.owner(row)));
            acOutcome.add(r.code(src.outcomes(), outcomes, ac.outcome(row)));
          }
        }
        break;
      }
      case TOUCHES: {
        TouchColumns tc = src.touches();
        for (int row = 0; row < tc.size(); row++) {
          if (keep.test(row)) {
            toAt.add(tc.at(row), tc.subMillis(row));
            toLead.add(r.code(src.leadIds(), leadIds, tc.lead(row)));
            toChannel.add(r.code(src.channels(), channels, tc.channel(row)));
            toCampaign.add(r.code(src.campaigns(), campaigns, tc.campaign(row)));
            toKind.add(tc.kind(row).ordinal());
            toCost.add(tc.cost().value(row));
            toCurrency.add(tc.cost().present(row) ? src.currency() : null);
          }
        }
        break;
      }
      case PAYMENTS: {
        PaymentColumns pc = src.payments();
        for (int row = 0; row < pc.size(); row++) {
          if (keep.test(row)) {
            paAt.add(pc.at(row), pc.subMillis(row));
            paCustomer.add(r.code(src.customers(), customers, pc.customer(row)));
            paLead.add(r.code(src.leadIds(), leadIds, pc.lead(row)));
            paAmount.add(pc.amount().value(row));
            paCurrency.add(src.currency());
            paProduct.add(r.code(src.products(), products, pc.product(row)));
            paId.add(pc.paymentId(row));
          }
        }
        break;
      }
      case SPEND: {
        SpendColumns sp = src.spend();
        for (int row = 0; row < sp.size(); row++) {
          if (keep.test(row)) {
            spDay.add(sp.day(row));
            spChannel.add(r.code(src.channels(), channels, sp.channel(row)));
            spCampaign.add(r.code(src.campaigns(), campaigns, sp.campaign(row)));
            spAmount.add(sp.amount().value(row));
            spCurrency.add(src.currency());
          }
        }
        break;
      }
      default:
        throw new IllegalArgumentException("table " + t + " has no columns to copy");
    }
  }

  /** Source codes to this builder's codes, each source value coded once per dictionary. */
  private static final class Recode {
    private final Map<Dictionary, int[]> maps = new java.util.IdentityHashMap<>();

    int code(Dictionary from, Interner to, int code) {
      if (code < 0) {
        return code;
      }
      int[] m = maps.computeIfAbsent(from, x -> {
        int[] a = new int[x.size()];
        java.util.Arrays.fill(a, Integer.MIN_VALUE);
        return a;
      });
      int c = m[code];
      if (c == Integer.MIN_VALUE) {
        c = to.code(from.value(code));
        m[code] = c;
      }
      return c;
    }
  }

  // ---- parts: a table read in pieces on several threads, each piece into a builder of its own ----

  /**
   * A builder for a part of a table read on another thread: its dictionaries start as copies of
   * this builder's ({@link Interner#snapshot}), so the codes of known text agree and
   * {@link #absorb} translates only the text the part added. Call it on the thread that owns this
   * builder.
   */
  public ColumnsBuilder part() {
    ColumnsBuilder p = new ColumnsBuilder();
    p.leadIds = leadIds.snapshot();
    p.customers = customers.snapshot();
    p.channels = channels.snapshot();
    p.campaigns = campaigns.snapshot();
    p.segments = segments.snapshot();
    p.owners = owners.snapshot();
    p.reasons = reasons.snapshot();
    p.products = products.snapshot();
    p.activityTypes = activityTypes.snapshot();
    p.outcomes = outcomes.snapshot();
    return p;
  }

  /**
   * Whether the lead rows of {@code part} name no lead that has a row here, so that
   * {@link #absorb} of its leads would not meet a duplicate (and changes nothing yet).
   */
  public boolean leadsDisjoint(ColumnsBuilder part) {
    for (int r = 0; r < part.leadId.size(); r++) {
      int c = leadIds.find(part.leadIds, part.leadId.get(r));
      if (c >= 0 && hasRow.get(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends the rows of table {@code t} of {@code part} after this builder's rows, as if they had
   * been appended here in their order: its codes are translated to this builder's dictionaries.
   * The part's other tables are ignored; the part is not to be used afterwards.
   *
   * @throws IllegalArgumentException when a lead of the part already has a row here (check
   *     with {@link #leadsDisjoint} first to keep this builder unchanged)
   */
  public void absorb(ColumnsBuilder part, DatasetTable t) {
    switch (t) {
      case LEADS: {
        int[] id = leadIds.absorb(part.leadIds);
        int[] cu = customers.absorb(part.customers);
        int[] ch = channels.absorb(part.channels);
        int[] ca = campaigns.absorb(part.campaigns);
        int[] sg = segments.absorb(part.segments);
        int[] ow = owners.absorb(part.owners);
        for (int r = 0; r < part.leadId.size(); r++) {
          int lead = id[part.leadId.get(r)];
          if (hasRow.get(lead)) {
            throw new IllegalArgumentException(
                "duplicate lead_id '" + leadIds.value(lead) + "' in leads");
          }
          Map<String, String> attributes = part.leadAttributes.get(r);
          if (attributes != null) {
            leadAttributes.put(leadId.size(), attributes);
          }
          hasRow.set(lead);
          leadId.add(lead);
        }
        leadCreated.addAll(part.leadCreated);
        leadChannel.addAll(part.leadChannel, ch);
        leadCampaign.addAll(part.leadCampaign, ca);
        leadSegment.addAll(part.leadSegment, sg);
        leadOwner.addAll(part.leadOwner, ow);
        leadCustomer.addAll(part.leadCustomer, cu);
        break;
      }
      case STAGES: {
        int[] id = leadIds.absorb(part.leadIds);
        int[] rs = reasons.absorb(part.reasons);
        int[] ow = owners.absorb(part.owners);
        stAt.addAll(part.stAt);
        stLead.addAll(part.stLead, id);
        stStage.addAll(part.stStage, null);
        stReason.addAll(part.stReason, rs);
        stCurrency.addAll(part.stCurrency, part.stAmount::absent);
        stAmount.addAll(part.stAmount);
        stOwner.addAll(part.stOwner, ow);
        break;
      }
      case ACTIVITIES: {
        int[] id = leadIds.absorb(part.leadIds);
        int[] ty = activityTypes.absorb(part.activityTypes);
        int[] ow = owners.absorb(part.owners);
        int[] ou = outcomes.absorb(part.outcomes);
        acAt.addAll(part.acAt);
        acLead.addAll(part.acLead, id);
        acType.addAll(part.acType, ty);
        acOwner.addAll(part.acOwner, ow);
        acOutcome.addAll(part.acOutcome, ou);
        break;
      }
      case TOUCHES: {
        int[] id = leadIds.absorb(part.leadIds);
        int[] ch = channels.absorb(part.channels);
        int[] ca = campaigns.absorb(part.campaigns);
        toAt.addAll(part.toAt);
        toLead.addAll(part.toLead, id);
        toChannel.addAll(part.toChannel, ch);
        toCampaign.addAll(part.toCampaign, ca);
        toKind.addAll(part.toKind, null);
        toCurrency.addAll(part.toCurrency, part.toCost::absent);
        toCost.addAll(part.toCost);
        break;
      }
      case PAYMENTS: {
        int[] id = leadIds.absorb(part.leadIds);
        int[] cu = customers.absorb(part.customers);
        int[] pr = products.absorb(part.products);
        // the columns are independent: times, amounts and ids on another thread
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
          paAt.addAll(part.paAt);
          paAmount.addAll(part.paAmount);
          paId.addAll(part.paId);
        });
        paCustomer.addAll(part.paCustomer, cu);
        paLead.addAll(part.paLead, id);
        paCurrency.addAll(part.paCurrency, part.paAmount::absent);
        paProduct.addAll(part.paProduct, pr);
        join(later);
        break;
      }
      default:
        throw new IllegalArgumentException("table " + t + " is not read in parts");
    }
  }

  /**
   * A size hint: about {@code rows} rows in all will be appended to the table (a reader estimates
   * it from the file's size), so its columns are allocated once instead of grown and copied. A
   * wrong hint costs memory or a copy, never a wrong result.
   */
  public void expect(DatasetTable t, long rows) {
    int n = (int) Math.min(Math.max(rows, 0), Integer.MAX_VALUE - 16);
    for (Growable c : columnsOf(t)) {
      c.reserve(n);
    }
    if (t == DatasetTable.LEADS) {
      leadIds.reserve(n); // every lead row names a lead id

    }
  }

  /** The columns under construction of a table (none for plan and paths). */
  private List<Growable> columnsOf(DatasetTable t) {
    switch (t) {
      case LEADS:
        return List.of(leadId, leadCustomer, leadChannel, leadCampaign, leadSegment, leadOwner,
            leadCreated);
      case STAGES:
        return List.of(stLead, stStage, stReason, stOwner, stAt, stAmount);
      case ACTIVITIES:
        return List.of(acLead, acType, acOwner, acOutcome, acAt);
      case TOUCHES:
        return List.of(toLead, toChannel, toCampaign, toKind, toAt, toCost);
      case PAYMENTS:
        return List.of(paCustomer, paLead, paProduct, paAt, paAmount, paId);
      case SPEND:
        return List.of(spDay, spChannel, spCampaign, spAmount);
      default:
        return List.of();
    }
  }

  /** Rows appended so far to a table (plan and paths are not held here: 0). */
  public int size(DatasetTable t) {
    switch (t) {
      case LEADS: return leadId.size();
      case STAGES: return stLead.size();
      case ACTIVITIES: return acLead.size();
      case TOUCHES: return toLead.size();
      case PAYMENTS: return paCustomer.size();
      case SPEND: return spDay.size();
      default: return 0;
    }
  }

  /**
   * The currency of the dataset: with rates, their target (every amount is converted to it);
   * otherwise the one currency that {@code declared} and the rows name, {@code XXX} when none does.
   * Every money column takes part: payment and spend amounts, stage change amounts and touch
   * costs (the last two have no currency column in a file, so only records can state one).
   *
   * @throws IllegalArgumentException when rows name several currencies and there are no rates, or
   *     a row's currency has no rate
   */
  private String settleCurrency(String declared, CurrencyRates rates) {
    if (rates != null) {
      convert(paAmount, paCurrency, rates);
      convert(spAmount, spCurrency, rates);
      convert(stAmount, stCurrency, rates);
      convert(toCost, toCurrency, rates);
      return rates.target();
    }
    Map<String, Set<String>> seen = new TreeMap<>(); // currency -> where it was named
    if (declared != null && !Money.UNSPECIFIED.equals(declared)) {
      seen.computeIfAbsent(declared, k -> new TreeSet<>()).add("declared");
    }
    named(seen, paCurrency, "payments");
    named(seen, spCurrency, "spend");
    named(seen, stCurrency, "stages");
    named(seen, toCurrency, "touches");
    if (seen.size() > 1) {
      StringBuilder where = new StringBuilder();
      for (Map.Entry<String, Set<String>> e : seen.entrySet()) {
        where.append(where.length() == 0 ? "" : "; ").append(e.getKey()).append(": ")
            .append(String.join(", ", e.getValue()));
      }
      throw new IllegalArgumentException("the dataset mixes currencies " + seen.keySet() + " ("
          + where + "); supply conversion rates (CurrencyRates)");
    }
    return seen.isEmpty() ? Money.UNSPECIFIED : seen.keySet().iterator().next();
  }

  private static void named(Map<String, Set<String>> seen, Currencies rows, String table) {
    for (String c : rows.named()) {
      if (!Money.UNSPECIFIED.equals(c)) {
        seen.computeIfAbsent(c, k -> new TreeSet<>()).add(table);
      }
    }
  }

  private void convert(MoneyColumn.Builder amounts, Currencies currency, CurrencyRates rates) {
    for (String c : currency.named()) {
      rates.convert(new Money(BigDecimal.ONE, c)); // fails early for a currency without a rate
    }
    if (currency.single()) {
      String c = currency.of(0);
      if (c.equals(rates.target()) || Money.UNSPECIFIED.equals(c)) {
        return; // nothing to convert: no pass over the rows
      }
    }
    for (int i = 0; i < amounts.size(); i++) {
      String c = currency.of(i);
      if (!c.equals(rates.target()) && !Money.UNSPECIFIED.equals(c) && !amounts.absent(i)) {
        amounts.set(i, rates.convert(new Money(amounts.get(i), c)).amount());
      }
    }
  }

  /**
   * Lays out the columns.
   *
   * @param currency the dataset's declared currency, or null
   * @param rates    conversion rates, or null
   * @throws IllegalArgumentException on mixed currencies without rates, or a catalog of more than
   *     127 stages
   * @throws IllegalStateException when called twice
   */
  public Columns build(ZoneId zone, StageCatalog catalog, String currency, CurrencyRates rates,
      Set<DatasetTable> tables) {
    if (built) {
      throw new IllegalStateException("this builder has already built its columns");
    }
    built = true;
    Objects.requireNonNull(zone, "zone");
    if (catalog.size() > Byte.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the columnar form stores stages as bytes; the catalog has " + catalog.size()
              + " stages, at most " + Byte.MAX_VALUE + " are supported");
    }
    String cur = settleCurrency(currency, rates);

    // the two large dictionaries sort on two threads
    CompletableFuture<Interner.Coded> idsLater = async(() -> leadIds.finish("lead_ids"));
    Interner.Coded explicit = customers.finish("customers");
    Interner.Coded ch = channels.finish("channels");
    Interner.Coded camp = campaigns.finish("campaigns");
    Interner.Coded seg = segments.finish("segments");
    Interner.Coded own = owners.finish("owners");
    Interner.Coded rsn = reasons.finish("reasons");
    Interner.Coded prod = products.finish("products");
    Interner.Coded types = activityTypes.finish("activity_types");
    Interner.Coded outs = outcomes.finish("outcomes");
    Interner.Coded ids = join(idsLater);
    int[] ownCustomer = new int[ids.dictionary.size()]; // a lead's code as its own customer, or -1
    Interner.Coded cust = withOwnCustomers(explicit, ids, ownCustomer);

    int nLeads = ids.dictionary.size();
    int nCustomers = cust.dictionary.size();
    // payments, often the largest table, alone (the peak memory of a build is its layout); then
    // touches and stage changes beside the leads, activities and spend
    PaymentColumns payments = payments(ids, cust, prod, nCustomers);
    CompletableFuture<TouchColumns> touchesLater = async(() -> touches(ids, ch, camp, nLeads));
    CompletableFuture<StageColumns> stagesLater = async(() -> stages(ids, rsn, own, nLeads));
    LeadColumns leads = leads(ids, cust, ownCustomer, ch, camp, seg, own, nLeads);
    ActivityColumns activities = activities(ids, types, own, outs, nLeads);
    SpendColumns spend = spend(ch, camp);
    TouchColumns touches = join(touchesLater);
    StageColumns stages = join(stagesLater);
    return new Columns(zone, catalog, cur, tables, ids.dictionary, cust.dictionary, ch.dictionary,
        camp.dictionary, seg.dictionary, own.dictionary, rsn.dictionary, prod.dictionary,
        types.dictionary, outs.dictionary, leads, stages, activities, touches, payments, spend);
  }

  /** Runs a step of the layout on the common pool (independent steps of one build). */
  private static <T> CompletableFuture<T> async(Supplier<T> step) {
    return CompletableFuture.supplyAsync(step);
  }

  /** The result of a step, its failure rethrown as it was thrown. */
  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * The customer dictionary: the customer ids that rows named, and the lead ids of leads that are
   * their own customer ({@link #OWN_CUSTOMER}), merged in sorted order (a text in both is one
   * customer). {@code ownCustomer[lead]} receives each such lead's customer code, -1 for others.
   */
  private Interner.Coded withOwnCustomers(Interner.Coded explicit, Interner.Coded ids,
      int[] ownCustomer) {
    java.util.Arrays.fill(ownCustomer, -1);
    boolean any = false;
    for (int r = 0; r < leadId.size(); r++) {
      if (leadCustomer.get(r) == OWN_CUSTOMER) {
        ownCustomer[ids.map(leadId.get(r))] = 0; // marked; numbered below
        any = true;
      }
    }
    if (!any) {
      return explicit;
    }
    Dictionary e = explicit.dictionary;
    Dictionary l = ids.dictionary;
    int[] eToU = new int[e.size()];
    String[] union = new String[e.size() + l.size()];
    int u = 0;
    int i = 0;
    for (int lead = 0; lead < l.size(); lead++) {
      if (ownCustomer[lead] < 0) {
        continue;
      }
      String id = l.value(lead);
      int c = 1;
      while (i < e.size() && (c = e.value(i).compareTo(id)) < 0) {
        eToU[i++] = u;
        union[u++] = e.value(i - 1);
      }
      if (c == 0) {
        eToU[i++] = u; // a customer id that is also an own-customer lead's id: one customer
      }
      ownCustomer[lead] = u;
      union[u++] = id;
    }
    while (i < e.size()) {
      eToU[i++] = u;
      union[u++] = e.value(i - 1);
    }
    int[] remap = explicit.remap;
    int[] toUnion = new int[remap.length];
    for (int p = 0; p < remap.length; p++) {
      toUnion[p] = eToU[remap[p]];
    }
    return new Interner.Coded(Dictionary.sorted("customers", java.util.Arrays.copyOf(union, u)),
        toUnion);
  }

  private LeadColumns leads(Interner.Coded ids, Interner.Coded cust, int[] ownCustomer,
      Interner.Coded ch, Interner.Coded camp, Interner.Coded seg, Interner.Coded own, int n) {
    int rows = leadId.size();
    // lead index -> arrival row, -1 for ids seen only in other tables
    int[] rowOf = new int[n];
    java.util.Arrays.fill(rowOf, -1);
    for (int r = 0; r < rows; r++) {
      rowOf[ids.map(leadId.get(r))] = r;
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = rowOf[i];
    }
    Times created = leadCreated.permutedWithGaps(perm);
    int[] channel = leadChannel.mapped(perm, ch);
    int[] campaign = leadCampaign.mapped(perm, camp);
    int[] segment = leadSegment.mapped(perm, seg);
    int[] owner = leadOwner.mapped(perm, own);
    int[] customer = new int[n];
    for (int i = 0; i < n; i++) {
      int r = perm[i];
      int c = r < 0 ? Dictionary.ABSENT : leadCustomer.get(r);
      customer[i] = c == OWN_CUSTOMER ? ownCustomer[i] : cust.map(c);
    }
    @SuppressWarnings("unchecked")
    Map<String, String>[] attributes = leadAttributes.isEmpty() ? null : new Map[n];
    int[] withRow = new int[rows];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (perm[i] >= 0) {
        withRow[k++] = i;
        if (attributes != null) {
          attributes[i] = leadAttributes.get(perm[i]);
        }
      }
    }
    // by creation time, then sub-millisecond part, then lead index (withRow ascends: stability)
    long[] createdMs = new long[rows];
    for (int i = 0; i < rows; i++) {
      createdMs[i] = created.millis(withRow[i]);
    }
    int[] order = RowSort.byLong(createdMs, rows,
        created.hasSub() ? (a, b) -> Integer.compare(created.sub(withRow[a]), created.sub(withRow[b])) : null);
    int[] byCreated = new int[rows];
    for (int i = 0; i < rows; i++) {
      byCreated[i] = withRow[order[i]];
    }
    return new LeadColumns(ids.dictionary, created, Codes.of(channel, ch.dictionary.size()),
        Codes.of(campaign, camp.dictionary.size()), Codes.of(segment, seg.dictionary.size()),
        Codes.of(owner, own.dictionary.size()), customer, byCreated, attributes);
  }

  private StageColumns stages(Interner.Coded ids, Interner.Coded rsn, Interner.Coded own, int nLeads) {
    int n = stLead.size();
    ids.mapInPlace(stLead.raw(), n);
    stReason.map(rsn);
    stOwner.map(own);
    int[] offsets = new int[nLeads + 1];
    int[] perm = RowSort.unlessIdentity(stageOrder(n, nLeads, offsets));
    byte[] st = new byte[n];
    CodeList stage = stStage;
    for (int i = 0; i < n; i++) {
      st[i] = (byte) stage.get(perm == null ? i : perm[i]);
    }
    stStage.release();
    // each builder column is dropped as soon as it is laid out, so the peak stays near one copy
    return new StageColumns(stLead.take(perm), st, stAt.take(perm), stAmount.build(perm),
        stReason.take(perm, rsn.dictionary.size()), stOwner.take(perm, own.dictionary.size()),
        offsets);
  }

  private int[] stageOrder(int n, int nLeads, int[] offsets) {
    CodeList reason = stReason;
    CodeList owner = stOwner;
    CodeList stage = stStage;
    return RowSort.byKey(stLead.raw(), n, nLeads, stAt.rawMillis(), (a, b) -> {
      int c = stAt.compare(a, b);
      if (c == 0) c = Integer.compare(stage.get(a), stage.get(b));
      if (c == 0) c = Integer.compare(reason.get(a), reason.get(b));
      if (c == 0) c = stAmount.compare(a, b);
      if (c == 0) c = Integer.compare(owner.get(a), owner.get(b));
      return c;
    }, offsets);
  }

  private ActivityColumns activities(Interner.Coded ids, Interner.Coded types, Interner.Coded own,
      Interner.Coded outs, int nLeads) {
    int n = acLead.size();
    ids.mapInPlace(acLead.raw(), n);
    acType.map(types);
    acOwner.map(own);
    acOutcome.map(outs);
    int[] offsets = new int[nLeads + 1];
    int[] perm = RowSort.unlessIdentity(activityOrder(n, nLeads, offsets));
    return new ActivityColumns(acLead.take(perm), acAt.take(perm),
        acType.take(perm, types.dictionary.size()), acOwner.take(perm, own.dictionary.size()),
        acOutcome.take(perm, outs.dictionary.size()), offsets);
  }

  private int[] activityOrder(int n, int nLeads, int[] offsets) {
    CodeList type = acType;
    CodeList owner = acOwner;
    CodeList outcome = acOutcome;
    return RowSort.byKey(acLead.raw(), n, nLeads, acAt.rawMillis(), (a, b) -> {
      int c = acAt.compare(a, b);
      if (c == 0) c = Integer.compare(type.get(a), type.get(b));
      if (c == 0) c = Integer.compare(owner.get(a), owner.get(b));
      if (c == 0) c = Integer.compare(outcome.get(a), outcome.get(b));
      return c;
    }, offsets);
  }

  private TouchColumns touches(Interner.Coded ids, Interner.Coded ch, Interner.Coded camp, int nLeads) {
    int n = toLead.size();
    ids.mapInPlace(toLead.raw(), n);
    toChannel.map(ch);
    toCampaign.map(camp);
    int[] offsets = new int[nLeads + 1];
    int[] perm = RowSort.unlessIdentity(touchOrder(n, nLeads, offsets));
    byte[] k = new byte[n];
    CodeList kind = toKind;
    for (int i = 0; i < n; i++) {
      k[i] = (byte) kind.get(perm == null ? i : perm[i]);
    }
    toKind.release();
    return new TouchColumns(toLead.take(perm), toAt.take(perm),
        toChannel.take(perm, ch.dictionary.size()),
        toCampaign.take(perm, camp.dictionary.size()), k, toCost.build(perm), offsets);
  }

  private int[] touchOrder(int n, int nLeads, int[] offsets) {
    CodeList channel = toChannel;
    CodeList campaign = toCampaign;
    CodeList kind = toKind;
    return RowSort.byKey(toLead.raw(), n, nLeads, toAt.rawMillis(), (a, b) -> {
      int c = toAt.compare(a, b);
      if (c == 0) c = Integer.compare(channel.get(a), channel.get(b));
      if (c == 0) c = Integer.compare(campaign.get(a), campaign.get(b));
      if (c == 0) c = Integer.compare(kind.get(a), kind.get(b));
      if (c == 0) c = toCost.compare(a, b);
      return c;
    }, offsets);
  }

  private PaymentColumns payments(Interner.Coded ids, Interner.Coded cust, Interner.Coded prod,
      int nCustomers) {
    int n = paCustomer.size();
    cust.mapInPlace(paCustomer.raw(), n);
    ids.mapInPlace(paLead.raw(), n);
    paProduct.map(prod);
    int[] offsets = new int[nCustomers + 1];
    int[] perm = RowSort.unlessIdentity(paymentOrder(n, nCustomers, offsets));
    // the columns are laid out in the new order independently: amounts and ids on another thread
    CompletableFuture<MoneyColumn> amounts = async(() -> paAmount.build(perm));
    CompletableFuture<TextColumn> paymentIds = async(() -> paId.build(perm));
    int[] customer = paCustomer.take(perm);
    int[] lead = paLead.take(perm);
    Times at = paAt.take(perm);
    Codes product = paProduct.take(perm, prod.dictionary.size());
    return new PaymentColumns(customer, lead, at, join(amounts), product, join(paymentIds), offsets);
  }

  private int[] paymentOrder(int n, int nCustomers, int[] offsets) {
    int[] lead = paLead.raw();
    CodeList product = paProduct;
    return RowSort.byKey(paCustomer.raw(), n, nCustomers, paAt.rawMillis(), (a, b) -> {
      int c = paAt.compare(a, b);
      if (c == 0) c = paAmount.compare(a, b);
      if (c == 0) c = compareText(paId.get(a), paId.get(b));
      if (c == 0) c = Integer.compare(lead[a], lead[b]);
      if (c == 0) c = Integer.compare(product.get(a), product.get(b));
      return c;
    }, offsets);
  }

  private static int compareText(String a, String b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private SpendColumns spend(Interner.Coded ch, Interner.Coded camp) {
    int n = spDay.size();
    spChannel.map(ch);
    spCampaign.map(camp);
    int[] perm = RowSort.unlessIdentity(spendOrder(n));
    return new SpendColumns(spDay.take(perm), spChannel.take(perm, ch.dictionary.size()),
        spCampaign.take(perm, camp.dictionary.size()), spAmount.build(perm));
  }

  private int[] spendOrder(int n) {
    int[] day = spDay.raw();
    CodeList channel = spChannel;
    CodeList campaign = spCampaign;
    return RowSort.all(n, (a, b) -> {
      int c = Integer.compare(day[a], day[b]);
      if (c == 0) c = Integer.compare(channel.get(a), channel.get(b));
      if (c == 0) c = Integer.compare(campaign.get(a), campaign.get(b));
      if (c == 0) c = spAmount.compare(a, b);
      return c;
    });
  }
}
