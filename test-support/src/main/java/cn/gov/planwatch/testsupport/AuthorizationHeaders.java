package cn.gov.planwatch.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Authorization header values to hold a bearer-token reader against the framework's: well-formed tokens, every
 * other scheme and near miss, and every character up to U+02FF (and a few that fold to ASCII letters) in each part
 * of the header. {@code null} stands for no header.
 */
public final class AuthorizationHeaders {

    private static final String JWT = "eyJraWQiOiJrIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJzYW1yIn0.c2lnbmF0dXJlLV9-";

    private AuthorizationHeaders() {
    }

    public static List<String> corpus() {
        List<String> values = new ArrayList<>(Arrays.asList(null, "", " ", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ",
                "Bearer  ", "bearer", "Bearerx", "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "bEaReR " + JWT,
                "Bearer  " + JWT, " Bearer " + JWT, "Bearer\t" + JWT, "Bearer " + JWT + " ", "Bearer " + JWT + "\n",
                "Bearer " + JWT + " x", "Bearer x", "Bearer x=", "Bearer x==", "Bearer =", "Bearer ===", "Bearer =x",
                "Bearer x=y", "Bearer x=y=", "Bearer -._~+/", "Bearer a/b+c~d_e.f-g==", "Bearer " + JWT + "=",
                "Token " + JWT, "Bearer, " + JWT, "Bearer: " + JWT));
        List<Character> characters = new ArrayList<>();
        for (char c = 0; c <= 0x2FF; c++) {
            characters.add(c);
        }
        characters.addAll(List.of('\u0130', '\u0131', '\u017F', '\u212A', '\u212B', '\uFF21', '\uFF41', '\u3000'));
        for (char c : characters) {
            values.add("Bearer ab" + c + "cd");
            values.add("Bearer " + c);
            values.add("Bearer abcd=" + c);
            values.add("Bear" + c + "r " + JWT);
            values.add("Bearer" + c + JWT);
        }
        return values;
    }
}
