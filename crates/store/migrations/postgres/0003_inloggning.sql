-- Staff authentication (issue 4): a TOTP second factor, lockout with backoff and
-- login through the municipality's OpenID Connect provider.

-- The confirmed TOTP secret (RFC 6238) in base32, and the last time step a code was
-- accepted for, so that a code cannot be used twice (RFC 6238 5.2).
ALTER TABLE anvandare ADD COLUMN totp_hemlighet TEXT;
ALTER TABLE anvandare ADD COLUMN totp_senaste_steg BIGINT;
-- The subject (or configured claim) that the identity provider gives this user.
-- Set by the systemförvaltare; a login from the provider never creates a user.
ALTER TABLE anvandare ADD COLUMN oidc_subjekt TEXT;
CREATE UNIQUE INDEX anvandare_oidc_subjekt ON anvandare (oidc_subjekt);

-- A session is half logged in until the second factor is given: `steg` is
-- 'klar' (logged in), 'kod' (password given, code missing) or 'registrering'
-- (password given, TOTP must be set up first). Only 'klar' grants access.
ALTER TABLE session ADD COLUMN steg TEXT NOT NULL DEFAULT 'klar';
-- A TOTP secret shown on the setup page but not yet confirmed with a code.
ALTER TABLE session ADD COLUMN totp_ny TEXT;
-- The provider's ID token, sent back as id_token_hint at logout (OIDC RP-Initiated Logout 1.0, 2).
ALTER TABLE session ADD COLUMN id_token TEXT;

-- Failed logins per user name, whether or not such a user exists, so that a lock
-- tells nobody which accounts exist. NIST SP 800-63B 3.2.2 (rate limiting).
CREATE TABLE inloggningsforsok (
    anvandarnamn TEXT PRIMARY KEY,
    misslyckade BIGINT NOT NULL,
    sparrad_till TEXT
);

-- An OpenID Connect login under way: found by the hash of its state, holding the
-- nonce and the PKCE verifier until the provider sends the browser back.
CREATE TABLE oidc_forfragan (
    id TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    pkce_verifierare TEXT NOT NULL,
    skapad TEXT NOT NULL
);
