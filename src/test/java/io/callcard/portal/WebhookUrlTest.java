package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callcard.portal.WebhookUrlException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookUrlTest {

    private static final String CANONICAL = "https://portal.bitrix24.com/rest/7/k3yAbc123/";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "https://portal.bitrix24.com/rest/7/k3yAbc123/                 | " + CANONICAL,
        "https://portal.bitrix24.com/rest/7/k3yAbc123                  | " + CANONICAL,
        "'  https://portal.bitrix24.com/rest/7/k3yAbc123/ \t'           | " + CANONICAL,
        "https://portal.bitrix24.com/rest/7/k3yAbc123/profile          | " + CANONICAL,
        "https://portal.bitrix24.com/rest/7/k3yAbc123/user.current.json | " + CANONICAL,
        "https://portal.bitrix24.com/rest/7/k3yAbc123/user.current/     | " + CANONICAL,
        "HTTPS://Portal.Bitrix24.COM/rest/7/k3yAbc123/                  | " + CANONICAL,
        "https://portal.bitrix24.com:443/rest/7/k3yAbc123/?x=1#top      | " + CANONICAL,
        "https://crm.example.org:8443/rest/1/abc/                       | https://crm.example.org:8443/rest/1/abc/",
        "http://127.0.0.1:8081/rest/1/sandbox/                          | http://127.0.0.1:8081/rest/1/sandbox/",
        "http://127.3.2.1/rest/1/sandbox                                | http://127.3.2.1/rest/1/sandbox/",
        "http://localhost:9000/rest/1/sandbox/profile                   | http://localhost:9000/rest/1/sandbox/",
        "http://[::1]:9000/rest/1/sandbox/                              | http://[::1]:9000/rest/1/sandbox/",
    })
    void acceptsWhatUsersPasteAndNormalisesIt(String pasted, String expected) throws WebhookUrlException {
        assertEquals(expected, WebhookUrl.parse(pasted).restBase());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                                              | EMPTY",
        "''                                                | EMPTY",
        "'   '                                             | EMPTY",
        "portal.bitrix24.com/rest/7/k3yAbc123/             | NOT_A_URL",
        "not a url at all                                  | NOT_A_URL",
        "https://                                          | NOT_A_URL",
        "http://portal.bitrix24.com/rest/7/k3yAbc123/      | NOT_HTTPS",
        "http://128.0.0.1/rest/7/k3yAbc123/                | NOT_HTTPS",
        "http://localhost.example.com/rest/7/k3yAbc123/    | NOT_HTTPS",
        "ftp://portal.bitrix24.com/rest/7/k3yAbc123/       | NOT_HTTPS",
        "https://portal.bitrix24.com/                      | NOT_A_WEBHOOK_PATH",
        "https://portal.bitrix24.com/crm/deal/details/4/   | NOT_A_WEBHOOK_PATH",
        "https://portal.bitrix24.com/rest/7/               | NOT_A_WEBHOOK_PATH",
        "https://portal.bitrix24.com/rest/7/abc/a/b        | NOT_A_WEBHOOK_PATH",
        "https://portal.bitrix24.com/rest/7/abc/a b        | NOT_A_WEBHOOK_PATH",
        "https://portal.bitrix24.com/api/7/k3yAbc123/      | NOT_A_WEBHOOK_PATH",
        "https://portal.bitrix24.com/rest/admin/k3yAbc123/ | USER_ID_NOT_NUMERIC",
        "https://portal.bitrix24.com/rest/-7/k3yAbc123/    | USER_ID_NOT_NUMERIC",
        "https://portal.bitrix24.com/rest/7//              | BAD_CODE",
        "https://portal.bitrix24.com/rest/7/k3y-abc/       | BAD_CODE",
        "https://portal.bitrix24.com/rest/7/k%C3%A9y/      | BAD_CODE",
    })
    void refusesWithATypedReason(String pasted, Reason reason) {
        WebhookUrlException e = assertThrows(WebhookUrlException.class, () -> WebhookUrl.parse(pasted));
        assertEquals(reason, e.reason());
        assertEquals("portal.webhook." + reason.name(), e.messageKey());
    }

    @ParameterizedTest
    @CsvSource({
        "http://portal.bitrix24.com/rest/7/s3cretCode42/",
        "https://portal.bitrix24.com/rest/x/s3cretCode42/",
        "https://portal.bitrix24.com/rest/7/s3cretCode42/a/b",
    })
    void aRefusalNeverRepeatsTheCode(String pasted) {
        WebhookUrlException e = assertThrows(WebhookUrlException.class, () -> WebhookUrl.parse(pasted));
        assertFalse(e.getMessage().contains("s3cretCode42"));
        assertFalse(e.toString().contains("s3cretCode42"));
    }
}
