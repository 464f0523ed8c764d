package io.sluice.runtime.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.json.Json;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamAccessTest {

    @Test
    void aTeamsRoleNamesEachServicesDailyIndicesExactly() {
        String role = TeamAccess.roleDescriptor(new TeamAccess.Grant("payments", "team-payments", List.of("pay", "check.out")));
        assertThat(Json.MAPPER.readTree(role).path("indices").get(0).path("names").toString())
                .isEqualTo("[\"/logs-pay-[0-9]{4}\\\\.[0-9]{2}\\\\.[0-9]{2}/\",\"/logs-check\\\\.out-[0-9]{4}\\\\.[0-9]{2}\\\\.[0-9]{2}/\"]");
        assertThat(Json.MAPPER.readTree(role).path("indices").get(0).path("privileges").toString())
                .isEqualTo("[\"read\",\"view_index_metadata\"]");
        assertThat(Json.MAPPER.readTree(role).has("cluster")).isFalse();
    }

    @Test
    void theServicesOfATeamAreThoseTheCatalogGivesIt() {
        Map<String, tools.jackson.databind.JsonNode> catalog = Map.of(
                "pay", Json.MAPPER.readTree("{\"team\":\"payments\"}"),
                "checkout", Json.MAPPER.readTree("{\"team\":\"payments\"}"),
                "search", Json.MAPPER.readTree("{\"team\":\"discovery\"}"),
                "orphan", Json.MAPPER.readTree("{\"owner\":\"nobody\"}"));
        assertThat(TeamAccess.servicesOf("payments", catalog)).containsExactly("checkout", "pay");
        assertThat(TeamAccess.servicesOf("nobody", catalog)).isEmpty();
    }

    @Test
    void aTeamWithoutServicesOrWithAStrangeNameIsRefusedInWords(@TempDir Path home) {
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve("data"), 1, 2, 3, 4, 5, "0", 1);
        TeamAccess access = new TeamAccess(settings);
        assertThatThrownBy(() -> access.grant("payments", List.of())).hasMessageContaining("names no service of team 'payments'");
        assertThatThrownBy(() -> access.grant("../etc", List.of("pay"))).hasMessageContaining("a team is 1 to 64 letters");
    }
}
