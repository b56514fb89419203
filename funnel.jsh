// JShell start-up for funnel, from the repository root:
//   jshell --class-path funnel-cli/target/funnel.jar funnel.jsh
// (./funnel --version builds the jar first when it is missing.)
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import dev.funnel.core.*;
import dev.funnel.core.display.*;
import dev.funnel.core.demo.*;
import dev.funnel.core.quality.*;
import dev.funnel.core.funnel.*;
import dev.funnel.core.money.*;
import dev.funnel.core.sales.*;
import dev.funnel.core.sla.*;
import dev.funnel.core.plan.*;
import dev.funnel.core.bridge.*;
import dev.funnel.core.stats.*;
import dev.funnel.core.live.*;
import dev.funnel.core.columnar.*;
import dev.funnel.io.*;
import dev.funnel.io.chart.*;
import dev.funnel.io.html.*;
import dev.funnel.cli.view.*;
import dev.funnel.attribution.*;
import dev.funnel.cohort.*;
import dev.funnel.cohort.ltv.*;
import dev.funnel.scoring.*;
// a simple name two imported packages share, resolved to the one meant here:
// the column dictionary, not the obsolete java.util.Dictionary JShell imports by default
import dev.funnel.core.columnar.Dictionary;
