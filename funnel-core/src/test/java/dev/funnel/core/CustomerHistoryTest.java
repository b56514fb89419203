package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.demo.DemoData;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitEconomicsState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One customer's rows as one value, and the per-customer step of unit economics on it. */
class CustomerHistoryTest {

  private static final Dataset DEMO = DemoData.builder().seed(37).leads(1_500).build().dataset();

  @Test
  void theStepOverEveryCustomersHistoryIsTheDatasetsUnitEconomics() {
    UnitEconomicsState byHistory = UnitEconomicsState.empty();
    Map<String, List<Lead>> leads = new HashMap<>();
    for (Lead l : DEMO.leads()) {
      UnitEconomics.addLead(byHistory, l, DEMO.zone(), null, null);
      leads.computeIfAbsent(l.customerId(), k -> new ArrayList<>()).add(l);
    }
    for (Spend s : DEMO.spend()) {
      UnitEconomics.addSpend(byHistory, s, null, null);
    }
    for (String c : DEMO.payingCustomers()) {
      UnitEconomics.addCustomer(byHistory, new CustomerHistory(c, leads.getOrDefault(c, List.of()),
          DEMO.paymentsOf(c)), DEMO.zone(), null, null, UnitEconomics.NON_MARKETING);
    }
    UnitEconomicsState batch = UnitEconomics.tally(DEMO, null, null, UnitEconomics.NON_MARKETING);
    assertEquals(batch, byHistory);
  }

  @Test
  void rowsOfAnotherCustomerAreRefusedNamingThem() {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    Lead own = Lead.builder("L1", t).customer("C1").build();
    Lead other = Lead.builder("L2", t).build(); // its own customer, L2
    Payment paid = Payment.builder(t, Money.of("10.00", "EUR")).customer("C1").build();
    Payment stray = Payment.builder(t, Money.of("5.00", "EUR")).customer("C9").build();

    assertEquals(List.of(own), new CustomerHistory("C1", List.of(own), List.of(paid)).leads());
    IllegalArgumentException lead = assertThrows(IllegalArgumentException.class,
        () -> new CustomerHistory("C1", List.of(own, other), List.of(paid)));
    assertEquals("the history of customer 'C1' holds lead 'L2' of customer 'L2'", lead.getMessage());
    IllegalArgumentException payment = assertThrows(IllegalArgumentException.class,
        () -> new CustomerHistory("C1", List.of(own), List.of(paid, stray)));
    assertEquals("the history of customer 'C1' holds a payment of customer 'C9'", payment.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CustomerHistory(null, List.of(), List.of()));
  }

  @Test
  void toStringIsASummaryLineThenTheRows() {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    Lead own = Lead.builder("L1", t).customer("C1").channel("seo").build();
    Payment paid = Payment.builder(t, Money.of("10.00", "EUR")).customer("C1").build();
    List<String> lines = new CustomerHistory("C1", List.of(own), List.of(paid, paid)).toString().lines().toList();
    assertEquals("customer C1: 1 lead, 2 payments", lines.get(0));
    assertEquals(5, lines.size()); // summary, header, one lead, two payments
    assertEquals(true, lines.get(2).startsWith("lead") && lines.get(2).endsWith("L1 seo"), lines.get(2));
    assertEquals(true, lines.get(3).startsWith("payment") && lines.get(3).contains("10.00"), lines.get(3));
  }
}
