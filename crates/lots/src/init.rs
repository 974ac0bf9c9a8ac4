//! `lots init`: sets up a kommun on an empty database, with the nämnd's particulars the
//! letters need and the first systemförvaltare, who activates their own account through a
//! one-time link. Nothing else creates a kommun outside the demo.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, bail};
use lots_domain::ids::{AnvandarId, EnhetId, KommunId};
use lots_domain::organisation::Roll;
use lots_store::{Anvandare, Namnduppgifter, Store};

/// What `lots init` asks for; each also from a flag or the environment (for automation).
#[derive(clap::Args, Debug)]
pub struct Init {
    /// The kommun's four-digit code (SCB), e.g. 2480.
    #[arg(long, env = "LOTS_INIT_KOMMUNKOD")]
    kommunkod: Option<String>,
    /// The kommun's name, e.g. "Umeå kommun".
    #[arg(long, env = "LOTS_INIT_KOMMUN")]
    kommun: Option<String>,
    /// The nämnd's name as printed on letters, e.g. "Socialnämnden".
    #[arg(long, env = "LOTS_INIT_NAMND")]
    namnd: Option<String>,
    /// The nämnd's postal address; lines separated by "|", e.g. "Box 1|901 84 Umeå".
    #[arg(long, env = "LOTS_INIT_ADRESS")]
    adress: Option<String>,
    /// The nämnd's phone number for the person.
    #[arg(long, env = "LOTS_INIT_TELEFON")]
    telefon: Option<String>,
    /// The nämnd's e-mail for non-sensitive questions (may be empty).
    #[arg(long, env = "LOTS_INIT_EPOST")]
    epost: Option<String>,
    /// The förvaltningsrätt that hears appeals, e.g. "Förvaltningsrätten i Umeå".
    #[arg(long, env = "LOTS_INIT_FORVALTNINGSRATT")]
    forvaltningsratt: Option<String>,
    /// The first part of every diarienummer.
    #[arg(long, env = "LOTS_INIT_DIARIEPREFIX", default_value = "SN")]
    diarieprefix: String,
    /// The first enhet, where the systemförvaltare's account sits.
    #[arg(long, env = "LOTS_INIT_ENHET")]
    enhet: Option<String>,
    /// The first systemförvaltare's user name.
    #[arg(long, env = "LOTS_INIT_ANVANDARNAMN")]
    anvandarnamn: Option<String>,
    /// The first systemförvaltare's full name.
    #[arg(long, env = "LOTS_INIT_NAMN")]
    namn: Option<String>,
    /// Add this kommun beside those already in the database (several kommuner on one
    /// database, issue 18 item 8); without it, init refuses a database with a kommun.
    #[arg(long)]
    ytterligare: bool,
}

/// A value from the flag or environment, else asked for on a terminal, else an error
/// naming the flag.
fn varde(given: Option<String>, fraga: &str, flagga: &str, tom_ok: bool) -> anyhow::Result<String> {
    if let Some(v) = given.map(|v| v.trim().to_owned())
        && (tom_ok || !v.is_empty())
    {
        return Ok(v);
    }
    if !std::io::stdin().is_terminal() {
        if tom_ok {
            return Ok(String::new());
        }
        bail!("{fraga} saknas: ange --{flagga}");
    }
    loop {
        print!("{fraga}: ");
        std::io::stdout().flush()?;
        let mut rad = String::new();
        if std::io::stdin().lock().read_line(&mut rad)? == 0 {
            bail!("{fraga} saknas: ange --{flagga}");
        }
        let rad = rad.trim().to_owned();
        if tom_ok || !rad.is_empty() {
            return Ok(rad);
        }
    }
}

fn kontrollera(namn: &str, v: &str, max: usize) -> anyhow::Result<()> {
    if v.chars().count() > max || v.chars().any(char::is_control) {
        bail!("{namn} får vara högst {max} tecken, utan radbrytningar");
    }
    Ok(())
}

/// Sets up the kommun and returns the activation link's path for the first systemförvaltare.
pub async fn init(store: &Store, i: Init) -> anyhow::Result<String> {
    if !i.ytterligare
        && let Some((_, namn)) = store.organisation().kommun().await?
    {
        bail!(
            "databasen har redan en kommun ({namn}): lots init körs bara på en tom databas (eller med --ytterligare, för ännu en kommun i samma databas)"
        );
    }
    let kod = varde(i.kommunkod, "Kommunkod (fyra siffror)", "kommunkod", false)?;
    if !lots_domain::organisation::ar_kommunkod(&kod) {
        bail!("kommunkoden ska vara fyra siffror, till exempel 2480");
    }
    if let Some(k) = store
        .organisation()
        .kommuner()
        .await?
        .into_iter()
        .find(|k| k.kod == kod)
    {
        bail!("kommunen {kod} finns redan i databasen ({})", k.namn);
    }
    let kommun = varde(i.kommun, "Kommunens namn", "kommun", false)?;
    let namnd = varde(i.namnd, "Nämndens namn", "namnd", false)?;
    let adress = varde(
        i.adress,
        "Nämndens postadress (rader åtskilda med |)",
        "adress",
        false,
    )?;
    let telefon = varde(i.telefon, "Nämndens telefon", "telefon", false)?;
    let epost = varde(i.epost, "Nämndens e-post (kan lämnas tom)", "epost", true)?;
    let forvaltningsratt = varde(
        i.forvaltningsratt,
        "Förvaltningsrätten som prövar överklaganden",
        "forvaltningsratt",
        false,
    )?;
    let enhet = varde(i.enhet, "Första enhetens namn", "enhet", false)?;
    let anvandarnamn = varde(
        i.anvandarnamn,
        "Systemförvaltarens användarnamn",
        "anvandarnamn",
        false,
    )?;
    let namn = varde(i.namn, "Systemförvaltarens namn", "namn", false)?;
    for (falt, v) in [
        ("kommunens namn", &kommun),
        ("nämndens namn", &namnd),
        ("telefon", &telefon),
        ("e-post", &epost),
        ("förvaltningsrätten", &forvaltningsratt),
        ("enhetens namn", &enhet),
        ("namnet", &namn),
    ] {
        kontrollera(falt, v, 200)?;
    }
    kontrollera("postadressen", &adress, 400)?;
    let diarieprefix = i.diarieprefix.trim().to_owned();
    if diarieprefix.is_empty()
        || diarieprefix.len() > 8
        || !diarieprefix.chars().all(|c| c.is_ascii_alphanumeric())
    {
        bail!("diarieprefixet ska vara 1–8 bokstäver eller siffror, till exempel SN");
    }
    if anvandarnamn.len() < 2
        || anvandarnamn.len() > 64
        || !anvandarnamn
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        bail!(
            "användarnamnet ska vara 2–64 tecken: a–z, 0–9, punkt, bindestreck eller understreck"
        );
    }
    let postadress: Vec<String> = adress
        .split('|')
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
        .collect();

    let kommun_id = KommunId::ny();
    store
        .organisation()
        .skapa_kommun(kommun_id, &kod, &kommun)
        .await
        .context("kunde inte skapa kommunen")?;
    let namnd_id = uuid::Uuid::now_v7();
    store
        .organisation()
        .skapa_namnd(namnd_id, kommun_id, &namnd)
        .await?;
    let enhet_id = EnhetId::ny();
    store
        .organisation()
        .skapa_enhet(enhet_id, kommun_id, namnd_id, &enhet, false)
        .await?;
    let nu = time::OffsetDateTime::now_utc();
    store
        .organisation()
        .spara_namnduppgifter(
            kommun_id,
            &Namnduppgifter {
                namnd,
                postadress,
                telefon,
                epost,
                forvaltningsratt,
                diarieprefix,
            },
            None,
            nu,
        )
        .await?;
    // No password is set here: the systemförvaltare chooses it through the link.
    let id = AnvandarId::ny();
    store
        .organisation()
        .skapa_anvandare(&Anvandare {
            id,
            kommun: kommun_id,
            enhet: enhet_id,
            anvandarnamn,
            namn,
            roll: Roll::Systemforvaltare,
            losenord: String::new(),
            aktiv: true,
            skyddad_behorighet: false,
        })
        .await?;
    Ok(lots_web::ny_aktiveringslank(store, id, id, nu).await?)
}
