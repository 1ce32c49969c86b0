import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Steady-state extraction CPU of several builds side by side: each runnable jar in its own class loader in one JVM;
 * after the warm-up rounds, every page of the sets is extracted by every jar in turn (the first jar rotating page by
 * page), and each extraction's thread CPU time and allocation are summed per jar and round, so the machine's drift
 * falls on all jars alike. Copies of one jar differ by a few hundredths of a millisecond a page (each class loader's
 * code is compiled on its own): give each build twice and compare the means of the copies.
 *
 * <p>Usage: {@code java -Xmx5g extract/tools/ExtractionCpuAb.java WARMUP_ROUNDS ROUNDS JAR... -- SET_DIR...}
 */
public class ExtractionCpuAb {
    public static void main(String[] args) throws Throwable {
        int warm = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> jars = new ArrayList<>();
        int i = 2;
        for (; !args[i].equals("--"); i++) {
            jars.add(args[i]);
        }
        List<Path> dirs = new ArrayList<>();
        for (i++; i < args.length; i++) {
            dirs.add(Path.of(args[i]));
        }
        int v = jars.size();
        MethodHandle[] extract = new MethodHandle[v];
        List<byte[]> bytes = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int j = 0; j < v; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(jars.get(j)).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> ex = cl.loadClass("io.newsflow.extract.Extractor");
            Object inst = ex.getConstructor().newInstance();
            extract[j] = MethodHandles.publicLookup().findVirtual(ex, "extract",
                    MethodType.methodType(cl.loadClass("io.newsflow.common.model.Article"), byte[].class,
                            String.class, String.class)).bindTo(inst)
                    .asType(MethodType.methodType(Object.class, byte[].class, String.class, String.class));
            if (j == 0) {
                Class<?> bench = cl.loadClass("io.newsflow.extract.bench.ExtractionBench");
                Method load = bench.getDeclaredMethod("load", Path.class, Path.class);
                load.setAccessible(true);
                Class<?> page = cl.loadClass("io.newsflow.extract.bench.ExtractionBench$Page");
                Method b = page.getDeclaredMethod("bytes");
                Method u = page.getDeclaredMethod("url");
                b.setAccessible(true);
                u.setAccessible(true);
                for (Path d : dirs) {
                    for (Object p : (List<?>) load.invoke(null, d.resolve("gold.jsonl"), d.resolve("pages"))) {
                        bytes.add((byte[]) b.invoke(p));
                        urls.add((String) u.invoke(p));
                    }
                }
            }
        }
        int n = bytes.size();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        System.out.printf(Locale.ROOT, "%d pages, %d jars, %d warm-up rounds each, %d counted%n", n, v, warm, rounds);
        for (int r = 0; r < warm; r++) {
            for (int j = 0; j < v; j++) {
                run(extract[j], bytes, urls);
            }
        }
        double[][] cpu = new double[v][rounds];
        double[][] alloc = new double[v][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + r + ":");
            long[] c = new long[v];
            long[] a = new long[v];
            for (int p = 0; p < n; p++) {
                for (int k = 0; k < v; k++) {
                    int j = (k + p + r) % v; // per page, each variant in turn first: slow drifts cancel
                    long a0 = mx.getThreadAllocatedBytes(tid);
                    long c0 = mx.getCurrentThreadCpuTime();
                    one(extract[j], bytes.get(p), urls.get(p));
                    c[j] += mx.getCurrentThreadCpuTime() - c0;
                    a[j] += mx.getThreadAllocatedBytes(tid) - a0;
                }
            }
            for (int j = 0; j < v; j++) {
                cpu[j][r] = c[j] / 1e6 / n;
                alloc[j][r] = a[j] / 1024.0 / n;
            }
            for (int j = 0; j < v; j++) {
                line.append(String.format(Locale.ROOT, "  %c %.3f ms %.0f KB", 'A' + j, cpu[j][r], alloc[j][r]));
            }
            System.out.println(line);
        }
        for (int j = 0; j < v; j++) {
            System.out.printf(Locale.ROOT, "%c %s: cpu ms/page median %.3f (min %.3f max %.3f), alloc KB/page median %.0f%n",
                    'A' + j, jars.get(j), median(cpu[j]), min(cpu[j]), max(cpu[j]), median(alloc[j]));
        }
        for (int j = 1; j < v; j++) {
            double[] d = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                d[r] = cpu[j][r] - cpu[0][r];
            }
            System.out.printf(Locale.ROOT, "%c - A per round: median %+.3f ms/page (min %+.3f max %+.3f) %s%n",
                    'A' + j, median(d), min(d), max(d), fmt(d));
        }
    }

    static int sink;

    static void run(MethodHandle extract, List<byte[]> bytes, List<String> urls) throws Throwable {
        for (int p = 0; p < bytes.size(); p++) {
            try {
                Object a = extract.invokeExact(bytes.get(p), urls.get(p), (String) null);
                sink += a == null ? 0 : 1;
            } catch (Exception e) {
                sink++;
            }
        }
    }

    static void one(MethodHandle extract, byte[] b, String u) throws Throwable {
        try {
            Object a = extract.invokeExact(b, u, (String) null);
            sink += a == null ? 0 : 1;
        } catch (Exception e) {
            sink++;
        }
    }

    static String fmt(double[] d) {
        StringBuilder s = new StringBuilder("[");
        for (double x : d) {
            s.append(String.format(Locale.ROOT, " %+.3f", x));
        }
        return s.append(" ]").toString();
    }

    static double median(double[] d) {
        double[] c = d.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static double min(double[] d) {
        return Arrays.stream(d).min().orElse(0);
    }

    static double max(double[] d) {
        return Arrays.stream(d).max().orElse(0);
    }
}
