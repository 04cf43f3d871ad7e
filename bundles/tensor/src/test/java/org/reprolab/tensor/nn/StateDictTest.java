package org.reprolab.tensor.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

class StateDictTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("z.weight", Tensor.of(new float[] {1.5f, Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.intBitsToFloat(0x7fc00123), 3e38f}, 2, 4));
        m.put("a.bias", Tensor.of(new double[] {-0.0, Double.NaN, Math.PI, Double.MIN_VALUE}, 4));
        m.put("scalar", Tensor.of(new double[] {42.0}));
        m.put("labels", Tensor.ofInts(new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 2));
        m.put("mask", Tensor.ofInts(new int[] {1, 0, 0, 1, 1}, 5).to(DType.BOOL));
        m.put("empty", Tensor.zeros(0, 3));
        return m;
    }

    @Test
    void roundTripIsBitExactAndKeepsFileOrder() throws IOException {
        Path f = dir.resolve("state.safetensors");
        Map<String, Tensor> saved = sample();
        StateDict.save(saved, Map.of("epoch", "3", "note", "quote \" and\nnewline"), f);
        Map<String, Tensor> loaded = StateDict.load(f);
        assertEquals(List.copyOf(saved.keySet()), List.copyOf(loaded.keySet()));
        for (var e : saved.entrySet()) {
            Tensor a = e.getValue();
            Tensor b = loaded.get(e.getKey());
            assertEquals(a.dtype(), b.dtype(), e.getKey());
            assertArrayEquals(a.shape(), b.shape(), e.getKey());
            switch (a.dtype()) {
                case FLOAT32 -> assertArrayEquals(bits(a.toFloatArray()), bits(b.toFloatArray()), e.getKey());
                case FLOAT64 -> assertArrayEquals(bits(a.toDoubleArray()), bits(b.toDoubleArray()), e.getKey());
                default -> assertArrayEquals(a.toIntArray(), b.toIntArray(), e.getKey());
            }
        }
        assertEquals(Map.of("epoch", "3", "note", "quote \" and\nnewline"), StateDict.metadata(f));
        // the data section starts 8-byte aligned
        long n = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + n) % 8);
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void headerIsTheDocumentedLayout() throws IOException {
        Path f = dir.resolve("two.safetensors");
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        m.put("i", Tensor.ofInts(new int[] {7}, 1));
        StateDict.save(m, f);
        byte[] bytes = Files.readAllBytes(f);
        int n = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, n, StandardCharsets.UTF_8);
        assertEquals("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"i\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[24,28]}}", header.strip());
        assertEquals(8 + n + 28, bytes.length);
        assertEquals(1.0f, ByteBuffer.wrap(bytes, 8 + n, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
    }

    @Test
    void moduleStateRoundTripsThroughAFile() throws IOException {
        Path f = dir.resolve("model.safetensors");
        Affine saved = new Affine(new Generator(1));
        StateDict.save(saved, f);
        Affine restored = new Affine(new Generator(2));
        StateDict.load(restored, f);
        for (var e : saved.stateDict().entrySet()) {
            assertArrayEquals(e.getValue().toFloatArray(), restored.stateDict().get(e.getKey()).toFloatArray(), 0);
        }
        assertTrue(restored.weight.requiresGrad());
    }

    /** A minimal module: a 3→2 affine map with a step-count buffer. */
    private static final class Affine extends Module {
        final Tensor weight;

        Affine(Generator gen) {
            weight = parameter("weight", gen.normal(0, 1, 2, 3));
            parameter("bias", gen.normal(0, 1, 2));
            buffer("steps", Tensor.ofInts(new int[] {5}, 1));
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.matmul(weight.t());
        }
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaries() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        StateDict.save(Map.of("a", Tensor.ones(3)), f);
        StateDict.save(Map.of("b", Tensor.ones(2)), f);
        assertEquals(List.of("b"), List.copyOf(StateDict.load(f).keySet()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    // ---- corrupt files -------------------------------------------------------------------------------------

    private Path good() throws IOException {
        Path f = dir.resolve("good.safetensors");
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Tensor.of(new float[] {1, 2, 3, 4}, 4));
        m.put("b", Tensor.of(new float[] {5, 6}, 2));
        StateDict.save(m, f);
        return f;
    }

    private String loadError(byte[] bytes) throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, bytes);
        IOException e = assertThrows(IOException.class, () -> StateDict.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    private static byte[] withHeader(String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    @Test
    void corruptFilesAreRefusedWithTheFileNamed() throws IOException {
        byte[] ok = Files.readAllBytes(good());
        assertTrue(loadError(Arrays.copyOf(ok, 5)).contains("truncated"));
        assertTrue(loadError(Arrays.copyOf(ok, 20)).contains("truncated"));
        assertTrue(loadError(Arrays.copyOf(ok, ok.length - 3)).contains("truncated"));
        assertTrue(loadError(Arrays.copyOf(ok, ok.length + 4)).contains("unexpected bytes"));
        byte[] huge = ok.clone();
        huge[7] = 0x7f;
        assertTrue(loadError(huge).contains("implausible"));
        byte[] garbled = ok.clone();
        garbled[9] = '[';
        assertTrue(loadError(garbled).contains("not valid JSON"));
        assertTrue(loadError(withHeader("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4))
                .contains("F16"));
        assertTrue(loadError(withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4))
                .contains("needs 8"));
        assertTrue(loadError(withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8))
                .contains("gaps"));
        assertTrue(loadError(withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)).contains("twice"));
        assertTrue(loadError(withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4))
                .contains("integer"));
        byte[] badBool = withHeader("{\"w\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1);
        badBool[badBool.length - 1] = 7;
        assertTrue(loadError(badBool).contains("BOOL"));
        assertTrue(loadError(withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],"
                + "\"extra\":1}}", 4)).contains("extra"));
    }
}
