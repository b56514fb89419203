package dev.funnel.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session the test classes share (starting one costs seconds): two cores,
 * four shuffle partitions, no UI. Stopped when the test JVM exits, or by a test of the job,
 * which stops only sessions it started itself; then the next class starts a new one.
 */
final class SparkSessions {
  private SparkSessions() {}

  private static SparkSession session;

  static synchronized SparkSession local() {
    if (session == null || session.sparkContext().isStopped()) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("funnel-spark-test")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      SparkSession started = session;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
    }
    return session;
  }
}
