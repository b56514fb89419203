package dev.funnel.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One lead's touches that lead up to its conversion (or to nothing: a null journey).
 *
 * <p>Conventions (docs/spec/cli.md, attribution): the touches are those at or before the conversion
 * time and inside the lookback window, in time order; for a journey that did not convert,
 * {@code conversionAt} is null and {@code value} is zero.
 *
 * @param leadId       the lead
 * @param touches      touches in time order
 * @param conversionAt when the lead converted, or null
 * @param value        conversion value (zero when not converted)
 */
public record Journey(String leadId, List<Touch> touches, Instant conversionAt, BigDecimal value) {

  public Journey {
    leadId = Checks.id(leadId, "journey lead id");
    touches = List.copyOf(touches);
    for (int i = 1; i < touches.size(); i++) {
      if (touches.get(i).at().isBefore(touches.get(i - 1).at())) {
        throw new IllegalArgumentException("journey touches must be in time order: " + leadId);
      }
    }
    value = value == null ? BigDecimal.ZERO : value;
    if (conversionAt == null && value.signum() != 0) {
      throw new IllegalArgumentException("a journey that did not convert has no value: " + leadId);
    }
  }

  /** Whether the journey ended in a conversion. */
  public boolean converted() {
    return conversionAt != null;
  }

  /** Channels of the touches, in time order. */
  public List<String> channels() {
    return touches.stream().map(Touch::channel).toList();
  }
}
