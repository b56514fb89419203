package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageCatalogTest {

  @Test
  void defaultOrderIsTheSpecs() {
    StageCatalog c = StageCatalog.DEFAULT;
    assertEquals(
        List.of("LEAD", "MQL", "SQL", "SAL", "OPPORTUNITY", "PROPOSAL", "NEGOTIATION", "WON"),
        c.progression().stream().map(Stage::name).toList());
    assertEquals(List.of("LOST", "RETURNED"), c.exits().stream().map(Stage::name).toList());
    assertEquals(10, c.size());
    assertEquals("LEAD", c.first().name());
    assertEquals("WON", c.won().name());
    for (int i = 0; i < c.size(); i++) {
      assertEquals(i, c.all().get(i).index());
      assertEquals(c.get(i), c.all().get(i));
      assertEquals(i >= 8, c.get(i).exit());
      assertEquals(i < 8, c.get(i).progression());
    }
    assertTrue(c.stage("MQL").compareTo(c.stage("SQL")) < 0);
    assertTrue(c.stage("WON").compareTo(c.stage("LOST")) < 0);
    assertEquals(Optional.of(c.get(8)), c.lost());
    assertEquals(Optional.of(c.get(9)), c.returned());
    assertEquals("StageCatalog[LEAD -> MQL -> SQL -> SAL -> OPPORTUNITY -> PROPOSAL -> NEGOTIATION -> WON;"
        + " exits LOST, RETURNED]", c.toString());
  }

  @Test
  void lookupIsCaseInsensitiveAndTrimmed() {
    StageCatalog c = StageCatalog.DEFAULT;
    assertEquals(c.get(1), c.stage("mql"));
    assertEquals(c.get(4), c.stage("  Opportunity "));
    assertEquals(Optional.empty(), c.find("demo"));
    assertEquals(Optional.empty(), c.find(null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.stage("demo"));
    assertEquals("unknown stage 'demo'; the catalog has [LEAD, MQL, SQL, SAL, OPPORTUNITY, PROPOSAL,"
        + " NEGOTIATION, WON, LOST, RETURNED]", e.getMessage());
  }

  @Test
  void customCatalogs() {
    StageCatalog c = StageCatalog.of(List.of("visitor", "Trial", "paid"), List.of("churned"));
    assertEquals(List.of("VISITOR", "TRIAL", "PAID", "CHURNED"), c.all().stream().map(Stage::name).toList());
    assertEquals("VISITOR", c.first().name());
    assertEquals("PAID", c.won().name());
    assertTrue(c.stage("churned").exit());
    assertEquals(3, c.stage("CHURNED").index());
    assertEquals(Optional.empty(), c.lost());
    assertEquals(Optional.empty(), c.returned());
    assertEquals(c, StageCatalog.of(List.of("VISITOR", "trial", "PAID"), List.of("Churned")));
    assertEquals(c.hashCode(), StageCatalog.of(List.of("VISITOR", "trial", "PAID"), List.of("Churned")).hashCode());
    assertNotEquals(c, StageCatalog.of(List.of("visitor", "paid", "trial"), List.of("churned")));
    assertNotEquals(c, StageCatalog.DEFAULT);
    StageCatalog noExits = StageCatalog.of(List.of("a", "b"), null);
    assertTrue(noExits.exits().isEmpty());
    assertEquals("StageCatalog[A -> B]", noExits.toString());
  }

  @Test
  void duplicatesAndBlanksAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StageCatalog.of(List.of("lead", "MQL", "Lead", "won"), List.of()));
    assertEquals("duplicate stage name in catalog: LEAD", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> StageCatalog.of(List.of("lead", "won"), List.of(" WON ")));
    assertEquals("duplicate stage name in catalog: WON", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StageCatalog.of(List.of("lead", " "), List.of()));
    assertEquals("stage names must not be blank", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StageCatalog.of(Arrays.asList("lead", null), List.of()));
    assertEquals("stage names must not be blank", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StageCatalog.of(List.of("only"), List.of()));
    assertEquals("a stage catalog needs at least two ordered stages (first and won), got [only]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StageCatalog.of(null, List.of()));
  }

  @Test
  void catalogsAreImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> StageCatalog.DEFAULT.all().clear());
    assertThrows(UnsupportedOperationException.class, () -> StageCatalog.DEFAULT.progression().clear());
    assertThrows(UnsupportedOperationException.class, () -> StageCatalog.DEFAULT.exits().clear());
  }

  @Test
  void stageValidation() {
    assertEquals("stage name must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new Stage(" ", 0, false)).getMessage());
    assertEquals("stage index must be >= 0, got -1 for X",
        assertThrows(IllegalArgumentException.class, () -> new Stage("X", -1, false)).getMessage());
    assertEquals("MQL", StageCatalog.DEFAULT.stage("mql").toString());
    assertFalse(StageCatalog.DEFAULT.stage("mql").exit());
  }
}
