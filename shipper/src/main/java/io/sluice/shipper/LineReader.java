package io.sluice.shipper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads the complete lines of a file from an offset, at most {@code maxBytes} at a time; a partial last line waits. */
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
                    lines.add(new MultilineJoiner.Line(from + start, from + i + 1,
                            new String(bytes, start, length, StandardCharsets.UTF_8)));
                    start = i + 1;
                }
            }
            if (start == 0 && read == maxBytes) {
                // one line longer than the whole buffer: ship its first part rather than stall forever
                lines.add(new MultilineJoiner.Line(from, from + read, new String(bytes, 0, Math.min(read, maxLineBytes),
                        StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }
}
