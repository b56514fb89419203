package dev.funnel.spark;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session of a test class: two cores, four shuffle partitions, no UI. */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession local() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("funnel-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
