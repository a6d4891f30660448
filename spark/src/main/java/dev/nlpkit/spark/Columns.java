package dev.nlpkit.spark;

import java.util.Arrays;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks shared by the stages: the messages name the stage, the parameter and the column. */
final class Columns {

    private Columns() {
    }

    /** Fails unless {@code schema} has a string column {@code column} (the value of parameter {@code param}). */
    static void requireString(StructType schema, String column, String param, String stage) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(stage + ": input column '" + column + "' (" + param
                    + ") does not exist; the columns are " + Arrays.toString(schema.fieldNames()));
        }
        StructField field = schema.apply(column);
        if (!field.dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(stage + ": input column '" + column + "' (" + param
                    + ") must be of type string, but is " + field.dataType().simpleString());
        }
    }

    /** Fails when {@code schema} already has the output column {@code column} (a result is never overwritten). */
    static void requireAbsent(StructType schema, String column, String param, String stage) {
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(stage + ": output column '" + column + "' (" + param
                    + ") already exists; choose another name");
        }
    }
}
