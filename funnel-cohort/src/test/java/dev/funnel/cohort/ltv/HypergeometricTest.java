package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The 2F1 series against closed forms (Abramowitz and Stegun 15.1.3, 15.1.8). */
class HypergeometricTest {

  @Test
  void logarithmClosedForm() {
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    for (double z : new double[] {1e-6, 0.1, 0.5, 0.9, 0.99, 0.999}) {
      double expected = Math.log(-Math.log1p(-z) / z);
      assertEquals(expected, Hypergeometric.log2F1(1, 1, 2, z), 1e-12, "z = " + z);
    }
  }

  @Test
  void binomialClosedForm() {
    // 2F1(a, b; b; z) = (1 - z)^-a, including huge values (a large) that overflow a plain sum
    for (double a : new double[] {0.3, 2.5, 40, 900}) {
      for (double z : new double[] {0.2, 0.7, 0.95}) {
        double expected = -a * Math.log1p(-z);
        assertEquals(expected, Hypergeometric.log2F1(a, 1.7, 1.7, z), 1e-10 * (1 + expected));
      }
    }
  }

  @Test
  void hugeSecondAndThirdParametersSumInFewTerms() {
    // 2F1(a, b; b; z) = (1 - z)^-a for any b: with b = 1e9 the tail bound that pairs b with the
    // factorial needed about b z terms (more than MAX_TERMS: NaN); pairing b with c needs few
    for (double a : new double[] {0.6, 3.7, 120}) {
      double expected = -a * Math.log1p(-0.9);
      assertEquals(expected, Hypergeometric.log2F1(a, 1e9, 1e9, 0.9), 1e-10 * expected);
    }
    // near the BG/NBD ridge (a, b -> infinity, a/(a+b) = p): 2F1(R, b; a+b-1; z) tends to
    // (1 - (1-p) z)^-R, with a relative error of order R^2 / (a + b)
    double p = 0.18;
    for (double ab : new double[] {1e8, 1e10}) {
      double aa = p * ab;
      double bb = ab - aa;
      for (double z : new double[] {0.3, 0.97}) {
        double limit = -4.6 * Math.log1p(-(1 - p) * z);
        assertEquals(limit, Hypergeometric.log2F1(4.6, bb, aa + bb - 1, z), 1e-6);
      }
    }
  }

  @Test
  void zeroArgumentAndBadInput() {
    assertEquals(0.0, Hypergeometric.log2F1(2, 3, 4, 0));
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.log2F1(1, 1, 2, 1.0));
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.log2F1(1, 1, -2, 0.5));
  }
}
