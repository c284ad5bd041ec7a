package cn.gov.planwatch.gateway.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** PlanWatch roles ({@code reporter}, {@code lead}, {@code operator}) as Spring Security authorities. */
public final class RoleAuthorities {

    private static final String ROLE_PREFIX = "ROLE_";

    private RoleAuthorities() {
    }

    public static Set<GrantedAuthority> of(Collection<?> roles) {
        Set<GrantedAuthority> authorities = new HashSet<>();
        if (roles != null) {
            for (Object role : roles) {
                authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role));
            }
        }
        return authorities;
    }
}
