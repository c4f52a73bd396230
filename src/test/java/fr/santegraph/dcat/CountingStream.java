package fr.santegraph.dcat;

import java.io.OutputStream;

/** Where a harvester's socket would be, for the benchmarks: counts the bytes written, keeps none. */
final class CountingStream extends OutputStream {

    long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }
}
