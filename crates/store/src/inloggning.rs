//! Staff authentication state: TOTP secrets, failed-login counters, pending
//! OpenID Connect logins and the login step of a session.

use lots_domain::ids::{AnvandarId, KommunId};
use time::OffsetDateTime;

use crate::org::anvandare_fran;
use crate::{Anvandare, Inloggning, Store, StoreError, las_tid, tidstext};

/// How long a failed login is remembered when it locks nobody: the lock's
/// backoff tops out at an hour, so a day forgets nothing that still matters.
const FORSOK_GLOMS_EFTER: time::Duration = time::Duration::days(1);

/// A user's confirmed TOTP secret.
#[derive(Debug, Clone)]
pub struct TotpLagrad {
    /// Base32, as the authenticator app was given it.
    pub hemlighet: String,
    /// The last time step a code was accepted for (RFC 6238 5.2: no reuse).
    pub senaste_steg: Option<i64>,
}

/// Failed logins for one user name.
#[derive(Debug, Clone, Default)]
pub struct Forsok {
    pub misslyckade: i64,
    pub sparrad_till: Option<OffsetDateTime>,
}

/// A pending OpenID Connect login.
#[derive(Debug, Clone)]
pub struct OidcForfragan {
    pub nonce: String,
    pub pkce_verifierare: String,
    pub skapad: OffsetDateTime,
    /// The kommun the login was started for; None when the server serves one.
    pub kommun: Option<KommunId>,
}

impl Inloggning<'_> {
    /// A session at a given login step ('klar', 'kod' or 'registrering'),
    /// with the provider's ID token when the login came from OpenID Connect.
    pub async fn skapa_session_i_steg(
        &self,
        id: &str,
        anvandare: AnvandarId,
        csrf: &str,
        nu: OffsetDateTime,
        steg: &str,
        id_token: Option<&str>,
    ) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO session (id, anvandare, csrf, skapad, senast, steg, id_token) VALUES ($1, $2, $3, $4, $4, $5, $6)",
                &[
                    id.into(),
                    anvandare.to_string().into(),
                    csrf.into(),
                    tidstext(nu).into(),
                    steg.into(),
                    id_token.map(str::to_owned).into(),
                ],
            )
            .await
            .map(|_| ())
    }

    /// Keeps (or clears) the TOTP secret shown on the setup page until it is confirmed.
    pub async fn satt_session_totp_ny(
        &self,
        id: &str,
        hemlighet: Option<&str>,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE session SET totp_ny = $2 WHERE id = $1",
                &[id.into(), hemlighet.map(str::to_owned).into()],
            )
            .await
            .map(|_| ())
    }

    /// Ends every session of a user but one (after a password change).
    pub async fn ta_bort_andra_sessioner(
        &self,
        anvandare: AnvandarId,
        behall: &str,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM session WHERE anvandare = $1 AND id <> $2",
                &[anvandare.to_string().into(), behall.into()],
            )
            .await
            .map(|_| ())
    }

    pub async fn totp(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
    ) -> Result<Option<TotpLagrad>, StoreError> {
        let id = anvandare.to_string();
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT totp_hemlighet, totp_nyckel, totp_senaste_steg FROM anvandare WHERE kommun = $1 AND id = $2",
                &[kommun.to_string().into(), id.clone().into()],
            )
            .await?;
        let Some(r) = r else { return Ok(None) };
        let Some(lagrad) = r.opt_text("totp_hemlighet")? else {
            return Ok(None);
        };
        let nyckel = r.opt_text("totp_nyckel")?;
        Ok(Some(TotpLagrad {
            hemlighet: self.0.totpnycklar.las_ut(&id, &lagrad, nyckel.as_deref())?,
            senaste_steg: r.opt_int("totp_senaste_steg").ok().flatten(),
        }))
    }

    /// Stores a confirmed secret (encrypted when a key is configured) together
    /// with the step its confirming code used.
    pub async fn spara_totp(
        &self,
        anvandare: AnvandarId,
        hemlighet: &str,
        steg: i64,
    ) -> Result<(), StoreError> {
        let id = anvandare.to_string();
        let (lagrad, nyckel) = self.0.totpnycklar.las_in(&id, hemlighet)?;
        self.0.db
            .execute(
                "UPDATE anvandare SET totp_hemlighet = $2, totp_nyckel = $3, totp_senaste_steg = $4 WHERE id = $1",
                &[id.into(), lagrad.into(), nyckel.into(), steg.into()],
            )
            .await
            .map(|_| ())
    }

    /// Ids of TOTP keys that stored secrets need and that are not configured:
    /// `serve` refuses to start rather than fail every code login.
    pub async fn saknade_totpnycklar(&self) -> Result<Vec<String>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                "SELECT DISTINCT totp_nyckel FROM anvandare WHERE totp_nyckel IS NOT NULL",
                &[],
            )
            .await?;
        let mut saknas = vec![];
        for r in rader {
            let id = r.text("totp_nyckel")?;
            let kand = self
                .0
                .totpnycklar
                .nyckel
                .iter()
                .chain(&self.0.totpnycklar.gamla)
                .any(|k| k.id() == id);
            if !kand {
                saknas.push(id);
            }
        }
        Ok(saknas)
    }

    /// Records that a code for `steg` was used. False when that step or a later
    /// one was already used: the code is a replay. One conditional UPDATE, so two
    /// requests racing with the same code cannot both win.
    pub async fn anvand_totp_steg(
        &self,
        anvandare: AnvandarId,
        steg: i64,
    ) -> Result<bool, StoreError> {
        let n = self
            .0
            .db
            .execute(
                "UPDATE anvandare SET totp_senaste_steg = $2 WHERE id = $1 AND totp_hemlighet IS NOT NULL \
                 AND (totp_senaste_steg IS NULL OR totp_senaste_steg < $2)",
                &[anvandare.to_string().into(), steg.into()],
            )
            .await?;
        Ok(n == 1)
    }

    /// Removes a user's second factor (the systemförvaltare's reset when a phone is lost).
    pub async fn ta_bort_totp(&self, anvandare: AnvandarId) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "UPDATE anvandare SET totp_hemlighet = NULL, totp_nyckel = NULL, totp_senaste_steg = NULL WHERE id = $1",
                &[anvandare.to_string().into()],
            )
            .await
            .map(|_| ())
    }

    pub async fn byt_losenord(&self, anvandare: AnvandarId, hash: &str) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE anvandare SET losenord = $2 WHERE id = $1",
                &[anvandare.to_string().into(), hash.into()],
            )
            .await
            .map(|_| ())
    }

    pub async fn inloggningsforsok(&self, anvandarnamn: &str) -> Result<Forsok, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT misslyckade, sparrad_till FROM inloggningsforsok WHERE anvandarnamn = $1",
                &[anvandarnamn.into()],
            )
            .await?;
        let Some(r) = r else {
            return Ok(Forsok::default());
        };
        Ok(Forsok {
            misslyckade: r.int("misslyckade")?,
            sparrad_till: r
                .opt_text("sparrad_till")?
                .as_deref()
                .map(las_tid)
                .transpose()?,
        })
    }

    /// Counts one more failed login for the name (a hash of it: the caller's
    /// key) and returns the new count. Failures older than a day and no longer
    /// locking anyone are purged on the way, so that unauthenticated requests
    /// cannot grow the table without bound (issue 12, item 6).
    pub async fn registrera_misslyckat_forsok(
        &self,
        anvandarnamn: &str,
        nu: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        self.0.db
            .execute(
                "DELETE FROM inloggningsforsok WHERE senast < $1 AND (sparrad_till IS NULL OR sparrad_till < $2)",
                &[
                    tidstext(nu - FORSOK_GLOMS_EFTER).into(),
                    tidstext(nu).into(),
                ],
            )
            .await?;
        let r = self
            .0
            .db
            .fetch_optional(
                "INSERT INTO inloggningsforsok (anvandarnamn, misslyckade, senast) VALUES ($1, 1, $2) \
                 ON CONFLICT (anvandarnamn) DO UPDATE SET misslyckade = inloggningsforsok.misslyckade + 1, senast = $2 \
                 RETURNING misslyckade",
                &[anvandarnamn.into(), tidstext(nu).into()],
            )
            .await?;
        r.map(|r| r.int("misslyckade"))
            .transpose()
            .map(|n| n.unwrap_or(1))
    }

    /// Counts a request against a rate limit shared by every server on this
    /// database: the key's window (ending at `nu + fonster` when a new one starts)
    /// and the count in it, after this request. One upsert: two servers counting
    /// at once both land in the same row.
    pub async fn rakna_begaran(
        &self,
        nyckel: &str,
        nu: OffsetDateTime,
        fonster: time::Duration,
    ) -> Result<(i64, i64), StoreError> {
        let nu = nu.unix_timestamp();
        let ny_slut = nu + fonster.whole_seconds().max(1);
        let r = self
            .0
            .db
            .fetch_optional(
                "INSERT INTO hastighetsgrans (nyckel, slut, antal) VALUES ($1, $2, 1) \
                 ON CONFLICT (nyckel) DO UPDATE SET \
                 antal = CASE WHEN hastighetsgrans.slut <= $3 THEN 1 ELSE hastighetsgrans.antal + 1 END, \
                 slut = CASE WHEN hastighetsgrans.slut <= $3 THEN $2 ELSE hastighetsgrans.slut END \
                 RETURNING slut, antal",
                &[nyckel.into(), ny_slut.into(), nu.into()],
            )
            .await?;
        match r {
            Some(r) => Ok((r.int("slut")?, r.int("antal")?)),
            None => Ok((ny_slut, 1)),
        }
    }

    /// Forgets rate-limit windows that have ended.
    pub async fn rensa_begaranden(&self, nu: OffsetDateTime) -> Result<u64, StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM hastighetsgrans WHERE slut <= $1",
                &[nu.unix_timestamp().into()],
            )
            .await
    }

    pub async fn sparra_inloggning(
        &self,
        anvandarnamn: &str,
        till: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE inloggningsforsok SET sparrad_till = $2 WHERE anvandarnamn = $1",
                &[anvandarnamn.into(), tidstext(till).into()],
            )
            .await
            .map(|_| ())
    }

    /// A successful login forgets the failures.
    pub async fn nollstall_inloggningsforsok(&self, anvandarnamn: &str) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM inloggningsforsok WHERE anvandarnamn = $1",
                &[anvandarnamn.into()],
            )
            .await
            .map(|_| ())
    }

    /// The active or inactive user the identity provider's subject is mapped to in
    /// `kommun` (a subject is unique within its kommun, issue 18 item 8).
    pub async fn anvandare_med_oidc_subjekt(
        &self,
        kommun: KommunId,
        subjekt: &str,
    ) -> Result<Option<Anvandare>, StoreError> {
        self.0
            .db
            .fetch_optional(
                crate::org::anvandare_fraga!("WHERE kommun = $1 AND oidc_subjekt = $2"),
                &[kommun.to_string().into(), subjekt.into()],
            )
            .await?
            .as_ref()
            .map(anvandare_fran)
            .transpose()
    }

    /// Maps (or unmaps) a user to a subject at the identity provider.
    pub async fn satt_oidc_subjekt(
        &self,
        anvandare: AnvandarId,
        subjekt: Option<&str>,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE anvandare SET oidc_subjekt = $2 WHERE id = $1",
                &[
                    anvandare.to_string().into(),
                    subjekt.map(str::to_owned).into(),
                ],
            )
            .await
            .map(|_| ())
    }

    /// `id` is the hash of the state: the state itself is only in the browser's cookie and the URL.
    pub async fn spara_oidc_forfragan(
        &self,
        id: &str,
        f: &OidcForfragan,
    ) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO oidc_forfragan (id, nonce, pkce_verifierare, skapad, kommun) VALUES ($1, $2, $3, $4, $5)",
                &[
                    id.into(),
                    f.nonce.as_str().into(),
                    f.pkce_verifierare.as_str().into(),
                    tidstext(f.skapad).into(),
                    f.kommun.map(|k| k.to_string()).into(),
                ],
            )
            .await
            .map(|_| ())
    }

    /// Takes the pending login out: a state is good for one callback only.
    pub async fn ta_oidc_forfragan(&self, id: &str) -> Result<Option<OidcForfragan>, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "DELETE FROM oidc_forfragan WHERE id = $1 RETURNING nonce, pkce_verifierare, skapad, kommun",
                &[id.into()],
            )
            .await?;
        r.map(|r| {
            Ok(OidcForfragan {
                nonce: r.text("nonce")?,
                pkce_verifierare: r.text("pkce_verifierare")?,
                skapad: las_tid(&r.text("skapad")?)?,
                kommun: r.opt_parse("kommun")?,
            })
        })
        .transpose()
    }

    /// Forgets pending logins older than `fore` (abandoned at the provider).
    pub async fn rensa_oidc_forfragningar(&self, fore: OffsetDateTime) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM oidc_forfragan WHERE skapad < $1",
                &[tidstext(fore).into()],
            )
            .await
            .map(|_| ())
    }
}

impl Store {
    /// Encrypts with the current key every TOTP secret that is stored in plain
    /// text or under an earlier key (`lots migrate`, and so key rotation).
    /// Returns how many were rewritten; nothing without a configured key.
    pub(crate) async fn kryptera_totp_om(&self) -> Result<u64, StoreError> {
        let Some(aktuell) = self.totpnycklar.nyckel.as_ref().map(|k| k.id().to_owned()) else {
            return Ok(0);
        };
        let rader = self
            .db
            .fetch_all(
                "SELECT id, totp_hemlighet, totp_nyckel FROM anvandare WHERE totp_hemlighet IS NOT NULL \
                 AND (totp_nyckel IS NULL OR totp_nyckel <> $1)",
                &[aktuell.into()],
            )
            .await?;
        let mut n = 0;
        for r in rader {
            let id = r.text("id")?;
            let (Some(forr), nyckel) = (r.opt_text("totp_hemlighet")?, r.opt_text("totp_nyckel")?)
            else {
                continue;
            };
            let hemlighet = self.totpnycklar.las_ut(&id, &forr, nyckel.as_deref())?;
            let (lagrad, ny) = self.totpnycklar.las_in(&id, &hemlighet)?;
            // Only if unchanged since read: a user setting up TOTP meanwhile wins.
            n += self
                .db
                .execute(
                    "UPDATE anvandare SET totp_hemlighet = $2, totp_nyckel = $3 WHERE id = $1 AND totp_hemlighet = $4",
                    &[id.into(), lagrad.into(), ny.into(), forr.into()],
                )
                .await?;
        }
        Ok(n)
    }
}
