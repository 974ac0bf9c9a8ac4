//! The `lots` binary: wires configuration, store and web together.

mod bench;
mod config;
mod demo;
mod init;

use std::net::SocketAddr;

use anyhow::Context;
use clap::{Parser, Subcommand};
use lots_store::Store;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "lots",
    version,
    about = "Lots – ärendehantering för socialtjänsten"
)]
struct Cli {
    /// Configuration file (TOML). Default: ./lots.toml if it exists.
    #[arg(long, global = true, env = "LOTS_CONFIG")]
    config: Option<std::path::PathBuf>,
    /// Database: a SQLite path or sqlite: URL, or a postgres:// URL. Default: ./lots.db
    #[arg(long, global = true, env = "LOTS_DATABASE_URL")]
    database: Option<String>,
    #[command(subcommand)]
    kommando: Underkommando,
}

// Parsed once at start; the size of `init`'s options costs nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Underkommando {
    /// Serve the web application.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "LOTS_LISTEN")]
        listen: Option<SocketAddr>,
        /// Migrate and fill an empty database with demo data first.
        #[arg(long)]
        demo: bool,
    },
    /// Create or update the database schema.
    Migrate,
    /// Set up a kommun on an empty database: the nämnd's particulars for the letters, a
    /// first enhet and the first systemförvaltare, who gets a one-time activation link.
    /// Asks for what no flag or environment variable gives when run on a terminal.
    Init(init::Init),
    /// Fill the configured database with a demo municipality.
    Demo {
        /// Instead of Lotsby, generate a synthetic municipality of this size:
        /// `stockholm` (150 000 persons, 500 000 cases, 1 000 staff), `medel`, `liten`,
        /// or a number of persons (cases and staff in proportion).
        #[arg(long, value_name = "NAMN|N")]
        scale: Option<String>,
    },
    /// Benchmark: serve a database filled by `lots demo --scale` and drive it with
    /// simulated staff; prints throughput, latencies, the server's memory and CPU.
    Bench {
        /// Concurrent simulated staff.
        #[arg(long, default_value_t = 32)]
        users: usize,
        /// Seconds of mixed load; each single-operation phase runs half as long.
        #[arg(long, default_value_t = 30)]
        seconds: u64,
        /// Mean pause in milliseconds between one user's requests in the phase that
        /// measures latency at a working day's pace (the saturation phases have none).
        #[arg(long, default_value_t = 1000)]
        tanketid_ms: u64,
    },
    /// The server `lots bench` starts and measures (internal).
    #[command(hide = true)]
    BenchServer {
        #[arg(long)]
        listen: SocketAddr,
        /// Reads are not audited: only for measuring what the audit costs, and
        /// refused unless every person in the database is synthetic.
        #[arg(long)]
        utan_lasgranskning: bool,
    },
    /// Check the audit log: each of its hash chains, the heads they name of each
    /// other, each row's MAC (with the key in LOTS_GRANSKNING_NYCKEL) and the
    /// anchors in the anchor file; report the first broken link (chain, place, why).
    VerifyLog,
    /// Append the audit chains' heads to the anchor file now (`serve` does it
    /// at regular intervals); for a cron job or before a backup.
    AnchorLog,
    /// Map a user to their subject at the identity provider (OIDC).
    KopplaOidc {
        /// The Lots user name.
        anvandarnamn: String,
        /// The user's kommun, by code; needed when the database holds more than one.
        #[arg(long)]
        kommun: Option<String>,
        /// The provider's `sub` (or the configured claim); empty to remove the mapping.
        subjekt: String,
    },
    /// Turn off a user's TOTP, so they set it up anew at their next login (lost phone).
    AterstallTotp {
        /// The Lots user name.
        anvandarnamn: String,
        /// The user's kommun, by code; needed when the database holds more than one.
        #[arg(long)]
        kommun: Option<String>,
    },
    /// Copy a SQLite database, consistently, while Lots serves it (PostgreSQL: pg_dump,
    /// see the README). The copy is a complete database, documents included.
    Backup {
        /// Where to write the copy; must not exist.
        till: std::path::PathBuf,
    },
    /// Gallring (SoL 16 kap.; SoF 13 kap. 1 §): list the persons whose records are due,
    /// with what would be deleted per category and why each is due, and those kept and
    /// why. Changes nothing unless `--utfor` is given; then deletes, a person at a time.
    Gallra {
        /// Delete the records listed (without it: a dry run).
        #[arg(long)]
        utfor: bool,
    },
    /// Print every setting: its flag, environment variable, lots.toml key and
    /// default (the README's table, from the same list).
    Settings,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // Bulk generation runs statements of many thousand rows on purpose: sqlx's
    // slow-statement warning would only repeat that.
    let standard = match &cli.kommando {
        Underkommando::Demo { scale: Some(_) } | Underkommando::Bench { .. } => {
            "info,sqlx=warn,sqlx::query=error"
        }
        _ => "info,sqlx=warn",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(standard));
    // LOTS_LOG_FORMAT=json: one JSON object a line, each with the request's span (its
    // id, method and route template) for a log collector. No line names a person.
    if std::env::var("LOTS_LOG_FORMAT").is_ok_and(|f| f.trim() == "json") {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    if let Underkommando::Settings = cli.kommando {
        print!("{}", config::installningstabell());
        return Ok(());
    }
    let cfg = config::Config::las(cli.config.as_deref(), cli.database.clone())?;
    let store = Store::anslut_med(&cfg.database, cfg.granskning.clone())
        .await
        .with_context(|| format!("kunde inte öppna databasen {}", cfg.database_redacted()))?
        .med_totpnycklar(cfg.totpnycklar.clone());
    match cli.kommando {
        Underkommando::Migrate => {
            store.migrera().await.context("migreringen misslyckades")?;
            println!("Databasen är uppdaterad.");
        }
        Underkommando::Demo { scale } => {
            store.migrera().await.context("migreringen misslyckades")?;
            let s = match scale {
                Some(namn) => {
                    let skala = demo::skala::Skala::tolka(&namn)?;
                    demo::skala::generera(&store, &skala).await?
                }
                None => demo::fyll(&store).await?,
            };
            println!("{s}");
        }
        Underkommando::Bench {
            users,
            seconds,
            tanketid_ms,
        } => {
            store.migrera().await.context("migreringen misslyckades")?;
            let inst = bench::Installning {
                databas: cfg.database.clone(),
                anvandare: users,
                sekunder: seconds,
                tanketid: std::time::Duration::from_millis(tanketid_ms),
            };
            let s = bench::kor(&store, &inst).await?;
            println!("{s}");
        }
        Underkommando::BenchServer {
            listen,
            utan_lasgranskning,
        } => {
            let store = if utan_lasgranskning {
                store.utan_lasgranskning_for_matning().await?
            } else {
                store
            };
            // Not a demo: TOTP and the test login follow the configuration
            // (`lots bench` sets LOTS_TOTP=frivillig for its own server).
            serva(store, &cfg, listen, false).await?;
        }
        Underkommando::VerifyLog => {
            // Every kommun's log: a database may hold several (issue 18 item 8).
            let kommuner = store.organisation().kommuner().await?;
            if kommuner.is_empty() {
                anyhow::bail!("databasen har ingen kommun");
            }
            for lots_store::Kommun {
                id: kommun, namn, ..
            } in kommuner
            {
                let v = store.granskning().verifiera_logg_utforligt(kommun).await?;
                if v.utan_nyckel {
                    println!(
                        "Varning: ingen nyckel är angiven (LOTS_GRANSKNING_NYCKEL), så postens nyckelstämplar kontrolleras inte: en omskriven kedja upptäcks inte."
                    );
                }
                if v.utan_ankarfil {
                    println!(
                        "Varning: ingen ankarfil är angiven (LOTS_GRANSKNING_ANKARFIL), så en kedja som kapats i slutet upptäcks bara så långt en annan kedja har hänvisat till den."
                    );
                } else if v.ankare == 0 {
                    println!("Varning: ankarfilen har inget ankare för {namn} ännu.");
                }
                match v.resultat {
                    lots_store::Loggkontroll::Hel { poster } => {
                        println!(
                            "Granskningsloggen för {namn} är hel: {poster} poster i {} kedjor, varav {} nyckelstämplade och {} från tiden före nyckeln; {} poster i listor; {} hänvisningar mellan kedjorna och {} ankare stämmer.",
                            v.kedjor,
                            v.nycklade,
                            v.onycklade,
                            v.listposter,
                            v.hanvisningar,
                            v.ankare
                        )
                    }
                    lots_store::Loggkontroll::Bruten {
                        kedja,
                        seq: 0,
                        orsak,
                        ..
                    } => {
                        println!(
                            "Granskningsloggen för {namn} är bruten i kedja {kedja}: {orsak}."
                        );
                        std::process::exit(1);
                    }
                    lots_store::Loggkontroll::Bruten {
                        kedja,
                        seq,
                        tidpunkt,
                        orsak,
                    } => {
                        println!(
                            "Granskningsloggen för {namn} är bruten i kedja {kedja} vid post {seq} ({tidpunkt}): {orsak}."
                        );
                        std::process::exit(1);
                    }
                }
            }
        }
        Underkommando::AnchorLog => {
            if cfg.granskning.nyckel.is_none() || cfg.granskning.ankarfil.is_none() {
                anyhow::bail!(
                    "ankare kräver en nyckel (LOTS_GRANSKNING_NYCKEL) och en ankarfil (LOTS_GRANSKNING_ANKARFIL eller [granskning] ankarfil)"
                );
            }
            let nya = store
                .granskning()
                .ankra_logg(time::OffsetDateTime::now_utc())
                .await?;
            for a in &nya {
                println!("Ankrade kedjan {} vid post {}.", a.kedja, a.seq);
            }
            if nya.is_empty() {
                println!("Ingen kedja har poster att ankra.");
            }
        }
        Underkommando::KopplaOidc {
            anvandarnamn,
            kommun,
            subjekt,
        } => {
            store.migrera().await.context("migreringen misslyckades")?;
            let kommun = kommun_for_kommando(&store, kommun.as_deref()).await?;
            let a = store
                .organisation()
                .anvandare_med_namn(kommun.id, &anvandarnamn)
                .await?
                .with_context(|| format!("ingen användare heter {anvandarnamn}"))?;
            let subjekt = Some(subjekt.trim()).filter(|s| !s.is_empty());
            store
                .inloggning()
                .satt_oidc_subjekt(a.id, subjekt)
                .await
                .map_err(|e| {
                    if e.ar_unik_krock() {
                        anyhow::anyhow!("subjektet är redan kopplat till en annan användare")
                    } else {
                        anyhow::Error::from(e)
                    }
                })?;
            println!("{anvandarnamn} är kopplad.");
        }
        Underkommando::Init(i) => {
            store.migrera().await.context("migreringen misslyckades")?;
            let lank = init::init(&store, i).await?;
            println!(
                "Kommunen är upplagd. Systemförvaltaren aktiverar sitt konto och väljer lösenord här, inom 72 timmar, en gång:\n\n  <Lots adress>{lank}\n\nLämna länken personligen. Lägg sedan upp enheter, konton och delegationsordningen i Lots."
            );
        }
        Underkommando::Gallra { utfor } => {
            store.migrera().await.context("migreringen misslyckades")?;
            gallra(&store, utfor).await?;
        }
        // Answered above, before the database is opened.
        Underkommando::Settings => {}
        Underkommando::Backup { till } => {
            if store.ar_postgres() {
                anyhow::bail!(
                    "lots backup kopierar en SQLite-databas. Säkerhetskopiera PostgreSQL med pg_dump (se README, Säkerhetskopiering)."
                );
            }
            if till.exists() {
                anyhow::bail!("{} finns redan: välj en ny fil", till.display());
            }
            let sokvag = till
                .to_str()
                .context("sökvägen måste gå att skriva som text")?;
            store.sakerhetskopiera(sokvag).await?;
            println!("Säkerhetskopian är skriven till {}.", till.display());
        }
        Underkommando::AterstallTotp {
            anvandarnamn,
            kommun,
        } => {
            store.migrera().await.context("migreringen misslyckades")?;
            let kommun = kommun_for_kommando(&store, kommun.as_deref()).await?;
            let a = store
                .organisation()
                .anvandare_med_namn(kommun.id, &anvandarnamn)
                .await?
                .with_context(|| format!("ingen användare heter {anvandarnamn}"))?;
            store.inloggning().ta_bort_totp(a.id).await?;
            println!("Tvåstegsverifieringen för {anvandarnamn} är avstängd till nästa inloggning.");
        }
        Underkommando::Serve { listen, demo } => {
            store.migrera().await.context("migreringen misslyckades")?;
            if demo && store.organisation().kommun().await?.is_none() {
                let s = demo::fyll(&store).await?;
                println!("{s}");
            }
            let addr = listen.unwrap_or(cfg.listen);
            serva(store, &cfg, addr, demo).await?;
        }
    }
    Ok(())
}

/// The channels notifications go by, as configured (`[smtp]`, `[sms]`).
fn avisering(cfg: &config::Config) -> anyhow::Result<lots_web::avisering::Avisering> {
    let mut a = lots_web::avisering::Avisering::default();
    if let Some(inst) = &cfg.smtp {
        a.epost = Some(std::sync::Arc::new(
            lots_web::avisering::Smtp::ny(inst).map_err(|e| anyhow::anyhow!(e))?,
        ));
        tracing::info!(host = %inst.vard, port = inst.port, "notifications by e-mail");
    }
    if let Some((url, token, fran)) = &cfg.sms {
        a.sms = Some(std::sync::Arc::new(lots_web::avisering::HttpSms::ny(
            url.clone(),
            token.clone(),
            fran.clone(),
        )));
        tracing::info!("notifications by SMS");
    }
    Ok(a)
}

/// `lots gallra`: the dry run, or with `utfor` the run, printed for the operator.
async fn gallra(store: &Store, utfor: bool) -> anyhow::Result<()> {
    let oklassade = store.gallring().oklassade_tabeller().await?;
    if !oklassade.is_empty() {
        anyhow::bail!(
            "gallringen vet inte om tabellerna {} har personuppgifter: klassa dem i crates/store/src/gallring.rs",
            oklassade.join(", ")
        );
    }
    // Every kommun of the database, each on its own (issue 18 item 8).
    let kommuner = store.organisation().kommuner().await?;
    if kommuner.is_empty() {
        anyhow::bail!("databasen har ingen kommun");
    }
    for k in kommuner {
        gallra_kommun(store, k.id, &k.namn, utfor).await?;
    }
    Ok(())
}

/// `lots gallra` for one kommun.
async fn gallra_kommun(
    store: &Store,
    kommun: lots_domain::ids::KommunId,
    namn: &str,
    utfor: bool,
) -> anyhow::Result<()> {
    let nu = time::OffsetDateTime::now_utc();
    let idag = lots_domain::tid::svensk_dag(nu);
    let fall = store.gallring().provning(kommun, idag).await?;
    let (forfallna, behallna): (Vec<_>, Vec<_>) = fall.iter().partition(|f| f.provning.forfallen());
    println!(
        "Gallring i {namn} {idag} (SoL 16 kap.; SoF 13 kap. 1 §): {} personer, {} att gallra, {} behålls.",
        fall.len(),
        forfallna.len(),
        behallna.len()
    );
    let mut skal: std::collections::BTreeMap<&str, usize> = Default::default();
    for f in &behallna {
        if let Some(b) = f.provning.behalls {
            *skal.entry(b.text()).or_default() += 1;
        }
    }
    for (text, n) in &skal {
        println!("  behålls: {n} – {text}");
    }
    // Those the archive officer must decide on are named, so they can be looked up.
    for f in &behallna {
        if let Some(
            b @ (lots_domain::gallring::Behalls::Reservnummer
            | lots_domain::gallring::Behalls::PlaceringAvBarn),
        ) = f.provning.behalls
        {
            println!("  att pröva: person {} – {}", f.person, b.text());
        }
    }
    let mut summa: std::collections::BTreeMap<&str, i64> = Default::default();
    let mut meddelanden = 0;
    for f in &forfallna {
        let sista = f
            .provning
            .sista_anteckning
            .map(|d| d.to_string())
            .unwrap_or_default();
        let senast = f
            .provning
            .gallras_senast
            .map(|d| d.to_string())
            .unwrap_or_default();
        let rader: Vec<String> = kategorier(&f.rader)
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        println!(
            "  person {}: sista anteckning {sista}, fem år har gått, gallras senast {senast}: {}",
            f.person,
            rader.join(", ")
        );
        for r in &f.rader {
            *summa.entry(r.kategori).or_default() += r.antal;
        }
        meddelanden += f.meddelanden;
    }
    let summatext = |summa: &std::collections::BTreeMap<&str, i64>| {
        summa
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !forfallna.is_empty() {
        println!(
            "Att gallra: {} (varav meddelanden {meddelanden}).",
            summatext(&summa)
        );
    }
    if !utfor {
        println!("Torrkörning: inget är ändrat. Kör `lots gallra --utfor` för att gallra.");
        return Ok(());
    }
    let mut borttaget: std::collections::BTreeMap<&str, i64> = Default::default();
    let mut personer = 0;
    for f in &forfallna {
        match store
            .gallring()
            .gallra_person(kommun, f.person, idag, nu)
            .await?
        {
            Some(rader) => {
                personer += 1;
                for r in &rader {
                    *borttaget.entry(r.kategori).or_default() += r.antal;
                }
                println!("Gallrade person {}.", f.person);
            }
            None => println!(
                "Person {} gallrades inte: akten har ändrats sedan listan gjordes.",
                f.person
            ),
        }
    }
    println!(
        "Gallrat: {personer} personer; borttaget {}. Granskningsloggen är orörd; kontrollera den med `lots verify-log`.",
        summatext(&borttaget)
    );
    Ok(())
}

/// A person's rows per category, in the order first met, the empty left out.
fn kategorier(rader: &[lots_store::Radantal]) -> Vec<(&'static str, i64)> {
    let mut ut: Vec<(&'static str, i64)> = vec![];
    for r in rader {
        match ut.iter_mut().find(|(k, _)| *k == r.kategori) {
            Some((_, n)) => *n += r.antal,
            None => ut.push((r.kategori, r.antal)),
        }
    }
    ut.retain(|(_, n)| *n > 0);
    ut
}

/// The kommuner `serve` serves (issue 18 item 8): those configured by code, each of
/// which must be in the database; or, with none configured, the database's only one.
async fn betjanade_kommuner(
    store: &Store,
    koder: &[String],
) -> anyhow::Result<Vec<lots_store::Kommun>> {
    let alla = store.organisation().kommuner().await?;
    if alla.is_empty() {
        anyhow::bail!(
            "databasen har ingen kommun: lägg upp den med `lots init` (eller prova med `lots serve --demo`)"
        );
    }
    if koder.is_empty() {
        if alla.len() > 1 {
            anyhow::bail!(
                "databasen har {} kommuner ({}): ange vilka som ska betjänas med kommuner i lots.toml eller LOTS_KOMMUNER",
                alla.len(),
                alla.iter()
                    .map(|k| k.kod.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        return Ok(alla);
    }
    let mut ut = vec![];
    for kod in koder {
        let k = alla
            .iter()
            .find(|k| k.kod == *kod)
            .with_context(|| format!("kommunen {kod} (LOTS_KOMMUNER) finns inte i databasen"))?;
        if !ut.contains(k) {
            ut.push(k.clone());
        }
    }
    tracing::info!(
        kommuner = %ut.iter().map(|k| k.kod.as_str()).collect::<Vec<_>>().join(","),
        "serving"
    );
    Ok(ut)
}

/// The kommun of each kommun's own identity provider (`[{del}.kommun.<kod>]`), which
/// must be one the server serves: a code not in the database, or of a kommun not
/// served, is a mistake in the configuration, said in Swedish as the other ones are.
fn leverantorernas_kommuner<T>(
    leverantorer: &config::PerKommun<T>,
    betjanade: &[lots_store::Kommun],
    alla: &[lots_store::Kommun],
    del: &str,
) -> anyhow::Result<Vec<lots_domain::ids::KommunId>> {
    let prefix = format!("LOTS_{}", del.to_ascii_uppercase());
    leverantorer
        .egna
        .iter()
        .map(|(kod, _)| {
            if let Some(k) = betjanade.iter().find(|k| k.kod == *kod) {
                return Ok(k.id);
            }
            let varfor = if alla.iter().any(|k| k.kod == *kod) {
                format!(
                    "servern betjänar inte kommun {kod}: lägg till den i kommuner (LOTS_KOMMUNER) eller ta bort inställningen"
                )
            } else {
                format!("kommun {kod} finns inte i databasen")
            };
            Err(anyhow::anyhow!(
                "{del}.kommun.{kod} ({prefix}_{kod}_…): {varfor}"
            ))
        })
        .collect()
}

/// Reads the discovery document of every provider configured, the shared one and each
/// kommun's own (`kommuner`, in the order of `leverantorer.egna`); `ny` makes the
/// login's provider of a client and its claim.
async fn upptack<T>(
    leverantorer: &config::PerKommun<(lots_web::oidc::OidcInstallning, String)>,
    kommuner: &[lots_domain::ids::KommunId],
    vad: &str,
    ny: impl Fn(lots_web::oidc::OidcKlient, &str) -> T,
) -> anyhow::Result<lots_web::oidc::Leverantorer<T>> {
    let mut ut = lots_web::oidc::Leverantorer::default();
    if let Some((inst, claim)) = &leverantorer.gemensam {
        let klient = lots_web::oidc::OidcKlient::upptack(inst)
            .await
            .with_context(|| format!("kan inte nå {vad} {}", inst.issuer))?;
        ut.gemensam = Some(ny(klient, claim));
    }
    for ((kod, (inst, claim)), kommun) in leverantorer.egna.iter().zip(kommuner) {
        let klient = lots_web::oidc::OidcKlient::upptack(inst)
            .await
            .with_context(|| format!("kan inte nå {vad} {} (kommun {kod})", inst.issuer))?;
        ut.egna.push((*kommun, ny(klient, claim)));
    }
    Ok(ut)
}

/// The kommun a command about one user is for: `--kommun`, or the database's only one.
async fn kommun_for_kommando(
    store: &Store,
    kod: Option<&str>,
) -> anyhow::Result<lots_store::Kommun> {
    let koder: Vec<String> = kod.map(str::to_owned).into_iter().collect();
    let mut k = betjanade_kommuner(store, &koder)
        .await
        .map_err(|e| anyhow::anyhow!("{e} (för ett kommando: ange --kommun)"))?;
    Ok(k.remove(0))
}

async fn serva(
    store: Store,
    cfg: &config::Config,
    addr: SocketAddr,
    demo: bool,
) -> anyhow::Result<()> {
    let kommuner = betjanade_kommuner(&store, &cfg.kommuner).await?;
    // Rows after keyed ones must be keyed too (granskning.rs fails closed).
    if cfg.granskning.nyckel.is_none() && store.granskning().logg_ar_nycklad().await? {
        anyhow::bail!(
            "granskningsloggen är nyckelstämplad men LOTS_GRANSKNING_NYCKEL saknas: ange nyckeln"
        );
    }
    let saknas = store.inloggning().saknade_totpnycklar().await?;
    if !saknas.is_empty() {
        anyhow::bail!(
            "TOTP-hemligheter är krypterade med nycklar som inte är angivna (nyckel-id {}): ange LOTS_TOTP_NYCKEL och LOTS_TOTP_GAMLA_NYCKLAR",
            saknas.join(", ")
        );
    }
    if cfg.totpnycklar.nyckel.is_none() && !demo {
        tracing::warn!(
            "TOTP secrets are stored in plain text: set LOTS_TOTP_NYCKEL and run `lots migrate`"
        );
    }
    if cfg.granskning.nyckel.is_none() && !demo {
        tracing::warn!(
            "the audit log has no key (LOTS_GRANSKNING_NYCKEL): a rewritten chain would not be found"
        );
    }
    if cfg.granskning.ankarfil.is_some() && cfg.granskning.nyckel.is_none() {
        anyhow::bail!("en ankarfil kräver en nyckel (LOTS_GRANSKNING_NYCKEL)");
    }
    if cfg.granskning.ankarfil.is_some() {
        // The anchor pins the chain's length and head outside the database; a
        // failed write is logged and tried again at the next tick.
        let store = store.clone();
        let intervall = cfg.ankare_intervall;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(intervall);
            loop {
                tick.tick().await;
                if let Err(e) = store
                    .granskning()
                    .ankra_logg(time::OffsetDateTime::now_utc())
                    .await
                {
                    tracing::error!(error = %e, "could not anchor the audit log");
                }
            }
        });
    }
    let inl = &cfg.inloggning;
    let totp = match inl.totp {
        Some(t) => t,
        // The demo's shared password needs no phone; production requires TOTP.
        None if demo => {
            tracing::warn!("demo: TOTP is optional (set inloggning.totp to change)");
            lots_web::TotpKrav::Frivillig
        }
        None => lots_web::TotpKrav::Kravs,
    };
    // Each kommun's own provider is checked against the kommuner served before any is
    // asked for its discovery document: a wrong code stops the start, it does not
    // leave a kommun on the shared provider (issue 18 item 8).
    let alla = store.organisation().kommuner().await?;
    let oidc_kommuner = leverantorernas_kommuner(&inl.oidc, &kommuner, &alla, "oidc")?;
    let eid_kommuner = leverantorernas_kommuner(&cfg.eid, &kommuner, &alla, "eid")?;
    let oidc = upptack(
        &inl.oidc,
        &oidc_kommuner,
        "OIDC-leverantören",
        |klient, claim| lots_web::OidcInloggning {
            klient,
            claim: claim.to_owned(),
        },
    )
    .await?;
    // The test login on Mina sidor opens synthetic persons only, and only in a
    // demo on a database that holds nothing else: no configuration can turn it on.
    let testinloggning = demo && store.alla_personer_syntetiska().await?;
    if demo && !testinloggning {
        tracing::warn!("demo: the database holds real persons, so Mina sidor has no test login");
    }
    let eid = upptack(&cfg.eid, &eid_kommuner, "eID-tjänsten", |klient, claim| {
        lots_web::mina_sidor::EidInloggning {
            klient,
            personnummer_claim: claim.to_owned(),
        }
    })
    .await?;
    // Forms kept across an ended session and drafts hold typed personal data: each is
    // removed when its time is up (`lots_store::SPARAS`, `UTKAST_SPARAS`), also when its
    // writer never comes back to the list that would remove it.
    {
        let store = store.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
            loop {
                tick.tick().await;
                match store
                    .inloggning()
                    .rensa_sparade_formular(time::OffsetDateTime::now_utc())
                    .await
                {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(antal = n, "expired kept forms and drafts removed"),
                    Err(e) => tracing::error!(error = %e, "could not remove expired kept forms"),
                }
            }
        });
    }
    let ankra_vid_slut = store.clone();
    let state = lots_web::AppState {
        store,
        kommuner: lots_web::Kommuner::Endast(kommuner.clone().into()),
        saker_cookie: cfg.secure_cookies,
        inloggning: std::sync::Arc::new(lots_web::Inloggningsregler {
            totp,
            sparr: inl.sparr,
            per_ip: lots_web::Begransare::ny(inl.forsok_per_minut_ip, time::Duration::minutes(1)),
            sok: lots_web::Begransare::ny(inl.sokningar_per_minut, time::Duration::minutes(1)),
            synpunkter: lots_web::Inloggningsregler::standard().synpunkter,
            ip_fran_proxy: inl.ip_fran_proxy,
            oidc,
            medborgare: lots_web::mina_sidor::MedborgarInloggning {
                eid,
                testinloggning,
            },
            tomgang: inl.tomgang,
            enhetsnyckel: inl.enhetsnyckel.clone().unwrap_or_else(|| {
                tracing::warn!(
                    "LOTS_INLOGGNING_NYCKEL is not set: known devices are forgotten at restart and not shared between servers"
                );
                lots_web::Inloggningsregler::standard().enhetsnyckel
            }),
        }),
        klocka: lots_web::Klocka::default(),
        betalkonton: cfg.betalkonton.clone(),
        avisering: avisering(cfg)?,
    };
    // Notifications are sent from the outbox the steps fill, after their commit
    // (issue 19 item 3): a mail server that is down delays them, never a step.
    if !state.avisering.kanaler().is_empty() {
        lots_web::avisering::starta(state.clone(), std::time::Duration::from_secs(15));
    }
    if let Some(maddr) = cfg.metrics_listen {
        let m = tokio::net::TcpListener::bind(maddr)
            .await
            .with_context(|| format!("kan inte lyssna på {maddr} (metrics_listen)"))?;
        tracing::info!("mätvärden på http://{}/metrics", m.local_addr()?);
        let app =
            lots_web::matning::app(state.store.clone(), kommuner.iter().map(|k| k.id).collect());
        tokio::spawn(async move {
            if let Err(e) = axum::serve(m, app).await {
                tracing::error!(error = %e, "the metrics listener stopped");
            }
        });
    }
    let lyssnare = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("kan inte lyssna på {addr}"))?;
    tracing::info!("Lots lyssnar på http://{}", lyssnare.local_addr()?);
    axum::serve(
        lyssnare,
        lots_web::app(state, cfg.request_timeout)
            .into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(avsluta())
    .await?;
    // The last rows written get their anchor before the process ends.
    ankra_vid_slut
        .granskning()
        .ankra_logg(time::OffsetDateTime::now_utc())
        .await?;
    Ok(())
}

/// Stops accepting connections on SIGINT or SIGTERM (what systemd and container
/// runtimes send); requests in flight finish, and with them their audit rows, before
/// the process exits.
async fn avsluta() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; only SIGINT stops the server");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("Lots stänger: väntar på pågående förfrågningar");
}
