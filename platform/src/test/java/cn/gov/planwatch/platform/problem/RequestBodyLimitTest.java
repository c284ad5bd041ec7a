package cn.gov.planwatch.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A body over the limit is refused before it is read, in the reader's language. */
class RequestBodyLimitTest {

    @Test
    void givenABodyOverTheLimitWhenAChineseReaderSendsItThenTheRefusalIsChineseAndOtherwiseTodaysEnglish()
            throws Exception {
        JsonNode chinese = refusal("zh-CN");
        assertThat(chinese.get("title").asString()).isEqualTo("请求体过大");
        assertThat(chinese.get("detail").asString()).isEqualTo("请求体超过 10 字节，本次未记录任何内容。");

        JsonNode english = refusal(null);
        assertThat(english.get("title").asString()).isEqualTo("Body too large");
        assertThat(english.get("detail").asString()).isEqualTo("The request body exceeds 10 bytes; nothing was recorded.");
    }

    private static JsonNode refusal(String acceptLanguage) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/indicators/IND-01/observations");
        request.setContent("{\"value\":12345}".getBytes(StandardCharsets.UTF_8));
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestBodyLimit(10).doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Content-Language")).isEqualTo(acceptLanguage == null ? "en" : "zh-CN");
        return JsonMapper.builder().build().readTree(response.getContentAsString());
    }
}
