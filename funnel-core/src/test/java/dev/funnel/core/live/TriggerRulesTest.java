package dev.funnel.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.sla.BusinessCalendar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule set read from a table is the rule set built in Java (same records, same firings); a
 * written set reads back; every bad table is refused with its line, rule and column.
 */
class TriggerRulesTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");

  /** The rule table a CRM administrator would type (quoted action with a comma, CRLF ends). */
  private static final String TABLE = String.join("\r\n",
      "Name,Kind,Stage,Reason,Within,Idle,Count,Match,Gap,Hours,Days,Holidays,Action",
      "first-response,first_response,MQL,,4h,,,,,09:00-18:00,mon-fri,2026-01-01 2026-01-07,"
          + "\"call the lead, then email\"",
      "",
      "stale,stale,,,,14d,,,,,,,try another channel",
      "lost-price,entered_stage,LOST,too_expensive,,,,,,,,,send value content",
      "lost-any,entered_stage,lost,,,,,,,,,,review the loss",
      "hot,touch_burst,,,7d,,3,,,,,,personal offer",
      "win-back,payment_after_churn,,,,,,,P60D,,,,\"thank and \"\"upsell\"\"\"",
      "");

  /** The same rules built in Java. */
  private static List<TriggerRule> built() {
    BusinessCalendar office = BusinessCalendar.builder().zone(ZONE)
        .workingDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)
        .hours(LocalTime.of(9, 0), LocalTime.of(18, 0))
        .holiday(LocalDate.of(2026, 1, 1)).holiday(LocalDate.of(2026, 1, 7)).build();
    return List.of(
        new TriggerRule.FirstResponse("first-response", "MQL", Duration.ofHours(4), office,
            "call the lead, then email"),
        new TriggerRule.Stale("stale", Duration.ofDays(14), "try another channel"),
        new TriggerRule.EnteredStage("lost-price", "LOST", "too_expensive", "send value content"),
        new TriggerRule.EnteredStage("lost-any", "lost", null, "review the loss"),
        new TriggerRule.TouchBurst("hot", 3, null, Duration.ofDays(7), "personal offer"),
        new TriggerRule.PaymentAfterChurn("win-back", Duration.ofDays(60),
            "thank and \"upsell\""));
  }

  private static List<LiveEvent> demoEvents() {
    Dataset demo = DemoData.builder().seed(5).leads(600).zone(ZONE).defectRate(0).build()
        .dataset();
    List<LiveEvent> out = new ArrayList<>();
    demo.leads().forEach(l -> out.add(LiveEvent.of(l)));
    int[] n = {0};
    demo.stages().forEach(s -> out.add(LiveEvent.of("s" + n[0]++, s)));
    demo.activities().forEach(a -> out.add(LiveEvent.of("a" + n[0]++, a)));
    demo.touches().forEach(t -> out.add(LiveEvent.of("t" + n[0]++, t)));
    demo.payments().forEach(p -> out.add(LiveEvent.of("p" + n[0]++, p)));
    return out;
  }

  private static List<Firing> fire(List<TriggerRule> rules, List<LiveEvent> events) {
    LiveFunnel live = LiveFunnel.builder().zone(ZONE).tables(EnumSet.of(DatasetTable.LEADS,
        DatasetTable.STAGES, DatasetTable.ACTIVITIES, DatasetTable.TOUCHES,
        DatasetTable.PAYMENTS)).rules(rules).build();
    live.apply(events);
    List<Firing> out = new ArrayList<>(live.advanceTo(Instant.parse("2026-06-01T00:00:00Z")));
    out.addAll(live.advanceTo(Instant.parse("2027-01-01T00:00:00Z")));
    return out;
  }

  @Test
  void theTableAndTheBuilderGiveTheSameRulesAndFirings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.csv");
    Files.write(file, ("\uFEFF" + TABLE).getBytes(StandardCharsets.UTF_8));
    List<TriggerRule> read = TriggerRules.read(file, ZONE);
    assertEquals(built(), read);
    List<LiveEvent> events = demoEvents();
    List<Firing> fromTable = fire(read, events);
    assertEquals(fire(built(), events), fromTable);
    // every rule but the first response (the demo answers its leads) fires on the demo
    Set<String> rules = new HashSet<>();
    fromTable.forEach(f -> rules.add(f.rule()));
    assertTrue(rules.containsAll(List.of("stale", "lost-price", "lost-any", "hot", "win-back")),
        "rules that fired: " + rules);
    assertTrue(fromTable.stream().anyMatch(f -> f.action().equals("thank and \"upsell\"")));
  }

  @Test
  void aWrittenTableReadsBackAsTheSameRules() {
    String text = TriggerRules.write(built(), ZONE);
    assertEquals(built(), TriggerRules.parse(text, "written.csv", ZONE));
    List<TriggerRule> more = List.of(
        new TriggerRule.FirstResponse("fr", "SQL", Duration.ofMinutes(90),
            BusinessCalendar.continuous(), "call"),
        new TriggerRule.TouchBurst("b", 2, "webinar", Duration.ofSeconds(3_601), "x"),
        new TriggerRule.FirstResponse("weekend", "MQL", Duration.ofSeconds(30),
            BusinessCalendar.builder().zone(ZONE).workingDays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
                .hours(LocalTime.of(10, 30), LocalTime.of(14, 0)).build(), "y"));
    assertEquals(more, TriggerRules.parse(TriggerRules.write(more, ZONE), "w", ZONE));
    assertEquals("1d", TriggerRules.formatDuration(Duration.ofDays(1)));
    assertEquals("3601s", TriggerRules.formatDuration(Duration.ofSeconds(3_601)));
    assertEquals(Duration.ofMillis(1_500), TriggerRules.parseDuration(
        TriggerRules.formatDuration(Duration.ofMillis(1_500))));
    // a calendar in another zone, a blank action and two rules of one name cannot be written
    assertThrows(IllegalArgumentException.class, () -> TriggerRules.write(more, ZoneId.of("UTC")));
    assertThrows(IllegalArgumentException.class, () -> TriggerRules.write(List.of(
        new TriggerRule.Stale("s", Duration.ofDays(1), " ")), ZONE));
    assertThrows(IllegalArgumentException.class, () -> TriggerRules.write(List.of(
        new TriggerRule.Stale("s", Duration.ofDays(1), "a"),
        new TriggerRule.Stale("s", Duration.ofDays(2), "b")), ZONE));
  }

  private static void refused(String table, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TriggerRules.parse(table, "rules.csv", ZONE), table);
    assertEquals(message, e.getMessage());
  }

  @Test
  void badTablesAreRefusedNamingLineRuleAndColumn() {
    String h = "name,kind,stage,reason,within,idle,count,match,gap,hours,days,holidays,action\n";
    refused("", "rules.csv: empty; a rule table needs a header row (" + String.join(",",
        TriggerRules.COLUMNS) + ")");
    refused("name,kind,action,wthin\n", "rules.csv:1: unknown column 'wthin'; a rule table has "
        + TriggerRules.COLUMNS);
    refused("name,kind,Name,action\n", "rules.csv:1: column name appears twice in the header");
    refused("name,kind,idle\n", "rules.csv:1: the header has no column action (required); it has"
        + " [name, kind, idle]");
    refused(h + "s,stale,,,,3 days,,,,,,,nudge\n", "rules.csv:2: rule 's', column idle: '3 days'"
        + " is not a duration (use 30d, 48h, 90m, 45s or ISO-8601 such as PT1H)");
    refused(h + "s,stale,,,,0d,,,,,,,nudge\n",
        "rules.csv:2: rule 's', column idle: '0d' must be a positive duration");
    refused(h + "s,stale,,,,,,,,,,,nudge\n",
        "rules.csv:2: rule 's', column idle: empty; a stale rule needs one");
    refused(h + "\ns,stale,MQL,,,3d,,,,,,,nudge\n", "rules.csv:3: rule 's', column stage: a stale"
        + " rule takes no stage (it takes [idle]); leave the cell empty");
    refused(h + "s,sla,,,,3d,,,,,,,nudge\n", "rules.csv:2: rule 's', column kind: unknown kind"
        + " 'sla'; the kinds are [first_response, stale, entered_stage, touch_burst,"
        + " payment_after_churn]");
    refused(h + ",stale,,,,3d,,,,,,,nudge\n",
        "rules.csv:2, column name: empty; every rule needs one");
    refused(h + "s,stale,,,,3d,,,,,,,\n",
        "rules.csv:2: rule 's', column action: empty; every rule needs one");
    refused(h + "b,touch_burst,,,1d,,0,,,,,,x\n",
        "rules.csv:2: rule 'b', column count: '0' must be a whole number >= 1");
    refused(h + "b,touch_burst,,,1d,,three,,,,,,x\n",
        "rules.csv:2: rule 'b', column count: 'three' is not a whole number");
    refused(h + "f,first_response,MQL,,4h,,,,,9-18,,,x\n", "rules.csv:2: rule 'f', column hours:"
        + " '9-18' is not opening and closing times such as 09:00-18:00");
    refused(h + "f,first_response,MQL,,4h,,,,,,mon-fri,,x\n", "rules.csv:2: rule 'f', column days:"
        + " applies with working hours only; give hours (e.g. 09:00-18:00)");
    refused(h + "f,first_response,MQL,,4h,,,,,09:00-18:00,mon-fry,,x\n", "rules.csv:2: rule 'f',"
        + " column days: 'fry' in 'mon-fry' is not a day (mon, tue, ... sun)");
    refused(h + "f,first_response,MQL,,4h,,,,,09:00-18:00,,2026-13-01,x\n", "rules.csv:2: rule"
        + " 'f', column holidays: '2026-13-01' is not a date such as 2026-04-03");
    refused(h + "s,stale,,,,3d,,,,,,,nudge\ns,stale,,,,4d,,,,,,,nudge\n", "rules.csv:3: rule 's' is"
        + " named twice (first on line 2); names must be unique");
    refused(h + "s,stale,,,,3d,,,,,,nudge\n", "rules.csv:2: the row has 12 cells, the header 13");
    refused(h + "s,stale,,,,3d,,,,,,,\"nudge\n", "rules.csv:2: a quoted field is not closed");
    refused(h + "s,stale,,,,3d,,,,,,,\"nudge\"x\n", "rules.csv:2: text after a closing quote;"
        + " quote the whole field and double quotes inside");
  }

  @Test
  void aRuleOnAStageOutsideTheCatalogIsRefusedWhenTheFunnelIsBuilt() {
    List<TriggerRule> rules = TriggerRules.parse("name,kind,stage,action\nx,entered_stage,CHURNED,"
        + "call\n", "rules.csv", ZONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LiveFunnel.builder().rules(rules).build());
    assertTrue(e.getMessage().startsWith("rule x names stage CHURNED, which is not in this"
        + " funnel's catalog"), e.getMessage());
    // the same rule is fine on a catalog that has the stage
    LiveFunnel.builder().catalog(StageCatalog.of(List.of("NEW", "ACTIVE", "WON"),
        List.of("CHURNED"))).rules(rules).build();
  }
}
