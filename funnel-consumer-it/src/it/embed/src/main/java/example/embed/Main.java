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
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
      List<Class<?>> types = exportedPublicTypes(m);
      System.out.println("exported public types of " + m + ": " + types.size());
      List<String> leaks = signatureLeaks(types);
      check(leaks.isEmpty(), "public signatures of " + m + " name types a host cannot use:\n  "
          + String.join("\n  ", leaks));
      System.out.println("signatures of " + m + " name API and JDK types only");
    }
    System.out.println("EMBED OK");
  }

  /**
   * The public types (nested ones included) of the packages a module exports to everyone, counted
   * from its jar: README's module tour quotes these numbers.
   */
  private static List<Class<?>> exportedPublicTypes(String name) throws Exception {
    Module module = ModuleLayer.boot().findModule(name).orElseThrow();
    java.lang.module.ModuleReference ref =
        ModuleLayer.boot().configuration().findModule(name).orElseThrow().reference();
    try (java.lang.module.ModuleReader reader = ref.open()) {
      return reader.list()
          .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .filter(c -> module.isExported(c.substring(0, c.lastIndexOf('.'))))
          .<Class<?>>map(c -> {
            try {
              return Class.forName(c, false, module.getClassLoader());
            } catch (ClassNotFoundException e) {
              throw new IllegalStateException(e);
            }
          })
          .filter(k -> !k.isAnonymousClass() && !k.isLocalClass() && !k.isSynthetic() && visible(k))
          .collect(Collectors.toList());
    }
  }

  /** A public type whose enclosing types are public too. */
  private static boolean visible(Class<?> k) {
    for (; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The public and protected constructors, methods and fields of the exported types (and their
   * supertypes and type parameters) that name a type a host cannot use: one of a funnel package
   * not exported to everyone (as {@code dev.funnel.core.columnar}) or a non-public funnel type, or
   * a type from outside the JDK. javac's {@code exports} lint warns of the first kind when funnel
   * compiles; this checks the jars as installed.
   */
  private static List<String> signatureLeaks(List<Class<?>> types) {
    List<String> leaks = new ArrayList<>();
    for (Class<?> k : types) {
      List<Type> named = new ArrayList<>();
      named.add(k.getGenericSuperclass());
      named.addAll(List.of(k.getGenericInterfaces()));
      named.addAll(List.of(k.getTypeParameters()));
      note(leaks, k.getName(), named);
      for (Constructor<?> c : k.getDeclaredConstructors()) {
        if (api(c.getModifiers()) && !c.isSynthetic()) {
          List<Type> t = new ArrayList<>(List.of(c.getGenericParameterTypes()));
          t.addAll(List.of(c.getGenericExceptionTypes()));
          note(leaks, c.toGenericString(), t);
        }
      }
      for (Method m : k.getDeclaredMethods()) {
        if (api(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          List<Type> t = new ArrayList<>(List.of(m.getGenericParameterTypes()));
          t.add(m.getGenericReturnType());
          t.addAll(List.of(m.getGenericExceptionTypes()));
          t.addAll(List.of(m.getTypeParameters()));
          note(leaks, m.toGenericString(), t);
        }
      }
      for (Field f : k.getDeclaredFields()) {
        if (api(f.getModifiers()) && !f.isSynthetic()) {
          note(leaks, f.toGenericString(), List.of(f.getGenericType()));
        }
      }
    }
    return leaks;
  }

  private static boolean api(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void note(List<String> leaks, String member, List<Type> types) {
    Set<Class<?>> classes = new HashSet<>();
    Set<Type> seen = new HashSet<>();
    for (Type t : types) {
      classesOf(t, classes, seen);
    }
    for (Class<?> c : classes) {
      if (!hostCanUse(c)) {
        leaks.add(member + " names " + c.getName());
      }
    }
  }

  private static void classesOf(Type t, Set<Class<?>> out, Set<Type> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (!c.isPrimitive()) {
        out.add(c);
      }
    } else if (t instanceof ParameterizedType p) {
      classesOf(p.getRawType(), out, seen);
      classesOf(p.getOwnerType(), out, seen);
      for (Type a : p.getActualTypeArguments()) {
        classesOf(a, out, seen);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        classesOf(b, out, seen);
      }
      for (Type b : w.getLowerBounds()) {
        classesOf(b, out, seen);
      }
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        classesOf(b, out, seen);
      }
    } else if (t instanceof GenericArrayType a) {
      classesOf(a.getGenericComponentType(), out, seen);
    }
  }

  /** A JDK type, or a public type of a package a funnel module exports to everyone. */
  private static boolean hostCanUse(Class<?> c) {
    Module m = c.getModule();
    if (!m.isNamed()) {
      return false;
    }
    if (m.getName().startsWith("dev.funnel.")) {
      return m.isExported(c.getPackageName()) && visible(c);
    }
    return m.getName().startsWith("java.") && m.isExported(c.getPackageName());
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
    check(!core.isExported("dev.funnel.core.internal", host), "dev.funnel.core.internal is not exported to the host");
    check(java.util.Arrays.stream(Dataset.class.getMethods()).noneMatch(m -> m.getName().equals("columns")),
        "a dataset has no public getter of its columns");
    // reflection stops at the boundary too: the columns, and the hook that reads them
    Class<?> columns = Class.forName("dev.funnel.core.columnar.Columns");
    try {
      columns.getMethod("of", Dataset.class).invoke(null, d);
      throw new AssertionError("reflection reached into dev.funnel.core.columnar");
    } catch (IllegalAccessException expected) {
      System.out.println("refused: " + expected.getMessage());
    }
    Class<?> access = Class.forName("dev.funnel.core.internal.DatasetAccess");
    try {
      access.getMethod("columns", Dataset.class).invoke(null, d);
      throw new AssertionError("reflection reached into dev.funnel.core.internal");
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
