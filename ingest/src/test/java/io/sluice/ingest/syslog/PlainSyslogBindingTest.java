package io.sluice.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PlainSyslogBindingTest {

    @Test
    void shouldRefuseToOpenPlainSyslogBeyondLoopbackWhileTokensAreRequired() throws Exception {
        assertThatThrownBy(() -> SyslogServers.refuseOpenPlainSyslog(InetAddress.getByName("0.0.0.0"), true))
                .hasMessageContaining("loopback").hasMessageContaining("tls-port");
        assertThatThrownBy(() -> SyslogServers.refuseOpenPlainSyslog(InetAddress.getByName("10.0.0.7"), true))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> SyslogServers.refuseOpenPlainSyslog(InetAddress.getByName("127.0.0.1"), true)).doesNotThrowAnyException();
        assertThatCode(() -> SyslogServers.refuseOpenPlainSyslog(InetAddress.getByName("::1"), true)).doesNotThrowAnyException();
        assertThatCode(() -> SyslogServers.refuseOpenPlainSyslog(InetAddress.getByName("0.0.0.0"), false)).doesNotThrowAnyException();
    }
}
