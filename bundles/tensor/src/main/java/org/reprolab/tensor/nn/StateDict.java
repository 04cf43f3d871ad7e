package org.reprolab.tensor.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/**
 * Saves and loads named tensors (a module's {@link Module#stateDict()}, an optimizer's state) in the
 * safetensors format, so files open in Python with {@code safetensors.numpy.load_file} /
 * {@code safetensors.torch.load_file}.
 *
 * <h2>Layout</h2>
 * <ol>
 * <li>8 bytes: N, the header's length in bytes, an unsigned 64-bit little-endian integer.</li>
 * <li>N bytes: a UTF-8 JSON object. Each tensor is a key mapping to
 * {@code {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}}; offsets are in bytes from the
 * start of the data section, end exclusive. An optional {@code "__metadata__"} key maps to an object of
 * string values. The writer pads the header with trailing spaces so the data section starts at a multiple
 * of 8 bytes.</li>
 * <li>The data section: each tensor's elements in row-major order, little-endian, packed back to back with
 * no gaps, in header order.</li>
 * </ol>
 * Element types: FLOAT32 ↔ {@code F32} (4 bytes), FLOAT64 ↔ {@code F64} (8), INT32 ↔ {@code I32} (4), BOOL ↔
 * safetensors' {@code BOOL} (1 byte, 0 or 1). Floats are copied as raw bits, so NaN payloads, ±∞ and −0.0
 * survive a round trip exactly.
 *
 * <p>The reader is strict: it refuses other dtypes, unknown fields, overlapping or gapped offsets, trailing
 * bytes and truncated files, with a message that names the file. Saving writes a temporary file beside the
 * target and renames it over the target, so a crash never leaves a half-written checkpoint.
 */
public final class StateDict {
    private static final String METADATA = "__metadata__";
    /** The safetensors library's own limit; a larger header means a corrupt or foreign file. */
    private static final long MAX_HEADER = 100_000_000;
    private static final int CHUNK = 1 << 20;

    private StateDict() {
    }

    public static void save(Map<String, Tensor> tensors, Path path) throws IOException {
        save(tensors, Map.of(), path);
    }

    /** Writes tensors (in the map's order) and string metadata; replaces an existing file atomically. */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path)
            throws IOException {
        StringBuilder header = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            Json.writeString(header, METADATA);
            header.append(":{");
            boolean first = true;
            for (var e : metadata.entrySet()) {
                header.append(first ? "" : ",");
                first = false;
                Json.writeString(header, e.getKey());
                header.append(':');
                Json.writeString(header, e.getValue());
            }
            header.append('}');
        }
        long offset = 0;
        for (var e : tensors.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.equals(METADATA)) {
                throw new IllegalArgumentException("cannot save a tensor named '" + name + "'");
            }
            Tensor t = e.getValue();
            long bytes = (long) t.numel() * elementBytes(t.dtype());
            header.append(header.length() > 1 ? "," : "");
            Json.writeString(header, name);
            header.append(":{\"dtype\":\"").append(fileType(t.dtype())).append("\",\"shape\":[");
            int[] shape = t.shape();
            for (int d = 0; d < shape.length; d++) {
                header.append(d > 0 ? "," : "").append(shape[d]);
            }
            header.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;

        Path target = path.toAbsolutePath();
        // createFile (not createTempFile, which makes owner-only files) so the checkpoint gets the umask's mode
        Path temp = Files.createFile(target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(System.nanoTime() ^ Thread.currentThread().threadId()) + ".tmp"));
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
                head.putLong(padded).put(json);
                while (head.hasRemaining()) {
                    head.put((byte) ' ');
                }
                writeFully(ch, head.flip());
                ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                for (Tensor t : tensors.values()) {
                    writeData(ch, buf, t);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Saves a module's parameters and buffers ({@link Module#stateDict()}). */
    public static void save(Module module, Path path) throws IOException {
        save(module.stateDict(), path);
    }

    /** The tensors of a file, in file order, on the current backend. */
    public static Map<String, Tensor> load(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            Header h = readHeader(path, ch);
            Map<String, Tensor> out = new LinkedHashMap<>();
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (Entry e : h.entries) {
                out.put(e.name, readTensor(path, ch, buf, h.dataStart, e));
            }
            return out;
        }
    }

    /** The file's {@code __metadata__} (empty when it has none). */
    public static Map<String, String> metadata(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return readHeader(path, ch).metadata;
        }
    }

    /** Loads a file into a module: names and shapes must match exactly (see {@link Module#loadStateDict}). */
    public static void load(Module module, Path path) throws IOException {
        Map<String, Tensor> mine = module.stateDict();
        Map<String, Tensor> loaded = load(path);
        Map<String, Tensor> moved = new LinkedHashMap<>();
        loaded.forEach((k, v) -> {
            Tensor target = mine.get(k);
            moved.put(k, target == null ? v : v.to(target.backend()));
        });
        module.loadStateDict(moved);
    }

    // ---- dtypes ----------------------------------------------------------------------------------------------

    private static String fileType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT32 -> "I32";
            case BOOL -> "BOOL";
        };
    }

    private static DType tensorType(String fileType) {
        return switch (fileType) {
            case "F32" -> DType.FLOAT32;
            case "F64" -> DType.FLOAT64;
            case "I32" -> DType.INT32;
            case "BOOL" -> DType.BOOL;
            default -> null;
        };
    }

    private static int elementBytes(DType dtype) {
        return dtype == DType.BOOL ? 1 : dtype.bytes();
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    private static void writeData(FileChannel ch, ByteBuffer buf, Tensor t) throws IOException {
        int n = t.numel();
        int per = elementBytes(t.dtype());
        int perChunk = CHUNK / per;
        float[] f = t.dtype() == DType.FLOAT32 ? t.toFloatArray() : null;
        double[] d = t.dtype() == DType.FLOAT64 ? t.toDoubleArray() : null;
        int[] i = f == null && d == null ? t.toIntArray() : null;
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            buf.clear();
            switch (t.dtype()) {
                case FLOAT32 -> buf.asFloatBuffer().put(f, start, len);
                case FLOAT64 -> buf.asDoubleBuffer().put(d, start, len);
                case INT32 -> buf.asIntBuffer().put(i, start, len);
                case BOOL -> {
                    for (int k = 0; k < len; k++) {
                        buf.put(k, (byte) (i[start + k] != 0 ? 1 : 0));
                    }
                }
            }
            buf.limit(len * per);
            writeFully(ch, buf);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {
    }

    private record Header(List<Entry> entries, Map<String, String> metadata, long dataStart) {
    }

    private static Header readHeader(Path path, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw corrupt(path, "truncated: " + size + " bytes, fewer than the 8-byte header length");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(path, ch, lenBuf, 0);
        long n = lenBuf.flip().getLong();
        if (n < 2 || n > MAX_HEADER) {
            throw corrupt(path, "header length " + Long.toUnsignedString(n) + " is implausible: not a safetensors file,"
                    + " or a corrupt one");
        }
        if (8 + n > size) {
            throw corrupt(path, "truncated: the header needs " + n + " bytes but only " + (size - 8) + " follow");
        }
        ByteBuffer headBuf = ByteBuffer.allocate((int) n);
        readFully(path, ch, headBuf, 8);
        Map<String, Object> json;
        try {
            json = Json.parseObject(StandardCharsets.UTF_8.newDecoder().decode(headBuf.flip()).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw corrupt(path, "the header is not valid UTF-8");
        } catch (IllegalArgumentException e) {
            throw corrupt(path, "the header is not valid JSON " + e.getMessage());
        }
        long dataStart = 8 + n;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (var e : json.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                if (!(e.getValue() instanceof Map<?, ?> m)) {
                    throw corrupt(path, "__metadata__ is not an object");
                }
                for (var me : m.entrySet()) {
                    if (!(me.getValue() instanceof String s)) {
                        throw corrupt(path, "__metadata__ value for '" + me.getKey() + "' is not a string");
                    }
                    metadata.put((String) me.getKey(), s);
                }
            } else {
                entries.add(entry(path, e.getKey(), e.getValue()));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : byOffset) {
            if (e.begin != expected) {
                throw corrupt(path, "tensor '" + e.name + "' starts at data byte " + e.begin + ", expected "
                        + expected + " (tensors must be packed without gaps or overlaps)");
            }
            expected = e.end;
        }
        long dataSize = size - dataStart;
        if (expected > dataSize) {
            throw corrupt(path, "truncated: the header describes " + expected + " bytes of tensor data but the file"
                    + " holds " + dataSize);
        }
        if (expected < dataSize) {
            throw corrupt(path, (dataSize - expected) + " unexpected bytes after the tensor data");
        }
        return new Header(entries, metadata, dataStart);
    }

    private static Entry entry(Path path, String name, Object value) throws IOException {
        String where = "tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> m)) {
            throw corrupt(path, where + " is not described by an object");
        }
        for (Object k : m.keySet()) {
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets")) {
                throw corrupt(path, where + " has an unknown field '" + k + "'");
            }
        }
        if (!(m.get("dtype") instanceof String typeName)) {
            throw corrupt(path, where + " has no dtype string");
        }
        DType dtype = tensorType(typeName);
        if (dtype == null) {
            throw corrupt(path, where + " has dtype " + typeName + ", which this reader does not handle (F32, F64,"
                    + " I32, BOOL)");
        }
        if (!(m.get("shape") instanceof List<?> dims)) {
            throw corrupt(path, where + " has no shape array");
        }
        int[] shape = new int[dims.size()];
        long numel = 1;
        for (int d = 0; d < shape.length; d++) {
            if (!(dims.get(d) instanceof Long v) || v < 0 || v > Integer.MAX_VALUE) {
                throw corrupt(path, where + " has an invalid shape " + dims);
            }
            shape[d] = (int) (long) v;
            numel *= v;
            if (numel > Integer.MAX_VALUE) {
                throw corrupt(path, where + " has shape " + dims + ", too many elements for a tensor");
            }
        }
        if (!(m.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
                || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)
                || begin < 0 || end < begin) {
            throw corrupt(path, where + " has invalid data_offsets " + m.get("data_offsets"));
        }
        if (end - begin != numel * elementBytes(dtype)) {
            throw corrupt(path, where + " spans " + (end - begin) + " bytes but " + typeName + " "
                    + dims + " needs " + numel * elementBytes(dtype));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static Tensor readTensor(Path path, FileChannel ch, ByteBuffer buf, long dataStart, Entry e)
            throws IOException {
        int per = elementBytes(e.dtype);
        int n = (int) ((e.end - e.begin) / per);
        int perChunk = CHUNK / per;
        float[] f = e.dtype == DType.FLOAT32 ? new float[n] : null;
        double[] d = e.dtype == DType.FLOAT64 ? new double[n] : null;
        int[] i = f == null && d == null ? new int[n] : null;
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            buf.clear().limit(len * per);
            readFully(path, ch, buf, dataStart + e.begin + (long) start * per);
            buf.flip();
            switch (e.dtype) {
                case FLOAT32 -> buf.asFloatBuffer().get(f, start, len);
                case FLOAT64 -> buf.asDoubleBuffer().get(d, start, len);
                case INT32 -> buf.asIntBuffer().get(i, start, len);
                case BOOL -> {
                    for (int k = 0; k < len; k++) {
                        byte b = buf.get(k);
                        if (b != 0 && b != 1) {
                            throw corrupt(path, "tensor '" + e.name + "' holds " + b + " in a BOOL element");
                        }
                        i[start + k] = b;
                    }
                }
            }
        }
        return switch (e.dtype) {
            case FLOAT32 -> Tensor.of(f, e.shape);
            case FLOAT64 -> Tensor.of(d, e.shape);
            case INT32 -> Tensor.ofInts(i, e.shape);
            case BOOL -> Tensor.ofInts(i, e.shape).to(DType.BOOL);
        };
    }

    private static void readFully(Path path, FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, at);
            if (r < 0) {
                throw corrupt(path, "truncated: unexpected end of file at byte " + at);
            }
            at += r;
        }
    }

    private static IOException corrupt(Path path, String problem) {
        return new IOException(path + ": " + problem);
    }
}
