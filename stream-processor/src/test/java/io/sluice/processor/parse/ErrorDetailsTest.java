package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorDetailsTest {

    private static String javaTrace(String message, int line, String topMethod) {
        return "payment failed: " + message + "\n"
                + "java.lang.IllegalStateException: " + message + "\n"
                + "\tat com.example.pay.Gateway." + topMethod + "(Gateway.java:" + line + ")\n"
                + "\tat com.example.pay.PaymentService.pay(PaymentService.java:" + (line + 10) + ")\n"
                + "\tat com.example.web.CheckoutController.checkout(CheckoutController.java:88)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
                + "Caused by: java.net.SocketTimeoutException: Read timed out\n";
    }

    @Test
    void shouldFindTheJavaExceptionAndFingerprintItWithoutLineNumbersOrMessage() {
        ErrorDetails.Found first = ErrorDetails.of(javaTrace("order 1", 41, "authorize"), null).orElseThrow();
        ErrorDetails.Found again = ErrorDetails.of(javaTrace("order 2", 57, "authorize"), null).orElseThrow();
        ErrorDetails.Found elsewhere = ErrorDetails.of(javaTrace("order 1", 41, "capture"), null).orElseThrow();

        assertThat(first.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(first.message()).isEqualTo("order 1");
        assertThat(first.fingerprint()).hasSize(16).isEqualTo(again.fingerprint()).isNotEqualTo(elsewhere.fingerprint());
    }

    @Test
    void shouldFindThePythonExceptionOnItsLastLine() {
        String trace = "request failed\nTraceback (most recent call last):\n"
                + "  File \"/app/server.py\", line 10, in handle\n    process(request)\n"
                + "  File \"/app/orders.py\", line 22, in process\n    raise ValueError(\"bad input\")\n"
                + "ValueError: bad input";

        ErrorDetails.Found found = ErrorDetails.of(trace, null).orElseThrow();

        assertThat(found.type()).isEqualTo("ValueError");
        assertThat(found.message()).isEqualTo("bad input");
        assertThat(found.fingerprint()).isEqualTo(ErrorDetails.of(trace.replace("line 22", "line 23"), null)
                .orElseThrow().fingerprint());
    }

    @Test
    void shouldPreferAStackTraceFieldAndIgnorePlainLines() {
        assertThat(ErrorDetails.of("boom", "java.io.IOException: reset\n\tat a.B.c(B.java:1)")).hasValueSatisfying(
                found -> assertThat(found.type()).isEqualTo("java.io.IOException"));
        assertThat(ErrorDetails.of("user said an Error happened", null)).isEmpty();
        assertThat(ErrorDetails.of("two\nplain lines", null)).isEmpty();
    }
}
