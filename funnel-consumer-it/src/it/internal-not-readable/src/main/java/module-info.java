module example.peek {
  requires dev.funnel.core;
}
