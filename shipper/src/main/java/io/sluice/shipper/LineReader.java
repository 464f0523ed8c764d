package io.sluice.shipper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the complete lines of a file from an offset, at most {@code maxBytes} at a time; a partial last line
 * waits. A line over {@code maxLineBytes} is cut there and marked truncated, never silently.
 */
final class LineReader {

    private LineReader() {
    }

    static List<MultilineJoiner.Line> read(Path file, long from, int maxBytes, int maxLineBytes) throws IOException {
        List<MultilineJoiner.Line> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(maxBytes);
            int read = channel.read(buffer, from);
            if (read <= 0) {
                return lines;
            }
            byte[] bytes = buffer.array();
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                    int length = Math.min(end - start, maxLineBytes);
                    lines.add(new MultilineJoiner.Line(from + start, from + i + 1, Arrays.copyOfRange(bytes, start, start + length),
                            length < end - start));
                    start = i + 1;
                }
            }
            if (start == 0 && read == maxBytes) {
                // one line longer than the whole buffer: its start (up to the line limit) is the event, the rest is skipped
                byte[] head = Arrays.copyOf(bytes, Math.min(read, maxLineBytes));
                long end = endOfLine(channel, from + read, buffer);
                if (end >= 0) {
                    lines.add(new MultilineJoiner.Line(from, end + 1, head, true));
                }
            }
        }
        return lines;
    }

    /** Where the line running through {@code from} ends (its newline), or -1 while it is not complete yet. */
    private static long endOfLine(FileChannel channel, long from, ByteBuffer buffer) throws IOException {
        for (long position = from; ; ) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return -1;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return position + i;
                }
            }
            position += read;
        }
    }
}
