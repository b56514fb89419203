package dev.funnel.core.bridge;

/**
 * What the LMDI methods do where logarithmic weights do not exist: a factor that changes sign
 * between base and current, a negative value, or (LMDI-II) a zero total that leaves the shares
 * undefined.
 */
public enum SignChangePolicy {
  /**
   * Use the Shapley decomposition instead (exact for any signs); the result says {@code
   * fallback = true} and why.
   */
  FALL_BACK_TO_SHAPLEY,
  /** Refuse with an IllegalArgumentException that names the segment and factor. */
  FAIL
}
