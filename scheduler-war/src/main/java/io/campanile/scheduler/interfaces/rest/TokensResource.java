package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.TokenCreated;
import io.campanile.api.admin.TokenRequest;
import io.campanile.api.admin.TokenView;
import io.campanile.scheduler.application.ManageTokens;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** API tokens: {@code /api/v1/tokens} (admins only, see {@code AccessRules}). */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

    private final ManageTokens tokens;

    TokensResource(ManageTokens tokens) {
        this.tokens = tokens;
    }

    /** 201 with the secret, shown this once. */
    @POST
    public Response create(TokenRequest request, @Context SecurityContext security) {
        TokenCreated created = tokens.create(request, AdminCaller.of(security));
        return Response.status(201).entity(created).build();
    }

    @GET
    public List<TokenView> list() {
        return tokens.list();
    }

    @GET
    @Path("{name}")
    public TokenView token(@PathParam("name") String name) {
        return tokens.get(name);
    }

    @DELETE
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public TokenView revoke(@PathParam("name") String name) {
        return tokens.revoke(name);
    }
}
