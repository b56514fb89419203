package example.embed;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.io.Json;
import java.lang.module.ModuleDescriptor;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A host's embedding of funnel: its own objects in, a funnel, an attribution and a cohort table out. */
public final class Main {
  public static void main(String[] args) throws Exception {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    StageCatalog cat = StageCatalog.DEFAULT;
    Dataset d = Dataset.builder()
        .lead(Lead.of("L1", t, "seo"))
        .lead(Lead.of("L2", t.plusSeconds(3_600), "paid_search"))
        .lead(Lead.of("L3", t.plusSeconds(7_200), "seo"))
        .touch(Touch.of("L1", t.minusSeconds(600), "seo"))
        .touch(Touch.of("L2", t.minusSeconds(60), "paid_search"))
        .touch(Touch.of("L2", t.plusSeconds(86_400), "email"))
        .stageChange(StageChange.of("L1", cat.stage("MQL"), t.plusSeconds(86_400)))
        .stageChange(StageChange.of("L1", cat.stage("WON"), t.plusSeconds(5 * 86_400)))
        .stageChange(StageChange.of("L2", cat.stage("WON"), t.plusSeconds(6 * 86_400)))
        .payment(new Payment("P1", null, "L1", t.plusSeconds(6 * 86_400), Money.of("120.00"), null))
        .payment(new Payment("P2", null, "L2", t.plusSeconds(7 * 86_400), Money.of("80.00"), null))
        .build();

    FunnelReport funnel = StageFunnel.compute(d, FunnelQuery.event());
    AttributionResult linear = Attribution.attribute(JourneySet.fromDataset(d, JourneyOptions.DEFAULTS), Model.LINEAR);
    CohortTable cohorts = Cohorts.byFirstPayment(d, Granularity.MONTH);
    System.out.println(funnel);
    System.out.println(linear);
    System.out.println(cohorts);
    String json = Json.write(funnel);
    System.out.println(json.substring(0, Math.min(160, json.length())));
    check(funnel.count("LEAD") == 3 && funnel.count("MQL") == 2 && funnel.count("WON") == 2,
        "stage counts LEAD 3, MQL 2, WON 2: " + funnel);
    check(json.contains("\"stages\""), "the funnel as JSON: " + json);
    check(linear.conversions() == 2, "two converted journeys: " + linear);
    check(cohorts.cohorts().size() == 1, "one monthly cohort: " + cohorts);

    boundary(d);
    for (String m : new String[] {"dev.funnel.core", "dev.funnel.attribution", "dev.funnel.cohort", "dev.funnel.io"}) {
      System.out.println("exported public types of " + m + ": " + exportedPublicTypes(m));
    }
    System.out.println("EMBED OK");
  }

  /**
   * The public types (nested ones included) of the packages a module exports to everyone, counted
   * from its jar: README's module tour quotes these numbers.
   */
  private static long exportedPublicTypes(String name) throws Exception {
    Module module = ModuleLayer.boot().findModule(name).orElseThrow();
    java.lang.module.ModuleReference ref =
        ModuleLayer.boot().configuration().findModule(name).orElseThrow().reference();
    try (java.lang.module.ModuleReader reader = ref.open()) {
      return reader.list()
          .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .filter(c -> module.isExported(c.substring(0, c.lastIndexOf('.'))))
          .filter(c -> {
            try {
              Class<?> k = Class.forName(c, false, module.getClassLoader());
              if (k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
                return false;
              }
              for (; k != null; k = k.getEnclosingClass()) {
                if (!java.lang.reflect.Modifier.isPublic(k.getModifiers())) {
                  return false;
                }
              }
              return true;
            } catch (ClassNotFoundException e) {
              throw new IllegalStateException(e);
            }
          })
          .count();
    }
  }

  /** What the module system lets a host see of funnel-core. */
  private static void boundary(Dataset d) throws Exception {
    Module host = Main.class.getModule();
    Module core = Dataset.class.getModule();
    check(host.isNamed() && "example.embed".equals(host.getName()), "the host runs as a named module: " + host);
    check(core.isNamed() && "dev.funnel.core".equals(core.getName()), "funnel-core is a named module: " + core);
    Set<String> exported = core.getDescriptor().exports().stream()
        .filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> api = new TreeSet<>(Set.of("dev.funnel.core", "dev.funnel.core.bridge", "dev.funnel.core.demo",
        "dev.funnel.core.display", "dev.funnel.core.funnel", "dev.funnel.core.live", "dev.funnel.core.money", "dev.funnel.core.plan",
        "dev.funnel.core.quality", "dev.funnel.core.sales", "dev.funnel.core.sla", "dev.funnel.core.stats"));
    check(exported.equals(api), "funnel-core exports the API packages only: " + exported);
    check(core.getPackages().contains("dev.funnel.core.columnar"), "the columns are in funnel-core");
    check(!core.isExported("dev.funnel.core.columnar", host), "dev.funnel.core.columnar is not exported to the host");
    Module jackson = ModuleLayer.boot().findModule("com.fasterxml.jackson.core").orElseThrow();
    check(!host.canRead(jackson), "funnel-io reads Jackson; the host does not read it through funnel");
    // reflection stops at the boundary too
    Object columns = Dataset.class.getMethod("columns").invoke(d);
    try {
      columns.getClass().getMethod("leads").invoke(columns);
      throw new AssertionError("reflection reached into dev.funnel.core.columnar");
    } catch (IllegalAccessException expected) {
      System.out.println("refused: " + expected.getMessage());
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
