// JShell start-up for funnel: jshell --class-path funnel-cli/target/funnel.jar funnel.jsh
import java.time.*;
import java.math.BigDecimal;
import dev.funnel.core.*;
import dev.funnel.core.display.*;
import dev.funnel.core.quality.*;
