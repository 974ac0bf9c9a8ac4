//! The audit log against someone who can write to the database (issue 12,
//! item 9): a rewritten and rehashed chain, a chain cut short with its head
//! moved back, and a head rolled back are all found, with the key and the
//! anchor file kept outside the database.

use lots_store::{Aktor, Granskningspost, Loggkontroll, Loggnyckel, Loggsakring, Store};

use crate::hjalp::{Db, ny_databas, skapa_org};
use crate::pa_bada;

const NYCKEL: &str = "4c6f74732d746573746e79636b656c2d6d696e73742d33322d627974652d2d2d";

fn sakring(ankarfil: Option<&std::path::Path>) -> Loggsakring {
    Loggsakring {
        nyckel: Some(Loggnyckel::fran_hex(NYCKEL).unwrap()),
        gamla_nycklar: vec![],
        ankarfil: ankarfil.map(|p| p.to_path_buf()),
    }
}

struct Logg {
    url: String,
    _dir: Option<tempfile::TempDir>,
    ankardir: tempfile::TempDir,
    kommun: lots_domain::ids::KommunId,
    aktor: Aktor,
}

impl Logg {
    /// A database with an organisation, and a store on it with `sakring`.
    async fn ny(db: Db, nycklad: bool) -> (Self, Store) {
        let (url, dir) = ny_databas(db).await;
        let ankardir = tempfile::tempdir().unwrap();
        let store = if nycklad {
            Store::anslut_med(&url, sakring(Some(&ankardir.path().join("ankare.log"))))
                .await
                .unwrap()
        } else {
            Store::anslut(&url).await.unwrap()
        };
        store.migrera().await.unwrap();
        let org = skapa_org(&store).await;
        let aktor = Aktor::from(org.anv("handlaggare"));
        let logg = Self {
            url,
            _dir: dir,
            ankardir,
            kommun: org.kommun,
            aktor,
        };
        (logg, store)
    }

    fn ankarfil(&self) -> std::path::PathBuf {
        self.ankardir.path().join("ankare.log")
    }

    /// A store on the same database with the key and, if asked, the anchor file.
    async fn store(&self, ankare: bool) -> Store {
        let fil = self.ankarfil();
        Store::anslut_med(&self.url, sakring(ankare.then_some(fil.as_path())))
            .await
            .unwrap()
    }

    /// `n` read-audit rows, written as the server writes them.
    async fn las(&self, store: &Store, n: usize) -> Result<(), lots_store::StoreError> {
        let poster: Vec<Granskningspost> = (0..n)
            .map(|i| Granskningspost::ny(format!("test.lasning.{i}")))
            .collect();
        store
            .granskning()
            .logga_lasning(&self.aktor, &poster, time::OffsetDateTime::now_utc())
            .await
    }

    async fn antal(&self, store: &Store) -> i64 {
        match store
            .granskning()
            .verifiera_logg(self.kommun)
            .await
            .unwrap()
        {
            Loggkontroll::Hel { poster } => poster,
            annat => panic!("the log should be whole: {annat:?}"),
        }
    }
}

fn orsak(k: Loggkontroll) -> (i64, &'static str) {
    match k {
        Loggkontroll::Bruten { seq, orsak, .. } => (seq, orsak),
        hel => panic!("the tampering went unnoticed: {hel:?}"),
    }
}

/// What an attacker with write access but without the key can do: change row
/// `fran`, then recompute every later row's hash and the head, exactly as Lots would.
async fn skriv_om_och_hasha(store: &Store, kommun: &str, fran: i64) {
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET handling = 'manipulerad' WHERE kommun = $1 AND seq = $2",
            &[kommun.into(), fran.into()],
        )
        .await
        .unwrap();
    let rader = store
        .bakdorr()
        .fetch_all(
            "SELECT seq, tidpunkt, anvandare, roll, enhet, handling, person, arende, skal, utanfor, skyddad, hash \
             FROM granskning WHERE kommun = $1 ORDER BY seq",
            &[kommun.into()],
        )
        .await
        .unwrap();
    let mut prev = String::new();
    for r in rader {
        let seq = r.int("seq").unwrap();
        if seq < fran {
            prev = r.text("hash").unwrap();
            continue;
        }
        let hash = lots_store::provning::granskning_radhash(&r, &prev, kommun).unwrap();
        store
            .bakdorr()
            .execute(
                "UPDATE granskning SET prev_hash = $1, hash = $2 WHERE kommun = $3 AND seq = $4",
                &[
                    prev.as_str().into(),
                    hash.as_str().into(),
                    kommun.into(),
                    seq.into(),
                ],
            )
            .await
            .unwrap();
        prev = hash;
    }
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET hash = $1 WHERE kommun = $2",
            &[prev.as_str().into(), kommun.into()],
        )
        .await
        .unwrap();
}

async fn omskriven_och_omhashad_kedja_upptacks(db: Db) {
    let (logg, store) = Logg::ny(db, true).await;
    logg.las(&store, 12).await.unwrap();
    logg.las(&store, 8).await.unwrap();
    assert_eq!(logg.antal(&store).await, 20);
    let k = logg.kommun.to_string();
    skriv_om_och_hasha(&store, &k, 7).await;
    // Without the key, the rewritten chain is consistent: the hole issue 12 names.
    let utan_nyckel = Store::anslut(&logg.url).await.unwrap();
    assert_eq!(logg.antal(&utan_nyckel).await, 20);
    // With the key, the first rewritten row's MAC no longer matches.
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (7, "posten har ändrats (nyckelstämpeln stämmer inte)")
    );
    // Dropping the MACs instead does not help: the rows are past the keyed-from point.
    store
        .bakdorr()
        .execute("UPDATE granskning SET mac = NULL WHERE seq >= 7", &[])
        .await
        .unwrap();
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (7, "posten saknar nyckelstämpel")
    );
    // Nor does moving that point on: it is stamped with the key.
    store
        .bakdorr()
        .execute("UPDATE granskning_kedja SET nycklad_fran = 100", &[])
        .await
        .unwrap();
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (100, "gränsen för onycklade poster har ändrats")
    );
}
pa_bada!(omskriven_och_omhashad_kedja_upptacks);

async fn avkortad_kedja_med_flyttat_huvud_upptacks_av_ankaret(db: Db) {
    let (logg, store) = Logg::ny(db, true).await;
    logg.las(&store, 20).await.unwrap();
    let ankare = store
        .granskning()
        .ankra_logg(time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert_eq!(ankare.len(), 1);
    assert_eq!(ankare[0].seq, 20);
    // Nothing moved: no second anchor.
    assert!(
        store
            .granskning()
            .ankra_logg(time::OffsetDateTime::now_utc())
            .await
            .unwrap()
            .is_empty()
    );
    logg.las(&store, 5).await.unwrap();
    assert_eq!(logg.antal(&store).await, 25);
    let text = std::fs::read_to_string(logg.ankarfil()).unwrap();
    assert!(!text.contains(NYCKEL), "the key is never written out");
    // The attacker deletes the newest rows and moves the head back to row 15.
    let k = logg.kommun.to_string();
    let hash15 = store
        .bakdorr()
        .fetch_optional(
            "SELECT hash FROM granskning WHERE kommun = $1 AND seq = 15",
            &[k.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap()
        .text("hash")
        .unwrap();
    store
        .bakdorr()
        .execute(
            "DELETE FROM granskning WHERE kommun = $1 AND seq > 15",
            &[k.as_str().into()],
        )
        .await
        .unwrap();
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET seq = 15, hash = $1 WHERE kommun = $2",
            &[hash15.as_str().into(), k.as_str().into()],
        )
        .await
        .unwrap();
    // Every remaining row and its MAC is fine: only the anchor outside the database knows.
    let utan_ankare = logg.store(false).await;
    assert_eq!(logg.antal(&utan_ankare).await, 15);
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (16, "poster i slutet saknas enligt ankaret")
    );
    // An anchor edited to match the shorter chain is found by its MAC.
    let andrad = text.replacen(" 20 ", " 15 ", 1);
    std::fs::write(logg.ankarfil(), andrad).unwrap();
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (15, "ett ankare har ändrats")
    );
}
pa_bada!(avkortad_kedja_med_flyttat_huvud_upptacks_av_ankaret);

async fn tillbakarullat_huvud_upptacks(db: Db) {
    let (logg, store) = Logg::ny(db, true).await;
    logg.las(&store, 20).await.unwrap();
    let k = logg.kommun.to_string();
    let huvud = store
        .bakdorr()
        .fetch_optional(
            "SELECT seq, hash FROM granskning_kedja WHERE kommun = $1",
            &[k.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap();
    let hash12 = store
        .bakdorr()
        .fetch_optional(
            "SELECT hash FROM granskning WHERE kommun = $1 AND seq = 12",
            &[k.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap()
        .text("hash")
        .unwrap();
    // The head row restored to what it was at row 12, the rows left in place.
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET seq = 12, hash = $1 WHERE kommun = $2",
            &[hash12.as_str().into(), k.as_str().into()],
        )
        .await
        .unwrap();
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (12, "kedjans huvud har flyttats")
    );
    // The right place with another hash is found as well.
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET seq = 20, hash = $1 WHERE kommun = $2",
            &[hash12.as_str().into(), k.as_str().into()],
        )
        .await
        .unwrap();
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (20, "kedjans huvud har flyttats")
    );
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET hash = $1 WHERE kommun = $2",
            &[huvud.text("hash").unwrap().into(), k.as_str().into()],
        )
        .await
        .unwrap();
    assert_eq!(logg.antal(&store).await, 20);
}
pa_bada!(tillbakarullat_huvud_upptacks);

/// Rows written before the key verify as unkeyed legacy up to the stamped
/// point where the first keyed row was written; after it, every row needs a MAC.
async fn poster_fore_nyckeln_ar_onycklade_till_en_stamplad_grans(db: Db) {
    let (logg, utan_nyckel) = Logg::ny(db, false).await;
    logg.las(&utan_nyckel, 10).await.unwrap();
    assert!(!utan_nyckel.granskning().logg_ar_nycklad().await.unwrap());
    let store = logg.store(true).await;
    logg.las(&store, 5).await.unwrap();
    let v = store
        .granskning()
        .verifiera_logg_utforligt(logg.kommun)
        .await
        .unwrap();
    assert_eq!(v.resultat, Loggkontroll::Hel { poster: 15 });
    assert_eq!((v.onycklade, v.nycklade), (10, 5));
    assert!(utan_nyckel.granskning().logg_ar_nycklad().await.unwrap());
    // Lots without the key now refuses to log (and so to show) rather than
    // write a row without a MAC after keyed ones.
    assert!(matches!(
        logg.las(&utan_nyckel, 1).await,
        Err(lots_store::StoreError::Loggning(_))
    ));
    // A legacy row rewritten and rehashed up to the boundary breaks the first keyed row's link.
    let k = logg.kommun.to_string();
    let mac11: Option<String> = store
        .bakdorr()
        .fetch_optional(
            "SELECT mac FROM granskning WHERE kommun = $1 AND seq = 11",
            &[k.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap()
        .opt_text("mac")
        .unwrap();
    assert!(mac11.is_some());
    skriv_om_och_hasha(&store, &k, 4).await;
    assert_eq!(
        orsak(
            store
                .granskning()
                .verifiera_logg(logg.kommun)
                .await
                .unwrap()
        ),
        (11, "posten har ändrats (nyckelstämpeln stämmer inte)")
    );
}
pa_bada!(poster_fore_nyckeln_ar_onycklade_till_en_stamplad_grans);

/// `lots verify-log` and `lots anchor-log` with the key and anchor file from the
/// environment, as an operator runs them.
async fn verify_log_med_nyckel_och_ankarfil(db: Db) {
    let (dburl, _dir) = ny_databas(db).await;
    let ankardir = tempfile::tempdir().unwrap();
    let ankarfil = ankardir.path().join("ankare.log");
    let lots = env!("CARGO_BIN_EXE_lots");
    let kor = |kommando: &str| {
        std::process::Command::new(lots)
            .args(["--database", &dburl, kommando])
            .env("LOTS_GRANSKNING_NYCKEL", NYCKEL)
            .env("LOTS_GRANSKNING_ANKARFIL", &ankarfil)
            .output()
            .unwrap()
    };
    let ut = kor("demo");
    assert!(
        ut.status.success(),
        "{}",
        String::from_utf8_lossy(&ut.stderr)
    );
    let ut = kor("anchor-log");
    assert!(
        ut.status.success(),
        "{}",
        String::from_utf8_lossy(&ut.stderr)
    );
    let ut = kor("verify-log");
    let text = String::from_utf8_lossy(&ut.stdout).to_string();
    assert!(ut.status.success(), "{text}");
    assert!(text.contains("är hel"), "{text}");
    assert!(text.contains("1 ankare stämmer"), "{text}");
    assert!(!text.contains("Varning"), "{text}");
    assert!(!text.contains(NYCKEL) && !String::from_utf8_lossy(&ut.stderr).contains(NYCKEL));
    // Cut the newest row and move the head back.
    let store = Store::anslut(&dburl).await.unwrap();
    let sista = store
        .bakdorr()
        .fetch_optional("SELECT MAX(seq) AS s FROM granskning", &[])
        .await
        .unwrap()
        .unwrap()
        .int("s")
        .unwrap();
    let fore = store
        .bakdorr()
        .fetch_optional(
            "SELECT hash FROM granskning WHERE seq = $1",
            &[(sista - 1).into()],
        )
        .await
        .unwrap()
        .unwrap()
        .text("hash")
        .unwrap();
    store
        .bakdorr()
        .execute("DELETE FROM granskning WHERE seq = $1", &[sista.into()])
        .await
        .unwrap();
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET seq = $1, hash = $2",
            &[(sista - 1).into(), fore.as_str().into()],
        )
        .await
        .unwrap();
    let ut = kor("verify-log");
    let text = String::from_utf8_lossy(&ut.stdout).to_string();
    assert!(!ut.status.success(), "{text}");
    assert!(
        text.contains(&format!("bruten vid post {sista}")) && text.contains("enligt ankaret"),
        "{text}"
    );
}
pa_bada!(verify_log_med_nyckel_och_ankarfil);
