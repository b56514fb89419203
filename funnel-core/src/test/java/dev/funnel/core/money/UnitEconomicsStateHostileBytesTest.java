package dev.funnel.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Forged and extreme {@link UnitEconomicsState} byte forms (issue 15, item 5): a scale of 16,777,216 once
 * passed {@code fromBytes} and made the next merge take seconds; counts wrapped around on merge.
 */
class UnitEconomicsStateHostileBytesTest {

  /** One key, {@code seo} without campaign, with the spend's scale as given. */
  static byte[] forged(int spendScale, long leads) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    o.writeByte(UnitEconomicsState.VERSION);
    o.writeInt(1);
    byte[] seo = "seo".getBytes(StandardCharsets.UTF_8);
    o.writeInt(seo.length);
    o.write(seo);
    o.writeByte(0); // no campaign
    o.writeInt(spendScale); // spend: scale, 1 byte of digits
    o.writeInt(1);
    o.writeByte(7);
    o.writeLong(1); // one spend row
    o.writeLong(leads);
    o.writeLong(0);
    for (int i = 0; i < 2; i++) { // revenue, marketing revenue: 0
      o.writeInt(0);
      o.writeInt(1);
      o.writeByte(0);
    }
    return b.toByteArray();
  }

  @Test
  void aForgedScaleIsRefusedOnRead() throws IOException {
    assertEquals(new BigDecimal("0.07"), UnitEconomicsState.fromBytes(forged(2, 1)).result("USD", null, "w")
        .total().spend());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UnitEconomicsState.fromBytes(forged(16_777_216, 1)));
    assertEquals("unit-economics state bytes are malformed: spend has scale 16777216, beyond the limit of 1000",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UnitEconomicsState.fromBytes(forged(-16_777_216, 1)));
  }

  @Test
  void mergeAndResultRefuseToWrapACount() throws IOException {
    UnitEconomicsState max = UnitEconomicsState.fromBytes(forged(2, Long.MAX_VALUE));
    UnitEconomicsState one = UnitEconomicsState.empty().addLead("seo", null);
    assertThrows(ArithmeticException.class, () -> max.merge(one));
    UnitEconomicsState other = UnitEconomicsState.empty().addLeads("other", null, Long.MAX_VALUE);
    UnitEconomicsState both = max.merge(other); // different keys: no sum yet
    assertThrows(ArithmeticException.class, () -> both.result("USD", null, "w")); // the total
  }

  @Test
  void keysMustBeInTheirOrder() throws IOException {
    byte[] a = UnitEconomicsState.empty().addLead("b", null).addLead("a", "x").toBytes();
    assertEquals(UnitEconomicsState.empty().addLead("b", null).addLead("a", "x"), UnitEconomicsState.fromBytes(a));
    // swap the two keys: a/x (1 + 4 + 1 + 1 + 4 + 1 + 9 + 8 + 16 + 18 bytes) after b
    int first = 5;
    int lengthA = 4 + 1 + 1 + 4 + 1 + 9 + 8 + 16 + 18;
    int lengthB = 4 + 1 + 1 + 9 + 8 + 16 + 18;
    byte[] swapped = a.clone();
    System.arraycopy(a, first + lengthA, swapped, first, lengthB);
    System.arraycopy(a, first, swapped, first + lengthB, lengthA);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnitEconomicsState.fromBytes(swapped));
    assertEquals("unit-economics state bytes are malformed: key a / x is out of order or repeated", e.getMessage());
  }

  @Test
  void theWriterRefusesASumItCouldNotReadBack() {
    UnitEconomicsState t = UnitEconomicsState.empty().addSpend("seo", null, new BigDecimal("1E-1001"));
    assertThrows(IllegalArgumentException.class, t::toBytes);
  }
}
