package cn.gov.planwatch.contracts.access;

/**
 * The bearer token an {@code Authorization} header carries (RFC 6750 §2.1): {@code Bearer}, one space and a
 * b64token — letters, digits, {@code - . _ ~ + /}, then any {@code =} padding — the scheme's name in any case. The
 * same rule as Spring Security's own ({@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive), read
 * character by character: the pattern ran over the whole token, some 800 characters, on every request, which took a
 * few per cent of the gateway's and of a service's CPU per request. The gateway and every service read the header by
 * this one rule.
 */
public final class BearerHeader {

    private static final String SCHEME = "bearer";
    private static final int TOKEN_START = SCHEME.length() + 1;

    private BearerHeader() {
    }

    /** Whether the header names the Bearer scheme at all: it starts with "bearer", in any case. */
    private static boolean claimsBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** The token of a well-formed Bearer header; {@code null} when the header is absent, of another scheme or malformed. */
    public static String token(String authorization) {
        if (!claimsBearer(authorization) || authorization.length() <= TOKEN_START
                || authorization.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int end = authorization.length();
        int padding = end;
        while (padding > TOKEN_START && authorization.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == TOKEN_START) {
            return null;
        }
        for (int i = TOKEN_START; i < padding; i++) {
            if (!tokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(TOKEN_START);
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
