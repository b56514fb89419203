module example.embed {
  requires dev.funnel.io;
  requires dev.funnel.attribution;
  requires dev.funnel.cohort;
}
