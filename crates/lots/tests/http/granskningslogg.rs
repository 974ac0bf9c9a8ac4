//! The audit log against someone who can write to the database (issue 12,
//! item 9): a rewritten and rehashed chain, a chain cut short with its head
//! moved back, and a head rolled back are all found, with the key and the
//! anchor file kept outside the database. And the log without a global lock
//! (issue 14): a list view is one row naming its records, each record held by
//! the row's hash; a kommun's log is several chains that name each other's
//! heads, so a chain changed, reordered or cut short is found in any of them.

use lots_store::{Aktor, Granskningspost, Loggkontroll, Loggnyckel, Loggsakring, Store};

use crate::hjalp::{
    Db, Klient, TestApp, ny_databas, registrera_ansokan, registrera_person, skapa_org, utdrag,
};
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
            "UPDATE granskning SET handling = 'manipulerad' WHERE kommun = $1 AND kedja = 0 AND seq = $2",
            &[kommun.into(), fran.into()],
        )
        .await
        .unwrap();
    let rader = store
        .bakdorr()
        .fetch_all(
            "SELECT kedja, seq, tidpunkt, anvandare, roll, enhet, handling, person, arende, skal, utanfor, skyddad, \
             poster, hanvisningar, hash FROM granskning WHERE kommun = $1 AND kedja = 0 ORDER BY seq",
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
        let hash = lots_store::provning::granskning_radhash(&r, &[], &prev, kommun).unwrap();
        store
            .bakdorr()
            .execute(
                "UPDATE granskning SET prev_hash = $1, hash = $2 WHERE kommun = $3 AND kedja = 0 AND seq = $4",
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
            "UPDATE granskning_kedja SET hash = $1 WHERE kommun = $2 AND kedja = 0",
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
        .execute(
            "UPDATE granskning SET mac = NULL WHERE kedja = 0 AND seq >= 7",
            &[],
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
            "SELECT hash FROM granskning WHERE kommun = $1 AND kedja = 0 AND seq = 15",
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
            "DELETE FROM granskning WHERE kommun = $1 AND kedja = 0 AND seq > 15",
            &[k.as_str().into()],
        )
        .await
        .unwrap();
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET seq = 15, hash = $1 WHERE kommun = $2 AND kedja = 0",
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
            "SELECT seq, hash FROM granskning_kedja WHERE kommun = $1 AND kedja = 0",
            &[k.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap();
    let hash12 = store
        .bakdorr()
        .fetch_optional(
            "SELECT hash FROM granskning WHERE kommun = $1 AND kedja = 0 AND seq = 12",
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
            "UPDATE granskning_kedja SET seq = 12, hash = $1 WHERE kommun = $2 AND kedja = 0",
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
            "UPDATE granskning_kedja SET seq = 20, hash = $1 WHERE kommun = $2 AND kedja = 0",
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
            "UPDATE granskning_kedja SET hash = $1 WHERE kommun = $2 AND kedja = 0",
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
    // So does a write, in a chain of its own that no keyed row has been written to yet:
    // any keyed chain of the kommun counts. Nothing of the write is kept.
    let fore = logg.antal(&store).await;
    assert!(matches!(
        utan_nyckel
            .organisation()
            .spara_namnduppgifter(
                logg.kommun,
                &crate::hjalp::namnduppgifter(),
                Some(&logg.aktor),
                time::OffsetDateTime::now_utc(),
            )
            .await,
        Err(lots_store::StoreError::Loggning(_))
    ));
    assert_eq!(logg.antal(&store).await, fore);
    assert_eq!(
        antal_rader(
            &store,
            "SELECT COUNT(*) AS n FROM namnduppgifter WHERE version > 1"
        )
        .await,
        0
    );
    // A legacy row rewritten and rehashed up to the boundary breaks the first keyed row's link.
    let k = logg.kommun.to_string();
    let mac11: Option<String> = store
        .bakdorr()
        .fetch_optional(
            "SELECT mac FROM granskning WHERE kommun = $1 AND kedja = 0 AND seq = 11",
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
    let ankrat = String::from_utf8_lossy(&ut.stdout).to_string();
    assert!(
        ut.status.success(),
        "{}",
        String::from_utf8_lossy(&ut.stderr)
    );
    // Every chain with rows is anchored: the demo's steps are in their cases' chains.
    let store = Store::anslut(&dburl).await.unwrap();
    let kedjor = store
        .bakdorr()
        .fetch_all(
            "SELECT kedja, seq FROM granskning_kedja WHERE seq > 0 ORDER BY seq DESC, kedja",
            &[],
        )
        .await
        .unwrap();
    assert!(kedjor.len() > 1, "the demo's steps are in several chains");
    assert_eq!(
        ankrat.matches("Ankrade kedjan").count(),
        kedjor.len(),
        "{ankrat}"
    );
    let ut = kor("verify-log");
    let text = String::from_utf8_lossy(&ut.stdout).to_string();
    assert!(ut.status.success(), "{text}");
    assert!(text.contains("är hel"), "{text}");
    assert!(
        text.contains(&format!("{} ankare stämmer", kedjor.len())),
        "{text}"
    );
    assert!(!text.contains("Varning"), "{text}");
    assert!(!text.contains(NYCKEL) && !String::from_utf8_lossy(&ut.stderr).contains(NYCKEL));
    // Cut the newest row of the longest chain and move its head back.
    let (kedja, sista) = (
        kedjor[0].int("kedja").unwrap(),
        kedjor[0].int("seq").unwrap(),
    );
    let fore = store
        .bakdorr()
        .fetch_optional(
            "SELECT hash FROM granskning WHERE kedja = $1 AND seq = $2",
            &[kedja.into(), (sista - 1).into()],
        )
        .await
        .unwrap()
        .unwrap()
        .text("hash")
        .unwrap();
    store
        .bakdorr()
        .execute(
            "DELETE FROM granskning WHERE kedja = $1 AND seq = $2",
            &[kedja.into(), sista.into()],
        )
        .await
        .unwrap();
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET seq = $1, hash = $2 WHERE kedja = $3",
            &[(sista - 1).into(), fore.as_str().into(), kedja.into()],
        )
        .await
        .unwrap();
    let ut = kor("verify-log");
    let text = String::from_utf8_lossy(&ut.stdout).to_string();
    assert!(!ut.status.success(), "{text}");
    assert!(
        text.contains(&format!("bruten i kedja {kedja} vid post {sista}"))
            && text.contains("enligt ankaret"),
        "{text}"
    );
}
pa_bada!(verify_log_med_nyckel_och_ankarfil);

fn brott(k: Loggkontroll) -> (i64, i64, &'static str) {
    match k {
        Loggkontroll::Bruten {
            kedja, seq, orsak, ..
        } => (kedja, seq, orsak),
        hel => panic!("the tampering went unnoticed: {hel:?}"),
    }
}

async fn kontroll(store: &Store, kommun: lots_domain::ids::KommunId) -> Loggkontroll {
    store.granskning().verifiera_logg(kommun).await.unwrap()
}

async fn antal_rader(store: &Store, sql: &'static str) -> i64 {
    store
        .bakdorr()
        .fetch_optional(sql, &[])
        .await
        .unwrap()
        .unwrap()
        .int("n")
        .unwrap()
}

/// A list's records are one row, each record held by the row's hash: changed,
/// removed, added, reordered or stray records are found; loggkontroll still
/// answers per record.
async fn listans_poster_ar_en_rad_och_haller(db: Db) {
    use lots_domain::ids::PersonId;
    let (logg, store) = Logg::ny(db, false).await;
    let personer: Vec<PersonId> = (0..4).map(|_| PersonId::ny()).collect();
    let mut poster: Vec<Granskningspost> = personer
        .iter()
        .enumerate()
        .map(|(i, p)| {
            Granskningspost::ny("test.lista")
                .person(*p, i == 2)
                .utanfor(i == 1)
        })
        .collect();
    // A record shown twice is named once.
    poster.push(poster[0].clone());
    let nu = time::OffsetDateTime::now_utc();
    store
        .granskning()
        .logga_lasning(&logg.aktor, &poster, nu)
        .await
        .unwrap();
    logg.las(&store, 1).await.unwrap();
    assert_eq!(
        antal_rader(&store, "SELECT COUNT(*) AS n FROM granskning").await,
        2
    );
    assert_eq!(
        antal_rader(&store, "SELECT COUNT(*) AS n FROM granskning_post").await,
        4
    );
    let v = store
        .granskning()
        .verifiera_logg_utforligt(logg.kommun)
        .await
        .unwrap();
    assert_eq!(v.resultat, Loggkontroll::Hel { poster: 2 });
    assert_eq!(v.listposter, 4);

    // Loggkontroll, per record: by person, by flag, and everything.
    let filter = |person: Option<PersonId>, utanfor: bool, skyddade: bool| lots_store::Loggfilter {
        fran: nu - time::Duration::hours(1),
        till: nu + time::Duration::hours(1),
        person,
        anvandare: None,
        bara_utanfor: utanfor,
        bara_skyddade: skyddade,
    };
    let sok = |f: lots_store::Loggfilter| {
        let store = store.clone();
        let kommun = logg.kommun;
        async move {
            store
                .granskning()
                .sok_logg(kommun, &f, 100)
                .await
                .unwrap()
                .into_iter()
                .map(|r| (r.handling, r.person))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        sok(filter(Some(personer[3]), false, false)).await,
        [("test.lista".to_string(), Some(personer[3]))]
    );
    assert_eq!(
        sok(filter(None, true, false)).await,
        [("test.lista".to_string(), Some(personer[1]))]
    );
    assert_eq!(
        sok(filter(None, false, true)).await,
        [("test.lista".to_string(), Some(personer[2]))]
    );
    let alla = sok(filter(None, false, false)).await;
    assert_eq!(alla.len(), 5, "{alla:?}");
    for p in &personer {
        assert!(alla.contains(&("test.lista".to_string(), Some(*p))));
    }
    assert_eq!(
        store
            .granskning()
            .granskningar_for_person(personer[0])
            .await
            .unwrap(),
        [("test.lista".to_string(), logg.aktor.id)]
    );
    let sett = store
        .granskning()
        .granskningar_for_anvandare(logg.aktor.id)
        .await
        .unwrap();
    assert_eq!(sett.len(), 5);

    let k = logg.kommun.to_string();
    let lista = store
        .bakdorr()
        .fetch_optional("SELECT id FROM granskning WHERE kedja = 0 AND seq = 1", &[])
        .await
        .unwrap()
        .unwrap()
        .text("id")
        .unwrap();
    let andrad = (0, 1, "posten eller en post i dess lista har ändrats");
    // A record changed: another person, or a flag dropped.
    let annan = PersonId::ny().to_string();
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_post SET person = $1 WHERE nr = 2",
            &[annan.as_str().into()],
        )
        .await
        .unwrap();
    assert_eq!(brott(kontroll(&store, logg.kommun).await), andrad);
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_post SET person = $1 WHERE nr = 2",
            &[personer[1].to_string().into()],
        )
        .await
        .unwrap();
    assert_eq!(
        kontroll(&store, logg.kommun).await,
        Loggkontroll::Hel { poster: 2 }
    );
    store
        .bakdorr()
        .execute("UPDATE granskning_post SET skyddad = 0 WHERE nr = 3", &[])
        .await
        .unwrap();
    assert_eq!(brott(kontroll(&store, logg.kommun).await), andrad);
    store
        .bakdorr()
        .execute("UPDATE granskning_post SET skyddad = 1 WHERE nr = 3", &[])
        .await
        .unwrap();
    // A record removed, with the count moved along or not.
    store
        .bakdorr()
        .execute("DELETE FROM granskning_post WHERE nr = 4", &[])
        .await
        .unwrap();
    assert_eq!(brott(kontroll(&store, logg.kommun).await), andrad);
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET poster = 3 WHERE id = $1",
            &[lista.as_str().into()],
        )
        .await
        .unwrap();
    assert_eq!(brott(kontroll(&store, logg.kommun).await), andrad);
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET poster = 4 WHERE id = $1",
            &[lista.as_str().into()],
        )
        .await
        .unwrap();
    let infoga = "INSERT INTO granskning_post (kommun, granskning, nr, person, arende, utanfor, skyddad) \
                  VALUES ($1, $2, $3, $4, NULL, 0, 0)";
    store
        .bakdorr()
        .execute(
            infoga,
            &[
                k.as_str().into(),
                lista.as_str().into(),
                4.into(),
                personer[3].to_string().into(),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        kontroll(&store, logg.kommun).await,
        Loggkontroll::Hel { poster: 2 }
    );
    // Two records swapped.
    for sql in [
        "UPDATE granskning_post SET nr = 0 WHERE nr = 1",
        "UPDATE granskning_post SET nr = 1 WHERE nr = 4",
        "UPDATE granskning_post SET nr = 4 WHERE nr = 0",
    ] {
        store.bakdorr().execute(sql, &[]).await.unwrap();
    }
    assert_eq!(brott(kontroll(&store, logg.kommun).await), andrad);
    for sql in [
        "UPDATE granskning_post SET nr = 0 WHERE nr = 1",
        "UPDATE granskning_post SET nr = 1 WHERE nr = 4",
        "UPDATE granskning_post SET nr = 4 WHERE nr = 0",
    ] {
        store.bakdorr().execute(sql, &[]).await.unwrap();
    }
    assert_eq!(
        kontroll(&store, logg.kommun).await,
        Loggkontroll::Hel { poster: 2 }
    );
    // A record added to the list, with the count moved along or not.
    let ny = PersonId::ny().to_string();
    store
        .bakdorr()
        .execute(
            infoga,
            &[
                k.as_str().into(),
                lista.as_str().into(),
                5.into(),
                ny.as_str().into(),
            ],
        )
        .await
        .unwrap();
    assert_eq!(brott(kontroll(&store, logg.kommun).await), andrad);
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET poster = 5 WHERE id = $1",
            &[lista.as_str().into()],
        )
        .await
        .unwrap();
    assert_eq!(brott(kontroll(&store, logg.kommun).await), andrad);
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET poster = 4 WHERE id = $1",
            &[lista.as_str().into()],
        )
        .await
        .unwrap();
    store
        .bakdorr()
        .execute("DELETE FROM granskning_post WHERE nr = 5", &[])
        .await
        .unwrap();
    assert_eq!(
        kontroll(&store, logg.kommun).await,
        Loggkontroll::Hel { poster: 2 }
    );
    // A record given to the plain row after it.
    let enkel = store
        .bakdorr()
        .fetch_optional("SELECT id FROM granskning WHERE kedja = 0 AND seq = 2", &[])
        .await
        .unwrap()
        .unwrap()
        .text("id")
        .unwrap();
    store
        .bakdorr()
        .execute(
            infoga,
            &[
                k.as_str().into(),
                enkel.as_str().into(),
                1.into(),
                ny.as_str().into(),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        brott(kontroll(&store, logg.kommun).await),
        (0, 2, "posten har ändrats")
    );
    // A record of no row at all.
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_post SET granskning = $1 WHERE granskning = $2",
            &[
                uuid::Uuid::now_v7().to_string().into(),
                enkel.as_str().into(),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        brott(kontroll(&store, logg.kommun).await),
        (0, 0, "en post i en lista hör inte till någon rad i loggen")
    );
}
pa_bada!(listans_poster_ar_en_rad_och_haller);

/// A valid personnummer from a pattern, by fixing its check digit (Luhn).
fn giltigt(nummer: &str) -> String {
    let siffror: String = nummer.chars().filter(|c| c.is_ascii_digit()).collect();
    let summa: u32 = siffror[2..11]
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap() * if i % 2 == 0 { 2 } else { 1 };
            d / 10 + d % 10
        })
        .sum();
    let kontroll = (10 - summa % 10) % 10;
    format!("{}-{}{kontroll}", &siffror[..8], &siffror[8..11])
}

fn idag() -> String {
    lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc()).to_string()
}

/// The chain a case's steps are logged in (see `kedja.rs`): placement only, the
/// log does not depend on it, but the tests use it to know where a case's rows are.
fn kedja_for(arende: &str) -> i64 {
    1 + (uuid::Uuid::parse_str(arende).unwrap().as_u128() % 8) as i64
}

/// An app with `n` persons and a case each, the handläggare's: registered (a
/// step's rows in the case's chain), opened (reads in chain 0, the first naming
/// the steps' chains' heads), then a journal entry each (naming chain 0's head).
async fn med_kedjor(db: Db, n: usize) -> (TestApp, Klient, Vec<(String, String, String)>) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let mut fall = vec![];
    for i in 0..n {
        let nummer = giltigt(&format!("198002{:02}-1230", i + 1));
        let p = registrera_person(&hl, &nummer, "Kedja", &format!("Person{i}")).await;
        let a = registrera_ansokan(
            &app,
            &hl,
            &p,
            "oppenvardsbehandling",
            "2026-03-02",
            "handlaggare",
        )
        .await;
        fall.push((nummer, p, a));
    }
    for (_, _, a) in &fall {
        let (s, _) = hl.get(&format!("/arenden/{a}")).await;
        assert_eq!(s, 200);
    }
    for (_, _, a) in &fall {
        hl.steg(
            a,
            "journal",
            &[("datum", "2026-03-03"), ("text", "Samtal.")],
        )
        .await;
    }
    (app, hl, fall)
}

/// Rows naming other chains' heads: (chain of the naming row, named chain, named seq).
async fn hanvisningar(store: &Store) -> Vec<(i64, i64, i64)> {
    let mut ut = vec![];
    for r in store
        .bakdorr()
        .fetch_all(
            "SELECT kedja, hanvisningar FROM granskning WHERE hanvisningar IS NOT NULL ORDER BY kedja, seq",
            &[],
        )
        .await
        .unwrap()
    {
        let fran = r.int("kedja").unwrap();
        for del in r.text("hanvisningar").unwrap().split(' ') {
            let mut f = del.split(':');
            let kedja = f.next().unwrap().parse().unwrap();
            let seq = f.next().unwrap().parse().unwrap();
            ut.push((fran, kedja, seq));
        }
    }
    ut
}

/// Cuts chain `kedja` back to the rows before `fran`, head moved along: what an
/// attacker would do to hide the newest rows.
async fn kapa(store: &Store, kedja: i64, fran: i64) {
    store
        .bakdorr()
        .execute(
            "DELETE FROM granskning_post WHERE granskning IN (SELECT id FROM granskning WHERE kedja = $1 AND seq >= $2)",
            &[kedja.into(), fran.into()],
        )
        .await
        .unwrap();
    store
        .bakdorr()
        .execute(
            "DELETE FROM granskning WHERE kedja = $1 AND seq >= $2",
            &[kedja.into(), fran.into()],
        )
        .await
        .unwrap();
    let hash = store
        .bakdorr()
        .fetch_optional(
            "SELECT hash FROM granskning WHERE kedja = $1 AND seq = $2",
            &[kedja.into(), (fran - 1).into()],
        )
        .await
        .unwrap()
        .map(|r| r.text("hash").unwrap())
        .unwrap_or_else(|| "0".repeat(64));
    store
        .bakdorr()
        .execute(
            "UPDATE granskning_kedja SET seq = $1, hash = $2 WHERE kedja = $3",
            &[(fran - 1).into(), hash.as_str().into(), kedja.into()],
        )
        .await
        .unwrap();
}

/// Steps are logged in their cases' chains, reads in chain 0, and the chains
/// name each other's heads; a row changed, reordered or removed in a step's
/// chain is found there.
async fn andrad_omflyttad_eller_borttagen_post_i_en_arendekedja_upptacks(db: Db) {
    let (app, _hl, fall) = med_kedjor(db, 4).await;
    let store = &app.store;
    let kommun = app.org.kommun;
    let alla = antal_rader(store, "SELECT COUNT(*) AS n FROM granskning").await;
    let v = store
        .granskning()
        .verifiera_logg_utforligt(kommun)
        .await
        .unwrap();
    assert_eq!(v.resultat, Loggkontroll::Hel { poster: alla });
    // Each case's steps are in its chain.
    for (_, _, a) in &fall {
        let kedjor = store
            .bakdorr()
            .fetch_all(
                "SELECT DISTINCT kedja FROM granskning WHERE arende = $1 AND handling = 'arende.journal'",
                &[a.as_str().into()],
            )
            .await
            .unwrap();
        assert_eq!(kedjor.len(), 1);
        assert_eq!(kedjor[0].int("kedja").unwrap(), kedja_for(a));
    }
    let mut kedjor: Vec<i64> = fall.iter().map(|(_, _, a)| kedja_for(a)).collect();
    kedjor.sort();
    kedjor.dedup();
    assert_eq!(v.kedjor, kedjor.len() + 1, "the cases' chains and chain 0");
    // Chain 0 names the steps' chains; the later steps name chain 0.
    let namnda = hanvisningar(store).await;
    for k in &kedjor {
        assert!(namnda.iter().any(|(fran, till, _)| *fran == 0 && till == k));
    }
    assert!(
        namnda
            .iter()
            .any(|(fran, till, _)| *fran != 0 && *till == 0)
    );
    assert!(v.hanvisningar >= namnda.len());

    let kedja = kedja_for(&fall[0].2);
    // Changed, then restored.
    let handling = store
        .bakdorr()
        .fetch_optional(
            "SELECT handling FROM granskning WHERE kedja = $1 AND seq = 2",
            &[kedja.into()],
        )
        .await
        .unwrap()
        .unwrap()
        .text("handling")
        .unwrap();
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET handling = 'manipulerad' WHERE kedja = $1 AND seq = 2",
            &[kedja.into()],
        )
        .await
        .unwrap();
    assert_eq!(
        brott(kontroll(store, kommun).await),
        (kedja, 2, "posten har ändrats")
    );
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET handling = $1 WHERE kedja = $2 AND seq = 2",
            &[handling.as_str().into(), kedja.into()],
        )
        .await
        .unwrap();
    assert_eq!(
        kontroll(store, kommun).await,
        Loggkontroll::Hel { poster: alla }
    );
    // Reordered: rows 1 and 2 swap places.
    let byt = [
        "UPDATE granskning SET seq = -1 WHERE kedja = $1 AND seq = 1",
        "UPDATE granskning SET seq = 1 WHERE kedja = $1 AND seq = 2",
        "UPDATE granskning SET seq = 2 WHERE kedja = $1 AND seq = -1",
    ];
    for sql in byt {
        store.bakdorr().execute(sql, &[kedja.into()]).await.unwrap();
    }
    assert_eq!(
        brott(kontroll(store, kommun).await),
        (kedja, 1, "posten har ändrats")
    );
    for sql in byt {
        store.bakdorr().execute(sql, &[kedja.into()]).await.unwrap();
    }
    assert_eq!(
        kontroll(store, kommun).await,
        Loggkontroll::Hel { poster: alla }
    );
    // Removed.
    store
        .bakdorr()
        .execute(
            "DELETE FROM granskning WHERE kedja = $1 AND seq = 1",
            &[kedja.into()],
        )
        .await
        .unwrap();
    assert_eq!(
        brott(kontroll(store, kommun).await),
        (kedja, 1, "en post saknas")
    );
}
pa_bada!(andrad_omflyttad_eller_borttagen_post_i_en_arendekedja_upptacks);

/// A chain cut short with its head moved back, without an anchor file: found
/// from another chain's row that named the lost head, for a step's chain and
/// for chain 0 alike.
async fn kapad_kedja_upptacks_av_en_annan_kedjas_hanvisning(db: Db) {
    for kapad in [1, 0] {
        let (app, _hl, _fall) = med_kedjor(db, 3).await;
        let store = &app.store;
        assert!(
            store
                .granskning()
                .verifiera_logg_utforligt(app.org.kommun)
                .await
                .unwrap()
                .utan_ankarfil
        );
        assert!(matches!(
            kontroll(store, app.org.kommun).await,
            Loggkontroll::Hel { .. }
        ));
        // A head of a step's chain that chain 0 named (kapad = 1), or chain 0's
        // head that a step named (kapad = 0).
        let (_, kedja, seq) = hanvisningar(store)
            .await
            .into_iter()
            .find(|(fran, till, _)| (kapad == 0) == (*fran != 0) && (kapad == 0) == (*till == 0))
            .expect("a chain names another");
        kapa(store, kedja, seq).await;
        assert_eq!(
            brott(kontroll(store, app.org.kommun).await),
            (kedja, seq, "poster i slutet saknas enligt en annan kedja")
        );
    }
}
pa_bada!(kapad_kedja_upptacks_av_en_annan_kedjas_hanvisning);

/// Journal entries on 16 cases at once: the steps' audit rows go in their cases'
/// chains in parallel (on PostgreSQL none waits for another chain's head), and
/// the log holds, with one row per entry.
async fn samtidiga_steg_pa_olika_arenden_ger_en_hel_logg(db: Db) {
    let (app, hl, fall) = med_kedjor(db, 16).await;
    let store = &app.store;
    let journal = "SELECT COUNT(*) AS n FROM granskning WHERE handling = 'arende.journal'";
    let fore = antal_rader(store, journal).await;
    assert_eq!(fore, 16);
    let hl = std::sync::Arc::new(hl);
    let mut uppgifter = vec![];
    for (_, _, a) in fall.clone() {
        let hl = hl.clone();
        uppgifter.push(tokio::spawn(async move {
            hl.steg(
                &a,
                "journal",
                &[("datum", "2026-03-04"), ("text", "Samtidigt.")],
            )
            .await;
        }));
    }
    // Reads at the same time: chain 0 is written while the steps' chains are.
    let las = {
        let hl = hl.clone();
        let fall = fall.clone();
        tokio::spawn(async move {
            for (_, _, a) in &fall {
                let (s, _) = hl.get(&format!("/arenden/{a}")).await;
                assert_eq!(s, 200);
            }
        })
    };
    for u in uppgifter {
        u.await.unwrap();
    }
    las.await.unwrap();
    assert_eq!(antal_rader(store, journal).await, 32);
    let alla = antal_rader(store, "SELECT COUNT(*) AS n FROM granskning").await;
    let v = store
        .granskning()
        .verifiera_logg_utforligt(app.org.kommun)
        .await
        .unwrap();
    assert_eq!(v.resultat, Loggkontroll::Hel { poster: alla });
    let mut kedjor: Vec<i64> = fall.iter().map(|(_, _, a)| kedja_for(a)).collect();
    kedjor.sort();
    kedjor.dedup();
    assert_eq!(v.kedjor, kedjor.len() + 1);
    // Each case has its two entries, in its chain.
    for (_, _, a) in &fall {
        let rader = store
            .bakdorr()
            .fetch_all(
                "SELECT kedja FROM granskning WHERE arende = $1 AND handling = 'arende.journal'",
                &[a.as_str().into()],
            )
            .await
            .unwrap();
        assert_eq!(rader.len(), 2);
        assert!(
            rader
                .iter()
                .all(|r| r.int("kedja").unwrap() == kedja_for(a))
        );
    }
    app.kontrollera_invarianter().await;
}
pa_bada!(samtidiga_steg_pa_olika_arenden_ger_en_hel_logg);

/// Writes that name no case (here registerutdrag requests, 24 at once) no longer
/// queue on one chain: each transaction takes one of the write chains, 1–8, and the
/// log holds. Before 5 December 2026 every such write went in chain 9, each waiting
/// for the one before to commit.
async fn skrivningar_utan_arende_sprids_over_kedjorna(db: Db) {
    let (app, hl, fall) = med_kedjor(db, 4).await;
    let store = &app.store;
    let idag = idag();
    let hl = std::sync::Arc::new(hl);
    let mut uppgifter = vec![];
    for i in 0..24 {
        let (hl, p, idag) = (hl.clone(), fall[i % fall.len()].1.clone(), idag.clone());
        uppgifter.push(tokio::spawn(async move {
            let (s, _, body) = hl
                .post(
                    &format!("/personer/{p}/registerutdrag/ny"),
                    &[("mottagen", idag.as_str()), ("kanal", "brev")],
                )
                .await;
            assert_eq!(s, 303, "{}", utdrag(&body));
        }));
    }
    for u in uppgifter {
        u.await.unwrap();
    }
    let rader = store
        .bakdorr()
        .fetch_all(
            "SELECT kedja FROM granskning WHERE handling LIKE 'registerutdrag.registrerad:%' AND arende IS NULL",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(rader.len(), 24);
    let kedjor: std::collections::BTreeSet<i64> =
        rader.iter().map(|r| r.int("kedja").unwrap()).collect();
    assert!(
        kedjor.iter().all(|k| (1..=8).contains(k)),
        "in the write chains: {kedjor:?}"
    );
    // 24 draws of 8 all in one chain: once in 8^23.
    assert!(kedjor.len() > 1, "spread: {kedjor:?}");
    let alla = antal_rader(store, "SELECT COUNT(*) AS n FROM granskning").await;
    assert_eq!(
        kontroll(store, app.org.kommun).await,
        Loggkontroll::Hel { poster: alla }
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(skrivningar_utan_arende_sprids_over_kedjorna);

/// The start page with N cases writes one audit row naming the N cases, and
/// loggkontroll still finds each person, on the page and one CSV line per record.
async fn startsidan_ar_en_rad_och_loggkontrollen_hittar_varje_person(db: Db) {
    let (app, hl, fall) = med_kedjor(db, 5).await;
    let store = &app.store;
    let lista = "SELECT COUNT(*) AS n FROM granskning WHERE handling = 'start.lista'";
    let fore = antal_rader(store, lista).await;
    let (s, _) = hl.get("/").await;
    assert_eq!(s, 200);
    assert_eq!(antal_rader(store, lista).await, fore + 1);
    let rad = store
        .bakdorr()
        .fetch_optional(
            "SELECT id, poster, person, arende FROM granskning WHERE handling = 'start.lista' \
             ORDER BY kedja DESC, seq DESC LIMIT 1",
            &[],
        )
        .await
        .unwrap()
        .unwrap();
    assert!(rad.opt_text("person").unwrap().is_none());
    assert!(rad.opt_text("arende").unwrap().is_none());
    let poster = store
        .bakdorr()
        .fetch_all(
            "SELECT person, arende FROM granskning_post WHERE granskning = $1 ORDER BY nr",
            &[rad.text("id").unwrap().into()],
        )
        .await
        .unwrap();
    assert_eq!(poster.len() as i64, rad.int("poster").unwrap());
    let mut visade: Vec<String> = poster.iter().map(|r| r.text("arende").unwrap()).collect();
    visade.sort();
    visade.dedup();
    let mut arenden: Vec<String> = fall.iter().map(|(_, _, a)| a.clone()).collect();
    arenden.sort();
    assert_eq!(visade, arenden, "the start page's one row names every case");
    assert_eq!(poster.len(), fall.len(), "each case once");
    assert!(matches!(
        kontroll(store, app.org.kommun).await,
        Loggkontroll::Hel { .. }
    ));
    // Who saw each person: the start page's row answers for every one of them.
    let gr = app.klient("granskare").await;
    for (nummer, p, a) in &fall {
        let (s, _, body) = gr
            .post(
                "/loggkontroll",
                &[
                    ("fraga", "person"),
                    ("personnummer", nummer),
                    ("fran", &idag()),
                    ("till", &idag()),
                    ("format", "sida"),
                ],
            )
            .await;
        assert_eq!(s, 200, "{}", utdrag(&body));
        assert!(
            body.contains("Såg ärendet på startsidan"),
            "{}",
            utdrag(&body)
        );
        assert!(body.contains(a.as_str()));
        let logg = store
            .granskning()
            .granskningar_for_person(p.parse().unwrap())
            .await
            .unwrap();
        assert!(
            logg.iter()
                .any(|(h, u)| h == "start.lista" && *u == app.org.anv("handlaggare").id)
        );
    }
    // What the handläggare saw, as CSV: one line per case the start page showed.
    let (s, _, csv) = gr
        .post(
            "/loggkontroll",
            &[
                ("fraga", "anvandare"),
                ("anvandare", &app.org.anv("handlaggare").id.to_string()),
                ("fran", &idag()),
                ("till", &idag()),
                ("format", "csv"),
            ],
        )
        .await;
    assert_eq!(s, 200);
    let startrader: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("Såg ärendet på startsidan"))
        .collect();
    let hl_id = app.org.anv("handlaggare").id.to_string();
    let listposter = store
        .bakdorr()
        .fetch_optional(
            "SELECT COUNT(*) AS n FROM granskning_post r JOIN granskning g ON g.id = r.granskning \
             WHERE g.handling = 'start.lista' AND g.anvandare = $1",
            &[hl_id.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap()
        .int("n")
        .unwrap();
    let enkla = store
        .bakdorr()
        .fetch_optional(
            "SELECT COUNT(*) AS n FROM granskning WHERE handling = 'start.lista' \
             AND anvandare = $1 AND poster IS NULL",
            &[hl_id.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap()
        .int("n")
        .unwrap();
    assert_eq!(startrader.len() as i64, listposter + enkla);
    for a in &arenden {
        assert!(startrader.iter().any(|l| l.contains(a.as_str())), "{a}");
    }
}
pa_bada!(startsidan_ar_en_rad_och_loggkontrollen_hittar_varje_person);

/// Once the log is keyed, a chain of unkeyed rows added behind Lots's back,
/// hashed right and with its head, is found: no keyed row ever named it.
async fn tillagd_onycklad_kedja_upptacks(db: Db) {
    let (logg, store) = Logg::ny(db, true).await;
    logg.las(&store, 3).await.unwrap();
    assert_eq!(logg.antal(&store).await, 3);
    let k = logg.kommun.to_string();
    let a = &logg.aktor;
    store
        .bakdorr()
        .execute(
            "INSERT INTO granskning (id, kommun, tidpunkt, anvandare, roll, enhet, handling, utanfor, skyddad, kedja, seq, prev_hash, hash) \
             VALUES ($1, $2, '2026-01-01T00:00:00Z', $3, 'HL', $4, 'arende.visa', 0, 0, 5, 1, $5, '')",
            &[
                uuid::Uuid::now_v7().to_string().into(),
                k.as_str().into(),
                a.id.to_string().into(),
                a.enhet.to_string().into(),
                "0".repeat(64).into(),
            ],
        )
        .await
        .unwrap();
    let rad = store
        .bakdorr()
        .fetch_optional(
            "SELECT kedja, seq, tidpunkt, anvandare, roll, enhet, handling, person, arende, skal, utanfor, skyddad, \
             poster, hanvisningar FROM granskning WHERE kedja = 5",
            &[],
        )
        .await
        .unwrap()
        .unwrap();
    let hash = lots_store::provning::granskning_radhash(&rad, &[], &"0".repeat(64), &k).unwrap();
    store
        .bakdorr()
        .execute(
            "UPDATE granskning SET hash = $1 WHERE kedja = 5",
            &[hash.as_str().into()],
        )
        .await
        .unwrap();
    store
        .bakdorr()
        .execute(
            "INSERT INTO granskning_kedja (kommun, kedja, seq, hash) VALUES ($1, 5, 1, $2)",
            &[k.as_str().into(), hash.as_str().into()],
        )
        .await
        .unwrap();
    // Without the key the added chain is consistent.
    let utan_nyckel = Store::anslut(&logg.url).await.unwrap();
    assert_eq!(logg.antal(&utan_nyckel).await, 4);
    assert_eq!(
        brott(kontroll(&store, logg.kommun).await),
        (5, 1, "posten saknar nyckelstämpel")
    );
}
pa_bada!(tillagd_onycklad_kedja_upptacks);

/// Two Lots processes on one database (two stores here) log reads in turn and at
/// once. On PostgreSQL each process appends its reads from where it last left
/// chain 0's head, in one statement; the other's rows in between move the head,
/// and the append must find that out and take the locked way, not fork the chain.
/// Every row is there once and the log holds. And a process without the key,
/// whose last append left chain 0 unkeyed and whose head has not moved since,
/// still refuses its next read once another process has keyed any chain of the
/// kommun, here one chain 0 is not.
async fn tva_processer_skriver_lasloggen_i_tur_och_samtidigt(db: Db) {
    let (logg, a) = Logg::ny(db, false).await;
    let b = Store::anslut(&logg.url).await.unwrap();
    for _ in 0..3 {
        logg.las(&a, 2).await.unwrap();
        logg.las(&b, 3).await.unwrap();
    }
    assert_eq!(logg.antal(&a).await, 15);
    let mut samtidiga = vec![];
    for i in 0..24 {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        let aktor = logg.aktor.clone();
        samtidiga.push(tokio::spawn(async move {
            let post = Granskningspost::ny(format!("test.samtidig.{i}"));
            store
                .granskning()
                .logga_lasning(&aktor, &[post], time::OffsetDateTime::now_utc())
                .await
        }));
    }
    for s in samtidiga {
        s.await.unwrap().unwrap();
    }
    let alla = antal_rader(&a, "SELECT COUNT(*) AS n FROM granskning").await;
    assert_eq!(alla, 39);
    assert_eq!(logg.antal(&b).await, 39);
    let samtidiga = antal_rader(
        &a,
        "SELECT COUNT(DISTINCT handling) AS n FROM granskning WHERE handling LIKE 'test.samtidig.%'",
    )
    .await;
    assert_eq!(samtidiga, 24, "every read once");
    // a's head is where a left it; another process, with the key, writes in a write chain.
    logg.las(&a, 1).await.unwrap();
    let nycklad = logg.store(false).await;
    nycklad
        .organisation()
        .spara_namnduppgifter(
            logg.kommun,
            &crate::hjalp::namnduppgifter(),
            Some(&logg.aktor),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let k = logg.kommun.to_string();
    let nycklade_kedjor = store_rader(
        &nycklad,
        "SELECT kedja FROM granskning_kedja WHERE kommun = $1 AND nycklad_fran IS NOT NULL",
        &k,
    )
    .await;
    assert_eq!(nycklade_kedjor.len(), 1);
    assert_ne!(nycklade_kedjor[0], 0, "chain 0 is not keyed yet");
    assert!(matches!(
        logg.las(&a, 1).await,
        Err(lots_store::StoreError::Loggning(_))
    ));
    assert!(matches!(
        logg.las(&b, 1).await,
        Err(lots_store::StoreError::Loggning(_))
    ));
    // The keyed process reads: chain 0 is keyed from here, and the log holds.
    logg.las(&nycklad, 2).await.unwrap();
    let alla = antal_rader(&a, "SELECT COUNT(*) AS n FROM granskning").await;
    assert_eq!(alla, 39 + 1 + 1 + 2);
    let v = nycklad
        .granskning()
        .verifiera_logg_utforligt(logg.kommun)
        .await
        .unwrap();
    assert_eq!(v.resultat, Loggkontroll::Hel { poster: alla });
}
pa_bada!(tva_processer_skriver_lasloggen_i_tur_och_samtidigt);

async fn store_rader(store: &Store, sql: &'static str, kommun: &str) -> Vec<i64> {
    store
        .bakdorr()
        .fetch_all(sql, &[kommun.into()])
        .await
        .unwrap()
        .iter()
        .map(|r| r.int("kedja").unwrap())
        .collect()
}

/// The case page's reads and a step run while the read of the case is being logged
/// (`atkomst::oppna_arende_och`), but nothing leaves before the log holds the read:
/// when it cannot be written (here: the log has been keyed by another process and
/// this server has no key, so it must refuse to write unkeyed rows), the case page,
/// the step's form and the step answer with an error that shows nothing of the
/// case, and the step is not kept.
async fn utan_loggad_lasning_visas_inget_av_arendet(db: Db) {
    let (app, hl, fall) = med_kedjor(db, 1).await;
    let (_, _, a) = &fall[0];
    let journal = "SELECT COUNT(*) AS n FROM handelse WHERE kind = 'journal_antecknad'";
    let fore = antal_rader(&app.store, journal).await;
    let (status, sida) = hl.get(&format!("/arenden/{a}")).await;
    assert_eq!(status, 200);
    assert!(
        sida.contains("Person0"),
        "the page shows the case when logged"
    );
    let nycklad = Store::anslut_med(app.dburl(), sakring(None)).await.unwrap();
    let aktor = Aktor::from(app.org.anv("handlaggare"));
    nycklad
        .granskning()
        .logga_lasning(
            &aktor,
            &[Granskningspost::ny("test.nyckel")],
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    for sokvag in [
        format!("/arenden/{a}"),
        format!("/arenden/{a}/steg/journal"),
    ] {
        let (status, sida) = hl.get(&sokvag).await;
        assert_eq!(status, 500, "{sokvag}");
        assert!(!sida.contains("Person0"), "{sokvag}: {}", utdrag(&sida));
    }
    let (status, _, sida) = hl
        .post(
            &format!("/arenden/{a}/steg/journal"),
            &[("datum", "2026-03-05"), ("text", "Utan logg.")],
        )
        .await;
    assert_eq!(status, 500);
    assert!(!sida.contains("Person0"), "{}", utdrag(&sida));
    assert_eq!(antal_rader(&app.store, journal).await, fore, "no step kept");
    // The keyed process reads the case: the log holds, keyed from here on.
    let alla = antal_rader(&app.store, "SELECT COUNT(*) AS n FROM granskning").await;
    let v = nycklad
        .granskning()
        .verifiera_logg_utforligt(app.org.kommun)
        .await
        .unwrap();
    assert_eq!(v.resultat, Loggkontroll::Hel { poster: alla });
}
pa_bada!(utan_loggad_lasning_visas_inget_av_arendet);

/// The audit rows of `handling` on case `a`: (chain, seq, time), in chain order.
async fn arendets_rader(store: &Store, a: &str, handling: &str) -> Vec<(i64, i64, String)> {
    store
        .bakdorr()
        .fetch_all(
            "SELECT kedja, seq, tidpunkt FROM granskning WHERE arende = $1 AND handling = $2 ORDER BY kedja, seq",
            &[a.into(), handling.into()],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.int("kedja").unwrap(),
                r.int("seq").unwrap(),
                r.text("tidpunkt").unwrap(),
            )
        })
        .collect()
}

/// A step taken logs the read of the case it was opened with in its own
/// transaction: the read and the step are consecutive rows of the case's chain
/// at one time, one durable commit for both. A step refused shows its form again
/// only with the read logged on its own, in the read log's chain 0, and nothing
/// of the step stored.
async fn ett_steg_loggar_sin_lasning_i_sin_egen_transaktion(db: Db) {
    let (app, hl, fall) = med_kedjor(db, 1).await;
    let (_, _, a) = &fall[0];
    let store = &app.store;
    let journal = "SELECT COUNT(*) AS n FROM handelse WHERE kind = 'journal_antecknad'";
    let lasningar = arendets_rader(store, a, "arende.steg").await;
    hl.steg(
        a,
        "journal",
        &[("datum", "2026-03-04"), ("text", "I samma transaktion.")],
    )
    .await;
    let efter = arendets_rader(store, a, "arende.steg").await;
    let nya: Vec<_> = efter.iter().filter(|r| !lasningar.contains(r)).collect();
    assert_eq!(nya.len(), 1, "one read logged for the step: {efter:?}");
    let steg = arendets_rader(store, a, "arende.journal").await;
    let sista = steg.last().unwrap();
    assert_eq!(nya[0].0, kedja_for(a), "the read is in the step's chain");
    assert_eq!(nya[0].0, sista.0);
    assert_eq!(nya[0].1 + 1, sista.1, "the read, then the step");
    assert_eq!(nya[0].2, sista.2, "one transaction, one time");

    // Refused: no text. The form comes back with the case, its read logged alone.
    let fore = antal_rader(store, journal).await;
    let (status, _, sida) = hl
        .post(
            &format!("/arenden/{a}/steg/journal"),
            &[("datum", "2026-03-04"), ("text", "")],
        )
        .await;
    assert_ne!(status, 303, "an empty entry is refused");
    assert!(sida.contains("Person0"), "{}", utdrag(&sida));
    assert_eq!(antal_rader(store, journal).await, fore, "no step kept");
    let igen = arendets_rader(store, a, "arende.steg").await;
    let nya: Vec<_> = igen.iter().filter(|r| !efter.contains(r)).collect();
    assert_eq!(
        nya.len(),
        1,
        "the form shown again is a read logged: {igen:?}"
    );
    assert_eq!(nya[0].0, 0, "logged on its own, in the read log");
    let alla = antal_rader(store, "SELECT COUNT(*) AS n FROM granskning").await;
    assert_eq!(
        kontroll(store, app.org.kommun).await,
        Loggkontroll::Hel { poster: alla }
    );
}
pa_bada!(ett_steg_loggar_sin_lasning_i_sin_egen_transaktion);
