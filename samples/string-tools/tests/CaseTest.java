package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseTest {

    @ParameterizedTest(name = "from \"{0}\"")
    @ValueSource(strings = {"user account id", "userAccountId", "UserAccountId", "user_account_id",
            "USER_ACCOUNT_ID", "user-account-id"})
    void convertsFromAnyStyleToEveryStyle(String input) {
        assertEquals("userAccountId", Case.camel(input));
        assertEquals("UserAccountId", Case.pascal(input));
        assertEquals("user_account_id", Case.snake(input));
        assertEquals("user-account-id", Case.kebab(input));
        assertEquals("USER_ACCOUNT_ID", Case.constant(input));
    }

    @Test
    void treatsAnAcronymAsOneWord() {
        assertEquals("httpServerUrl", Case.camel("HTTPServer URL"));
        assertEquals("http_server_url", Case.snake("HTTPServer URL"));
    }

    @Test
    void keepsDigitsInTheirWord() {
        assertEquals("Utf8Decoder", Case.pascal("utf8 decoder"));
    }

    @Test
    void emptyInputGivesEmptyNames() {
        assertEquals("", Case.camel(""));
        assertEquals("", Case.kebab("  "));
    }
}
