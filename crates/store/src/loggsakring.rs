//! What protects the audit log against someone who can write to the database
//! (issue 12, item 9): a keyed MAC on every row, with the key outside the
//! database, and anchors of each chain's head in an append-only file outside it.
//!
//! The hash chain alone (issue 4) finds a row changed by hand, but anyone with
//! write access can recompute every later hash, or delete the newest rows and
//! move the head back. Without the key nobody can give a rewritten row a valid
//! MAC; and an anchor, once written, pins the chain's length and head hash.
//! A kommun's log is several chains (`kedja.rs`, "The chains"); each is named in
//! its MACs and anchors as `<kommun>` (chain 0, as every chain was named before
//! there were several, so old MACs and anchors still hold) or `<kommun>.<n>`, and
//! every chain's head is anchored. The chains also name each other's heads in
//! their rows, which finds a chain cut short between anchors as far as another
//! chain has named it; only the anchor pins the newest rows of every chain.

use std::path::PathBuf;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::StoreError;

type HmacSha256 = Hmac<Sha256>;

/// A key for the audit log's MACs (HMAC-SHA-256). Its `Debug` shows the key's id only.
#[derive(Clone)]
pub struct Loggnyckel {
    id: String,
    nyckel: Vec<u8>,
}

impl std::fmt::Debug for Loggnyckel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Loggnyckel({})", self.id)
    }
}

impl Loggnyckel {
    /// A key from its hex text (at least 32 bytes, e.g. `openssl rand -hex 32`).
    /// The error never repeats the text.
    pub fn fran_hex(text: &str) -> Result<Self, String> {
        let nyckel = hex::decode(text.trim())
            .map_err(|_| "nyckeln ska vara hexadecimal (openssl rand -hex 32)".to_string())?;
        if nyckel.len() < 32 {
            return Err("nyckeln ska vara minst 32 byte (64 hexadecimala tecken)".into());
        }
        // The id names the key in every row it stamped, so rotation knows which
        // key to verify with; it is a MAC of a constant, and says nothing of the key.
        let id = hex::encode(&mac_over(&nyckel, &[b"lots-granskningsnyckel-id"])[..8]);
        Ok(Self { id, nyckel })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// "<key id>:<hex MAC>" over the parts, each ended by a NUL byte.
    pub(crate) fn stampel(&self, delar: &[&[u8]]) -> String {
        format!("{}:{}", self.id, hex::encode(mac_over(&self.nyckel, delar)))
    }

    /// Whether `mac` is this key's MAC over the parts (compared in constant time).
    fn stammer(&self, hexmac: &str, delar: &[&[u8]]) -> bool {
        let Ok(mac) = hex::decode(hexmac) else {
            return false;
        };
        let mut m = HmacSha256::new_from_slice(&self.nyckel).expect("HMAC takes any key length");
        for d in delar {
            m.update(d);
            m.update(&[0]);
        }
        m.verify_slice(&mac).is_ok()
    }
}

fn mac_over(nyckel: &[u8], delar: &[&[u8]]) -> Vec<u8> {
    let mut m = HmacSha256::new_from_slice(nyckel).expect("HMAC takes any key length");
    for d in delar {
        m.update(d);
        m.update(&[0]);
    }
    m.finalize().into_bytes().to_vec()
}

/// The audit log's protection as configured. Default: none (development and
/// tests); `lots serve` warns when it runs without a key.
#[derive(Debug, Clone, Default)]
pub struct Loggsakring {
    /// The key new rows are stamped with.
    pub nyckel: Option<Loggnyckel>,
    /// Keys used before a rotation: only for verifying the rows they stamped.
    pub gamla_nycklar: Vec<Loggnyckel>,
    /// The append-only file the chain heads are anchored in.
    pub ankarfil: Option<PathBuf>,
}

/// How a stamp compared with the keys at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stampelkontroll {
    Stammer,
    Fel,
    OkandNyckel,
}

impl Loggsakring {
    fn nycklar(&self) -> impl Iterator<Item = &Loggnyckel> {
        self.nyckel.iter().chain(self.gamla_nycklar.iter())
    }

    /// Whether any key is configured, so stamps can be checked at all.
    pub fn har_nyckel(&self) -> bool {
        self.nycklar().next().is_some()
    }

    pub(crate) fn kontrollera(&self, stampel: &str, delar: &[&[u8]]) -> Stampelkontroll {
        let Some((id, mac)) = stampel.split_once(':') else {
            return Stampelkontroll::Fel;
        };
        match self.nycklar().find(|n| n.id == id) {
            None => Stampelkontroll::OkandNyckel,
            Some(n) if n.stammer(mac, delar) => Stampelkontroll::Stammer,
            Some(_) => Stampelkontroll::Fel,
        }
    }
}

/// The parts a row's stamp covers: its chain (by name), place and hash (the hash covers
/// every field and the row before it, so a MAC over it covers them too).
pub(crate) fn radstampel_delar<'a>(kedja: &'a str, seq: &'a str, hash: &'a str) -> [&'a [u8]; 4] {
    [
        b"lots-granskning",
        kedja.as_bytes(),
        seq.as_bytes(),
        hash.as_bytes(),
    ]
}

/// The parts the stamp of a chain's keyed-from point covers: rows before it
/// were written before the key and are "unkeyed legacy".
pub(crate) fn gransstampel_delar<'a>(kedja: &'a str, seq: &'a str) -> [&'a [u8]; 3] {
    [b"lots-nycklad-fran", kedja.as_bytes(), seq.as_bytes()]
}

/// One anchored chain head: a line of the anchor file,
/// `<chain> <seq> <head hash> <time> <key id>:<MAC>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ankare {
    pub kedja: String,
    pub seq: i64,
    pub hash: String,
    pub tid: String,
    pub stampel: String,
}

impl Ankare {
    fn delar(&self) -> [Vec<u8>; 5] {
        [
            b"lots-ankare".to_vec(),
            self.kedja.as_bytes().to_vec(),
            self.seq.to_string().into_bytes(),
            self.hash.as_bytes().to_vec(),
            self.tid.as_bytes().to_vec(),
        ]
    }

    pub(crate) fn ny(
        nyckel: &Loggnyckel,
        kedja: String,
        seq: i64,
        hash: String,
        tid: String,
    ) -> Self {
        let mut a = Self {
            kedja,
            seq,
            hash,
            tid,
            stampel: String::new(),
        };
        let delar = a.delar();
        let delar: Vec<&[u8]> = delar.iter().map(|d| d.as_slice()).collect();
        a.stampel = nyckel.stampel(&delar);
        a
    }

    pub(crate) fn kontrollera(&self, sakring: &Loggsakring) -> Stampelkontroll {
        let delar = self.delar();
        let delar: Vec<&[u8]> = delar.iter().map(|d| d.as_slice()).collect();
        sakring.kontrollera(&self.stampel, &delar)
    }

    fn rad(&self) -> String {
        format!(
            "{} {} {} {} {}\n",
            self.kedja, self.seq, self.hash, self.tid, self.stampel
        )
    }

    fn tolka(rad: &str) -> Option<Self> {
        let mut f = rad.split_whitespace();
        let a = Self {
            kedja: f.next()?.to_string(),
            seq: f.next()?.parse().ok()?,
            hash: f.next()?.to_string(),
            tid: f.next()?.to_string(),
            stampel: f.next()?.to_string(),
        };
        f.next().is_none().then_some(a)
    }
}

/// Appends anchors to the file and forces them to disk before returning.
pub(crate) async fn skriv_ankare(
    fil: &std::path::Path,
    ankare: &[Ankare],
) -> Result<(), StoreError> {
    use tokio::io::AsyncWriteExt;
    let fel = |e: std::io::Error| StoreError::Ankare(format!("{}: {e}", fil.display()));
    let mut f = tokio::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(fil)
        .await
        .map_err(fel)?;
    let text: String = ankare.iter().map(Ankare::rad).collect();
    f.write_all(text.as_bytes()).await.map_err(fel)?;
    f.sync_data().await.map_err(fel)
}

/// The anchor file's lines, in order; None when there is no file yet. A line
/// that does not parse is returned as its number (from 1), to be reported.
pub(crate) async fn las_ankare(
    fil: &std::path::Path,
) -> Result<Option<Vec<Result<Ankare, usize>>>, StoreError> {
    match tokio::fs::read_to_string(fil).await {
        Ok(text) => Ok(Some(
            text.lines()
                .enumerate()
                .filter(|(_, r)| !r.trim().is_empty() && !r.starts_with('#'))
                .map(|(i, r)| Ankare::tolka(r).ok_or(i + 1))
                .collect(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::Ankare(format!("{}: {e}", fil.display()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nyckel(b: u8) -> Loggnyckel {
        Loggnyckel::fran_hex(&hex::encode([b; 32])).unwrap()
    }

    #[test]
    fn nyckeln_kravs_lang_och_visas_inte() {
        assert!(Loggnyckel::fran_hex("abcd").is_err());
        assert!(Loggnyckel::fran_hex(&"zz".repeat(32)).is_err());
        let n = nyckel(7);
        assert!(!format!("{n:?}").contains(&hex::encode([7u8; 32])));
    }

    #[test]
    fn stampeln_kontrolleras_med_ratt_nyckel() {
        let (gammal, ny) = (nyckel(1), nyckel(2));
        let delar: [&[u8]; 2] = [b"a", b"b"];
        let s = gammal.stampel(&delar);
        let bara_ny = Loggsakring {
            nyckel: Some(ny.clone()),
            ..Default::default()
        };
        assert_eq!(
            bara_ny.kontrollera(&s, &delar),
            Stampelkontroll::OkandNyckel
        );
        let roterad = Loggsakring {
            nyckel: Some(ny),
            gamla_nycklar: vec![gammal],
            ankarfil: None,
        };
        assert_eq!(roterad.kontrollera(&s, &delar), Stampelkontroll::Stammer);
        assert_eq!(roterad.kontrollera(&s, &[b"a", b"c"]), Stampelkontroll::Fel);
        // The parts are separated: "ab" + "" is not "a" + "b".
        assert_eq!(roterad.kontrollera(&s, &[b"ab", b""]), Stampelkontroll::Fel);
    }

    #[test]
    fn ankarraden_tolkas_tillbaka() {
        let n = nyckel(3);
        let a = Ankare::ny(
            &n,
            "k".into(),
            12,
            "ab".into(),
            "2026-01-01T00:00:00Z".into(),
        );
        let tillbaka = Ankare::tolka(a.rad().trim_end()).unwrap();
        assert_eq!(tillbaka, a);
        let sakring = Loggsakring {
            nyckel: Some(n),
            ..Default::default()
        };
        assert_eq!(tillbaka.kontrollera(&sakring), Stampelkontroll::Stammer);
        let flyttad = Ankare {
            seq: 11,
            ..tillbaka
        };
        assert_eq!(flyttad.kontrollera(&sakring), Stampelkontroll::Fel);
        assert!(Ankare::tolka("k 1 ab").is_none());
    }
}
