package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.gateway.security.RoleAuthorities;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives a logged-in person the authorities of the {@code roles} claim of their ID token (or user info), so that
 * their browser calls to the API meet the same rules as a bearer token.
 */
public class SessionRoles implements GrantedAuthoritiesMapper {

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                mapped.addAll(RoleAuthorities.of(oidc.getIdToken().getClaimAsStringList(ApiAccessPolicy.ROLES_CLAIM)));
            }
            if (authority instanceof OAuth2UserAuthority user
                    && user.getAttributes().get(ApiAccessPolicy.ROLES_CLAIM) instanceof Collection<?> roles) {
                mapped.addAll(RoleAuthorities.of(roles));
            }
        }
        return mapped;
    }
}
