package dev.funnel.cohort.ltv;

import org.junit.jupiter.api.Test;

class ScratchProbeTest {
  @Test
  void probe() throws Exception {
    RfmSummary s = DemoRfm.summary(10000);
    Triples d = Triples.of(s);
    ParetoNbdLikelihood l = new ParetoNbdLikelihood(d);
    double[][] pts = {{Math.log(804800), Math.log(4846656), Math.log(0.0425), Math.log(0.0003)},
        {Math.log(10), Math.log(60), Math.log(0.05), Math.log(1e-10)}, {0, Math.log(10), 0, Math.log(10)}};
    for (double[] p : pts) {
      double[] g = new double[4];
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) l.value(p, g);
      long t1 = System.nanoTime();
      for (int i = 0; i < 20; i++) l.value(p, null);
      long t2 = System.nanoTime();
      System.out.println("grad " + (t1 - t0) / 20e6 + " ms, value " + (t2 - t1) / 20e6 + " ms");
    }
    final int[] n = {0, 0};
    NewtonAscent.Objective c = new NewtonAscent.Objective() {
      public double value(double[] x, double[] gr) { n[gr == null ? 0 : 1]++; return l.value(x, gr); }
    };
    long t0 = System.nanoTime();
    NewtonAscent.Result r = NewtonAscent.maximise(c, new double[] {0, Math.log(10), 0, Math.log(30)}, 40, x -> false);
    System.out.println("newton " + (System.nanoTime() - t0) / 1e6 + " ms, evals " + n[0] + " / " + n[1] + " it " + r.iterations() + " " + java.util.Arrays.toString(r.x()) + " " + r.value());
  }
}
