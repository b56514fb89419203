package dev.funnel.spark;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.io.Rows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * Rows of any table in one shape, so tables can be grouped together: {@code key} (the lead or
 * customer id of the decoded record, exactly as the single-JVM dataset indexes it), {@code table}
 * (the {@link DatasetTable} ordinal) and {@code cells} (the row's text cells in header order).
 */
final class LongForm {
  private LongForm() {}

  static final StructType SCHEMA = new StructType()
      .add("key", DataTypes.StringType, true)
      .add("table", DataTypes.IntegerType, false)
      .add("cells", DataTypes.createArrayType(DataTypes.StringType, true), false);

  static final Encoder<Row> ENCODER = Encoders.row(SCHEMA);

  /** What a row is grouped by. */
  enum Key {
    LEAD,
    CUSTOMER,
    NONE
  }

  static DatasetTable table(Row r) {
    return DatasetTable.values()[r.getInt(1)];
  }

  static String[] cells(Row r) {
    List<String> l = r.getList(2);
    return l.toArray(new String[0]);
  }

  /** The table as long-form rows keyed by lead or customer; every cell cast to text. */
  static Dataset<Row> of(Dataset<Row> table, DatasetTable t, Setup setup, Key key) {
    String[] names = table.columns();
    Column[] cols = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      cols[i] = functions.col("`" + names[i].replace("`", "``") + "`").cast(DataTypes.StringType);
    }
    Dataset<Row> cells = table.select(functions.array(cols).as("cells"));
    return cells.mapPartitions(new Keying(setup, t, key), ENCODER);
  }

  /** Decodes each row once to find its key (and to fail early, with funnel-io's message). */
  static final class Keying implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Setup setup;
    private final DatasetTable table;
    private final Key key;

    Keying(Setup setup, DatasetTable table, Key key) {
      this.setup = setup.copy();
      this.table = table;
      this.key = key;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return in.hasNext();
        }

        @Override
        public Row next() {
          List<String> l = in.next().getList(0);
          // an immutable Scala sequence: the external type of an array column of a Row
          ArraySeq<String> cells = ArraySeq.unsafeWrapArray(l.toArray(new String[0]));
          Row r = RowFactory.create(null, table.ordinal(), cells);
          return RowFactory.create(keyOf(r), table.ordinal(), cells);
        }
      };
    }

    private String keyOf(Row r) {
      switch (table) {
        case LEADS: {
          Lead l = setup.decode(Rows.LEADS, r);
          return key == Key.CUSTOMER ? l.customerId() : l.id();
        }
        case STAGES: {
          StageChange s = setup.decode(Rows.STAGES, r);
          return s.leadId();
        }
        case TOUCHES: {
          Touch t = setup.decode(Rows.TOUCHES, r);
          return t.leadId();
        }
        case PAYMENTS: {
          Payment p = setup.decode(Rows.PAYMENTS, r);
          return p.customerId();
        }
        default:
          setup.decode(Rows.of(table), r);
          return null;
      }
    }
  }

  static List<String> header(Dataset<Row> table) {
    return new ArrayList<>(List.of(table.columns()));
  }
}
