package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ImportRequestTest {

    @Test
    void parsesOptionsWithSpaceOrEquals() {
        ImportRequest request = ImportRequest.parse(List.of("territories", "--dir", "/tmp/x", "--scope=75,92"));

        assertThat(request.source()).isEqualTo("territories");
        assertThat(request.option("dir")).contains("/tmp/x");
        assertThat(request.list("scope")).containsExactly("75", "92");
    }

    @Test
    void aFlagTakesNoValueAndTheRetirementLimitReadsSharesAndPercentages() {
        ImportRequest request = ImportRequest.parse(List.of("practitioners", "--allow-mass-retirement",
                "--max-retired-share", "12%"));
        assertThat(request.flag("allow-mass-retirement")).isTrue();
        assertThat(request.flag("other")).isFalse();
        assertThat(RetirementLimit.of(request)).isEqualTo(new RetirementLimit(0.12, true));
        assertThat(RetirementLimit.of(ImportRequest.of("x", "max-retired-share", "0.2")).maxShare()).isEqualTo(0.2);
        Assertions.assertThatThrownBy(() -> RetirementLimit.of(ImportRequest.of("x",
                "max-retired-share", "lots"))).hasMessageContaining("is not a share");
        Assertions.assertThatThrownBy(() -> RetirementLimit.of(ImportRequest.of("x",
                "max-retired-share", "150%"))).hasMessageContaining("between 0 and 1");
        Assertions.assertThatThrownBy(() -> ImportRequest.of("x", "allow-mass-retirement", "yes")
                .flag("allow-mass-retirement")).hasMessageContaining("takes no value");
    }

    @Test
    void theLimitRefusesPastItsShareNamingTheFigureAndAllowsWhenTold() {
        RetirementLimit.DEFAULT.check("practitioners", 2, 40); // exactly 5 %
        Assertions.assertThatThrownBy(() -> RetirementLimit.DEFAULT.check("practitioners", 45, 45))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageStartingWith("refusing to retire 45 of 45 active practitioners (100.0 %, above the limit of 5.0 %)");
        new RetirementLimit(0.05, true).check("practitioners", 45, 45);
        RetirementLimit.DEFAULT.check("practitioners", 3, 0); // nothing active: a first load
    }
}
