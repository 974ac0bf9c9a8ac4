// A real OpenID Connect provider for Lots' end-to-end login tests (issue 4), and
// the eID broker of Mina sidor's (issue 5). panva's oidc-provider with its
// development login and consent pages: any user name signs in, and the user name
// becomes the subject (`sub`). A user name of 12 digits is a personnummer: it is
// also given, with a name, as the Swedish OIDC profile's personnummer claim, as an
// eID broker (BankID, Freja eID) would.
//
// Usage: node server.js [port]
//   PORT / argv[2]          port to listen on (0 or missing: any free port)
//   OIDC_CLIENT_ID          the one client (default lots)
//   OIDC_CLIENT_SECRET      its secret (default lots-hemlighet)
//   OIDC_REDIRECT_URI       where codes go (required; several separated by commas,
//                           so one provider serves staff login and Mina sidor's eID)
//   OIDC_POST_LOGOUT_URI    where RP-initiated logout returns (optional)
// Prints one line `LISTENING <issuer>` when ready, so the test knows the issuer.
import http from 'node:http';
import Provider from 'oidc-provider';

const PERSONNUMMER = 'https://id.oidc.se/claim/personalIdentityNumber';
const redirectUri = process.env.OIDC_REDIRECT_URI;
if (!redirectUri) {
  console.error('OIDC_REDIRECT_URI must be set');
  process.exit(2);
}
// The test may stop reading our output; that must not stop the provider.
process.stdout.on('error', () => {});

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);

const server = http.createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: process.env.OIDC_CLIENT_ID ?? 'lots',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'lots-hemlighet',
      redirect_uris: redirectUri.split(','),
      post_logout_redirect_uris: process.env.OIDC_POST_LOGOUT_URI ? [process.env.OIDC_POST_LOGOUT_URI] : [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    // Every client must use PKCE with S256 (RFC 7636, RFC 9700 2.1.1).
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email'],
      profile: ['given_name', 'family_name'],
      personnummer: [PERSONNUMMER],
    },
    // The claims asked for by scope go in the ID token itself, as eID brokers do.
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          const c = { sub: id, email: `${id}@testkommun.se` };
          if (/^\d{12}$/.test(id)) {
            c[PERSONNUMMER] = id;
            c.given_name = 'Test';
            c.family_name = 'Testsson';
          }
          return c;
        },
      };
    },
    cookies: { keys: ['endast-for-test'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  server.on('request', provider.callback());
  console.log(`LISTENING ${issuer}`);
});
