package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.MergeableState;
import dev.funnel.core.StateType;
import dev.funnel.core.money.UnitEconomicsState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generic code that holds states only through their {@link StateType} (as a Spark aggregator
 * does) gets the state of the whole from the parts' byte forms, and a type survives Java
 * serialization (it travels with a job).
 */
class StateTypeTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The merge of byte forms, through the type only. */
  private static byte[] mergeAll(StateType<?> type, List<byte[]> parts) {
    byte[] acc = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      acc = type.mergeBytes(acc, parts.get(i));
    }
    return acc;
  }

  @Test
  void funnelPartsMergedThroughTheTypeAreTheWhole() throws Exception {
    Dataset d = new RandomCrm(11, 60).dataset(ZONE, 0);
    FunnelQuery q = FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL);
    FunnelState[] parts = {FunnelState.empty(d.catalog(), ZONE, q),
        FunnelState.empty(d.catalog(), ZONE, q), FunnelState.empty(d.catalog(), ZONE, q)};
    List<Lead> leads = d.leads();
    for (int i = 0; i < leads.size(); i++) {
      parts[i % 3].add(LeadReach.of(d, leads.get(i)));
    }
    StateType<FunnelState> type = roundTrip(FunnelState.TYPE);
    byte[] merged = mergeAll(type, List.of(parts[0].toBytes(), parts[1].toBytes(), parts[2].toBytes()));
    assertEquals(StageFunnel.compute(d, q), type.fromBytes(merged).result());
    Object a = type.fromBytes(parts[0].toBytes());
    Object b = type.fromBytes(parts[1].toBytes());
    assertArrayEquals(parts[0].merge(parts[1]).toBytes(), type.toBytes(type.merge(a, b)));
  }

  @Test
  void unitTallyPartsMergedThroughTheTypeAreTheWhole() throws Exception {
    UnitEconomicsState whole = UnitEconomicsState.empty();
    UnitEconomicsState x = UnitEconomicsState.empty();
    UnitEconomicsState y = UnitEconomicsState.empty();
    for (int i = 0; i < 40; i++) {
      BigDecimal amount = BigDecimal.valueOf(i * 37 % 101, 2);
      String channel = "ch" + (i % 4);
      whole.addSpend(channel, null, amount).addLead(channel, "c" + (i % 3));
      (i % 2 == 0 ? x : y).addSpend(channel, null, amount).addLead(channel, "c" + (i % 3));
    }
    StateType<UnitEconomicsState> type = roundTrip(UnitEconomicsState.TYPE);
    assertArrayEquals(whole.toBytes(), type.mergeBytes(x.toBytes(), y.toBytes()));
    assertEquals("unit-economics-state", type.name());
    MergeableState<UnitEconomicsState> s = type.fromBytes(whole.toBytes());
    assertArrayEquals(whole.toBytes(), s.toBytes());
    assertThrows(ClassCastException.class, () -> type.merge(x, "not a state"));
    assertThrows(IllegalArgumentException.class, () -> type.fromBytes(new byte[] {99}));
  }

  @SuppressWarnings("unchecked")
  private static <S extends MergeableState<S>> StateType<S> roundTrip(StateType<S> t) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(t);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      return (StateType<S>) in.readObject();
    }
  }
}
