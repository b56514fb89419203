package dev.funnel.cohort.ltv;

/**
 * How a maximum likelihood fit ended, reported as it happened.
 *
 * @param converged  true only when the Newton decrement (the predicted remaining gain in
 *                   log-likelihood) fell below {@code 1e-13 * (1 + |logL|)} at a point where the
 *                   Hessian is negative definite, or below {@code 1e-10 * (1 + |logL|)} when
 *                   rounding leaves no step that still increases the log-likelihood
 * @param iterations Newton iterations of the reported run
 * @param starts     starting points tried (they are tried in order until one converges)
 * @param decrement  the final Newton decrement (NaN when the Hessian was not negative definite)
 * @param method     {@code "newton"}, or {@code "bobyqa+newton"} when the derivative-free
 *                   Hipparchus BOBYQA fallback was needed
 */
public record Convergence(
    boolean converged, int iterations, int starts, double decrement, String method) {}
