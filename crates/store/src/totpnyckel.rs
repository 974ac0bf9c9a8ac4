//! TOTP secrets encrypted at rest (issue 12, item 7): whoever reads the database
//! (a backup, a replica, a stolen dump) must not be able to make codes. The key
//! is outside the database (LOTS_TOTP_NYCKEL); each ciphertext names the key it
//! was made with, so keys can rotate: earlier keys decrypt, `lots migrate`
//! re-encrypts everything with the current one.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::StoreError;

/// One key: its id (stored beside each ciphertext) and the cipher.
#[derive(Clone)]
pub struct Totpnyckel {
    id: String,
    chiffer: ChaCha20Poly1305,
}

impl std::fmt::Debug for Totpnyckel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Totpnyckel({})", self.id)
    }
}

fn harled(nyckel: &[u8], syfte: &[u8]) -> [u8; 32] {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(nyckel).expect("HMAC takes any key length");
    m.update(syfte);
    m.finalize().into_bytes().into()
}

impl Totpnyckel {
    /// A key from its hex text (at least 32 bytes, `openssl rand -hex 32`). The
    /// error never repeats the text.
    pub fn fran_hex(text: &str) -> Result<Self, String> {
        let nyckel = hex::decode(text.trim())
            .map_err(|_| "nyckeln ska vara hexadecimal (openssl rand -hex 32)".to_string())?;
        if nyckel.len() < 32 {
            return Err("nyckeln ska vara minst 32 byte (64 hexadecimala tecken)".into());
        }
        // The id says which key a row needs and nothing of the key itself.
        let id = hex::encode(&harled(&nyckel, b"lots-totp-nyckel-id")[..8]);
        let chiffer =
            ChaCha20Poly1305::new(Key::from_slice(&harled(&nyckel, b"lots-totp-chiffer")));
        Ok(Self { id, chiffer })
    }

    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The current key (new secrets, re-encryption) and earlier ones (reading only).
#[derive(Debug, Clone, Default)]
pub struct Totpnycklar {
    pub nyckel: Option<Totpnyckel>,
    pub gamla: Vec<Totpnyckel>,
}

fn fel(text: &str) -> StoreError {
    StoreError::Konflikt(text.into())
}

impl Totpnycklar {
    /// The stored form of `hemlighet` for `anvandare`: (ciphertext, key id), or
    /// the plain text and no id when no key is configured (demo, tests without one).
    /// The user id is bound in as associated data: a ciphertext moved to another
    /// account does not decrypt.
    pub(crate) fn las_in(
        &self,
        anvandare: &str,
        hemlighet: &str,
    ) -> Result<(String, Option<String>), StoreError> {
        let Some(k) = &self.nyckel else {
            return Ok((hemlighet.to_owned(), None));
        };
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let chiffertext = k
            .chiffer
            .encrypt(
                &nonce,
                Payload {
                    msg: hemlighet.as_bytes(),
                    aad: anvandare.as_bytes(),
                },
            )
            .map_err(|_| fel("TOTP-hemligheten kunde inte krypteras"))?;
        let mut allt = nonce.to_vec();
        allt.extend_from_slice(&chiffertext);
        Ok((hex::encode(allt), Some(k.id.clone())))
    }

    /// The secret from its stored form. Fails closed: a row encrypted with a key
    /// that is not configured is an error, never a guess.
    pub(crate) fn las_ut(
        &self,
        anvandare: &str,
        lagrad: &str,
        nyckel_id: Option<&str>,
    ) -> Result<String, StoreError> {
        let Some(id) = nyckel_id else {
            return Ok(lagrad.to_owned());
        };
        let k = self
            .nyckel
            .iter()
            .chain(&self.gamla)
            .find(|k| k.id == id)
            .ok_or_else(|| {
                fel("TOTP-hemligheten är krypterad med en nyckel som inte är angiven (LOTS_TOTP_NYCKEL, LOTS_TOTP_GAMLA_NYCKLAR)")
            })?;
        let allt = hex::decode(lagrad).map_err(|_| fel("TOTP-hemligheten är skadad"))?;
        if allt.len() < 12 {
            return Err(fel("TOTP-hemligheten är skadad"));
        }
        let (nonce, chiffertext) = allt.split_at(12);
        let klartext = k
            .chiffer
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: chiffertext,
                    aad: anvandare.as_bytes(),
                },
            )
            .map_err(|_| fel("TOTP-hemligheten kunde inte dekrypteras"))?;
        String::from_utf8(klartext).map_err(|_| fel("TOTP-hemligheten är skadad"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nyckel(b: u8) -> Totpnyckel {
        Totpnyckel::fran_hex(&hex::encode([b; 32])).unwrap()
    }

    #[test]
    fn krypterad_med_gammal_nyckel_las_efter_rotation() {
        let forr = Totpnycklar {
            nyckel: Some(nyckel(1)),
            gamla: vec![],
        };
        let (c, id) = forr.las_in("anv", "JBSWY3DPEHPK3PXP").unwrap();
        assert!(!c.contains("JBSWY3DPEHPK3PXP"));
        let nu = Totpnycklar {
            nyckel: Some(nyckel(2)),
            gamla: vec![nyckel(1)],
        };
        assert_eq!(
            nu.las_ut("anv", &c, id.as_deref()).unwrap(),
            "JBSWY3DPEHPK3PXP"
        );
        // Bound to its user, and no key no secret.
        assert!(nu.las_ut("annan", &c, id.as_deref()).is_err());
        assert!(
            Totpnycklar::default()
                .las_ut("anv", &c, id.as_deref())
                .is_err()
        );
    }
}
