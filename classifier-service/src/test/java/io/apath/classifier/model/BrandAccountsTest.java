package io.apath.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrandAccountsTest {

    @Test
    void handlesAreKeptLowerCaseWithoutTheAt() {
        BrandAccounts accounts = BrandAccounts.of(List.of("@AcmeHelp", " acme ", "ACME"));

        assertThat(accounts.handles()).containsExactly("acme", "acmehelp");
        assertThat(accounts.contains("hi @ACMEhelp", 4, 12)).isTrue();
        assertThat(accounts.contains("hi @acmeshop", 4, 12)).isFalse();
    }

    @Test
    void somethingThatIsNotAHandleIsRefusedByName() {
        assertThatThrownBy(() -> BrandAccounts.of(List.of("acme", "acme help")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'acme help'");
        assertThatThrownBy(() -> BrandAccounts.of(List.of("@"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMastodonAccountIsTheNameItsPostsAreWrittenTo() {
        // journey takes the same brand-handles as ingest writes a Mastodon author; the classifier must start with them
        BrandAccounts accounts = BrandAccounts.of(List.of("@AcmeHelp@mastodon.social"));

        assertThat(accounts.handles()).containsExactly("acmehelp");
        assertThat(accounts.contains("@acmehelp@mastodon.social my order", 1, 9))
                .isTrue();
        assertThatThrownBy(() -> BrandAccounts.of(List.of("@.acme")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'@.acme'");
    }

    @Test
    void aHandleThatOpensThreePostsToBrandsIsABrandsAccount() {
        BrandAccounts learnt = BrandAccounts.learn(List.of(
                "@AcmeHelp my order never came",
                "@acmehelp still waiting",
                "@acmehelp thanks, sorted",
                "@bob @acmehelp you too?", // opened by bob, not by the brand
                "@bob ha", // bob opens two posts: a person replied to twice
                "@mention @mention @mention great app", // the SXSW corpus's placeholder
                "@mention hi",
                "@mention yo",
                "mail bob@acme.com", // an e-mail address is no handle
                "mail bob@acme.com",
                "mail bob@acme.com"));

        assertThat(learnt.handles()).containsExactly("acmehelp");
    }

    @Test
    void addingAccountsKeepsBoth() {
        BrandAccounts model = BrandAccounts.of(List.of("united"));
        BrandAccounts tenant = BrandAccounts.of(List.of("acme"));

        assertThat(model.and(tenant).handles()).containsExactly("acme", "united");
        assertThat(model.and(BrandAccounts.NONE)).isSameAs(model);
        assertThat(BrandAccounts.NONE.and(tenant)).isSameAs(tenant);
    }

    @Test
    void theOpeningHandleReadingTakesTheHandleAPostOpensWithAndNoOther() {
        BrandAccounts opening = BrandAccounts.OPENING_HANDLE;

        assertThat(opening.contains("@zorblax my order is late", 1, 8)).isTrue();
        assertThat(opening.contains("  @zorblax my order is late", 3, 10))
                .as("after blanks")
                .isTrue();
        assertThat(opening.contains("hi @zorblax my order is late", 4, 11))
                .as("not the first word")
                .isFalse();
        assertThat(opening.contains("@kim @zorblax my order", 6, 13))
                .as("only the first handle")
                .isFalse();
        assertThat(opening.contains("@mention my order", 1, 8))
                .as("the SXSW placeholder")
                .isFalse();
        assertThat(opening.contains("@men my order", 1, 4)).isTrue();
        assertThat(opening.isEmpty()).isFalse();
    }

    @Test
    void theOpeningHandleReadingAddsToAccounts() {
        BrandAccounts learnt = BrandAccounts.of(List.of("united"));
        BrandAccounts both = learnt.and(BrandAccounts.OPENING_HANDLE);

        assertThat(both.contains("thanks @united", 8, 14)).isTrue();
        assertThat(both.contains("@zorblax thanks", 1, 8)).isTrue();
        assertThat(both).isNotEqualTo(learnt).isEqualTo(BrandAccounts.OPENING_HANDLE.and(learnt));
        assertThat(both.and(BrandAccounts.OPENING_HANDLE)).isSameAs(both);
        assertThat(both.handles()).containsExactly("united");
    }
}
