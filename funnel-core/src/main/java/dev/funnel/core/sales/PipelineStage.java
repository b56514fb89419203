package dev.funnel.core.sales;

import java.math.BigDecimal;

/**
 * The open deals currently in one stage.
 *
 * @param stage          the stage
 * @param deals          open deals whose latest stage change is this stage
 * @param value          exact sum of their latest known amounts
 * @param winProbability historical won / (won + lost) of closed leads that reached this stage
 * @param weighted       value times winProbability
 */
public record PipelineStage(
    String stage, long deals, BigDecimal value, double winProbability, double weighted) {}
