package org.reprolab.runtime.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.reprolab.runtime.RunRecord;

/** run.json reading and writing. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static void write(Path file, RunRecord record) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(record));
    }

    static RunRecord read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), RunRecord.class);
    }
}
