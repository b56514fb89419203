package dev.funnel.core.bridge;

/**
 * The additive contribution of one factor within one segment; summed over segments it gives the
 * factor's effect. Read across segments it shows where a factor acted (e.g. which channel carried
 * a change of source mix).
 *
 * @param segment the segment name ({@code ""} for the unnamed single segment)
 * @param factor  the factor name
 * @param effect  the additive contribution
 */
public record SegmentEffect(String segment, String factor, double effect) {}
