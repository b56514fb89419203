package dev.funnel.io.chart;

import java.util.List;

/**
 * The groups of one predictor on a calibration diagram, e.g. a model's deciles.
 *
 * @param name   the predictor, e.g. {@code "model"} or {@code "points rules"}
 * @param points its groups, in order of the prediction
 */
public record CalibrationSeries(String name, List<CalibrationPoint> points) {

  /** @throws IllegalArgumentException when the name, the list or one of its entries is null */
  public CalibrationSeries {
    Inputs.required(name, "calibration series name");
    points = Inputs.list(points, "calibration points");
  }
}
