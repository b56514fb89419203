package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.cohort.ltv.HoldoutValidation;
import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.RfmUnit;
import dev.funnel.core.display.Formats;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code funnel ltv DATA --holdout DATE} end to end on CDNOW (the standard split: calibration to
 * 1997-09-30, holdout the next 39 weeks to 1998-06-30), from a dataset directory holding its
 * payments: every number of the JSON equals the library's {@link HoldoutValidation} computed here
 * from the raw file, the SVG draws one bar per bucket and model and one dot per tracked week and
 * model with the library's numbers, and options that do not apply are usage errors.
 */
class LtvHoldoutCommandTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  @TempDir static Path tmp;
  static Path dir;
  static HoldoutValidation library;

  @BeforeAll
  static void data() throws Exception {
    dir = FaderHardieSample.dataset(tmp.resolve("cdnow"));
    library = Ltv.holdout(FaderHardieSample.purchases(), CALIBRATION_END, HOLDOUT_END, RfmUnit.WEEK);
  }

  static FunnelTest.Run run(String... extra) {
    List<String> args = new ArrayList<>(List.of("ltv", dir.toString(), "--holdout", "1997-09-30"));
    args.addAll(List.of(extra));
    return FunnelTest.run(args.toArray(new String[0]));
  }

  @Test
  void jsonEqualsTheLibrarysValidation() throws Exception {
    // --until defaults to the last payment day, 1998-06-30 for CDNOW
    FunnelTest.Run r = run("--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = JACKSON.readTree(r.out());
    assertEquals("1997-09-30", j.get("calibrationEnd").asText());
    assertEquals("1998-06-30", j.get("holdoutEnd").asText());
    assertEquals(39.0, j.get("holdoutLength").asDouble());
    assertEquals(2357, j.get("customers").asLong());
    assertEquals(library.recommended(), j.get("recommended").asText());
    assertEquals(HoldoutValidation.RULE, j.get("rule").asText());
    assertEquals(library.bgBbProblem(), j.get("bgBbProblem").asText());
    assertEquals(library.models().size(), j.get("models").size());
    for (int m = 0; m < library.models().size(); m++) {
      HoldoutValidation.ModelScore s = library.models().get(m);
      JsonNode n = j.get("models").get(m);
      assertEquals(s.model(), n.get("model").asText());
      assertEquals(s.logLikelihood(), n.get("logLikelihood").asDouble(), s.model());
      assertEquals(s.parameters(), n.get("parameters").asInt());
      assertEquals(s.aic(), n.get("aic").asDouble());
      assertEquals(s.bic(), n.get("bic").asDouble());
      assertEquals(s.predicted(), n.get("predicted").asDouble());
      assertEquals(s.actual(), n.get("actual").asLong());
      assertEquals(s.totalError(), n.get("totalError").asDouble());
      assertEquals(s.meanAbsoluteError(), n.get("meanAbsoluteError").asDouble());
      assertEquals(s.rootMeanSquaredError(), n.get("rootMeanSquaredError").asDouble());
      assertEquals(s.cumulativeTrackingError(), n.get("cumulativeTrackingError").asDouble());
      assertEquals(s.incrementalTrackingError(), n.get("incrementalTrackingError").asDouble());
      assertEquals(s.converged(), n.get("converged").asBoolean());
      for (Map.Entry<String, Double> e : s.estimates().entrySet()) {
        assertEquals(e.getValue(), n.get("estimates").get(e.getKey()).asDouble(), e.getKey());
      }
    }
    assertEquals(library.buckets().size(), j.get("buckets").size());
    for (int i = 0; i < library.buckets().size(); i++) {
      HoldoutValidation.Bucket b = library.buckets().get(i);
      JsonNode n = j.get("buckets").get(i);
      assertEquals(b.label(), n.get("repeatPurchases").asText());
      assertEquals(b.customers(), n.get("customers").asLong());
      assertEquals(b.actual(), n.get("actual").asDouble());
      assertEquals(b.bgNbd(), n.get("bgNbd").asDouble());
      assertEquals(b.mbgNbd(), n.get("mbgNbd").asDouble());
      assertEquals(b.paretoNbd(), n.get("paretoNbd").asDouble());
      assertTrue(n.get("bgBb").isNull(), "CDNOW is not discrete by the week");
    }
    for (String member : List.of("tracking", "incremental")) {
      List<HoldoutValidation.Tracking> rows =
          member.equals("tracking") ? library.tracking() : library.incremental();
      assertEquals(78, j.get(member).size());
      for (int i = 0; i < rows.size(); i++) {
        HoldoutValidation.Tracking t = rows.get(i);
        JsonNode n = j.get(member).get(i);
        assertEquals(t.period(), n.get("period").asInt());
        assertEquals(t.through().toString(), n.get("through").asText());
        assertEquals(t.holdout(), n.get("holdout").asBoolean());
        assertEquals(t.actual(), n.get("actual").asLong());
        assertEquals(t.bgNbd(), n.get("bgNbd").asDouble(), member + " " + i);
        assertEquals(t.mbgNbd(), n.get("mbgNbd").asDouble(), member + " " + i);
        assertEquals(t.paretoNbd(), n.get("paretoNbd").asDouble(), member + " " + i);
      }
    }
  }

  @Test
  void textShowsTheComparisonAndTheRecommendation() {
    FunnelTest.Run r = run("--until", "1998-06-30");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith(library.summary() + "\n"), r.out());
    assertTrue(r.out().contains("Recommended: " + library.recommended() + " ("
        + HoldoutValidation.RULE + ")"), r.out());
    assertTrue(r.out().contains(library.modelTable().render()), r.out());
    assertTrue(r.out().contains(library.table().render()), r.out());
    assertTrue(r.out().contains("BG/BB: not fitted: " + library.bgBbProblem()), r.out());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> byClass(Element root, String tag, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = root.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void svgDrawsTheValidationFiguresWithTheLibrarysNumbers() throws Exception {
    Path out = tmp.resolve("holdout.svg");
    FunnelTest.Run r = run("--format", "svg", "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    Document d = parse(java.nio.file.Files.readString(out));
    Element root = d.getDocumentElement();
    List<Element> charts = byClass(root, "svg", "chart");
    assertEquals("chart stack", root.getAttribute("class"));
    assertEquals(3, charts.size(), "three figures nested in the document");
    // figure 1: a bar per bucket and series (actual and three models), each with its number
    Element bars = charts.get(0);
    List<Element> rects = byClass(bars, "rect", "bar");
    assertEquals(8 * 4, rects.size());
    HoldoutValidation.Bucket zero = library.buckets().get(0);
    assertEquals("0 (n=1,411), actual " + Formats.label(zero.actual()),
        rects.get(0).getTextContent());
    assertEquals("0 (n=1,411), Pareto/NBD " + Formats.label(zero.paretoNbd()),
        rects.get(3).getTextContent());
    // figures 2 and 3: a dot per week and series, the calibration end marked after week 39
    for (int f = 1; f <= 2; f++) {
      List<HoldoutValidation.Tracking> rows = f == 1 ? library.tracking() : library.incremental();
      List<Element> dots = byClass(charts.get(f), "circle", "point");
      assertEquals(78 * 4, dots.size());
      HoldoutValidation.Tracking last = rows.get(77);
      assertEquals("actual at 78: " + Formats.label(last.actual()),
          dots.get(77).getTextContent());
      assertEquals("BG/NBD at 78: " + Formats.label(last.bgNbd()),
          dots.get(78 + 77).getTextContent());
      assertEquals(1, byClass(charts.get(f), "line", "marker").size());
    }
  }

  @Test
  void optionsThatDoNotApplyAndEmptyHoldoutsAreUsageErrors() {
    assertEquals(2, run("--model", "pareto").code());
    assertEquals(2, run("--horizon", "12").code());
    FunnelTest.Run r = run("--until", "1997-09-30");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("leaves no holdout"), r.err());
    assertEquals(2, FunnelTest.run("ltv", dir.toString(), "--holdout", "1997-13-01").code());
  }
}
