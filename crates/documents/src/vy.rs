//! What the templates see: validated, preformatted data.
//!
//! The public input structs are turned into these view models, which are serialised to JSON
//! and read by the templates. All formatting decisions that are easy to test in Rust (dates,
//! personnummer, whether to show an address) are made here, so the templates only lay out.

use serde::Serialize;
use time::Date;

use crate::format::{iso, lang, med_veckodag, personnummer, stycken};
use crate::{
    Beslutsbrev, Beslutsutfall, DokumentFel, Kommuniceringsbrev, Kontakt, Kontrollmeddelande,
    Mottagare, Namnd, Processbeslut, Processbeslutsslag, Tjansteperson,
};

#[derive(Debug, Serialize)]
pub(crate) struct DatumVy {
    ar: i32,
    manad: u8,
    dag: u8,
    iso: String,
    lang: String,
}

impl DatumVy {
    fn ny(d: Date) -> Result<Self, DokumentFel> {
        // A PDF date needs a four-digit, non-negative year.
        if !(1..=9999).contains(&d.year()) {
            return Err(DokumentFel::Datum);
        }
        Ok(Self {
            ar: d.year(),
            manad: u8::from(d.month()),
            dag: d.day(),
            iso: iso(d),
            lang: lang(d),
        })
    }
}

#[derive(Debug, Serialize)]
struct NamndVy {
    kommun: String,
    namnd: String,
    enhet: Option<String>,
    postadress: Vec<String>,
    telefon: String,
    epost: Option<String>,
}

#[derive(Debug, Serialize)]
struct MottagareVy {
    namn: String,
    personnummer: String,
    /// Empty for a person with skyddade personuppgifter.
    adress: Vec<String>,
}

#[derive(Debug, Serialize)]
struct KontaktVy {
    namn: String,
    titel: String,
    telefon: String,
    epost: Option<String>,
}

/// The parts every letter shares.
#[derive(Debug, Serialize)]
pub(crate) struct Huvud {
    /// The PDF title (`document(title: ..)`). Holds no personal data.
    titel: String,
    datum: DatumVy,
    avsandare: NamndVy,
    mottagare: MottagareVy,
    arende: String,
    kontakt: KontaktVy,
}

fn krav(varde: &str, falt: &'static str) -> Result<String, DokumentFel> {
    let v = varde.trim();
    if v.is_empty() {
        Err(DokumentFel::SaknasUppgift(falt))
    } else {
        Ok(v.to_owned())
    }
}

fn valfri(varde: &Option<String>) -> Option<String> {
    varde
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

fn rader(rader: &[String]) -> Vec<String> {
    rader
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

fn namnd(n: &Namnd) -> Result<NamndVy, DokumentFel> {
    let postadress = rader(&n.postadress);
    if postadress.is_empty() {
        return Err(DokumentFel::SaknasUppgift("nämndens postadress"));
    }
    Ok(NamndVy {
        kommun: krav(&n.kommun, "kommun")?,
        namnd: krav(&n.namnd, "nämnd")?,
        enhet: valfri(&n.enhet),
        postadress,
        telefon: krav(&n.telefon, "nämndens telefonnummer")?,
        epost: valfri(&n.epost),
    })
}

fn mottagare(m: &Mottagare) -> Result<MottagareVy, DokumentFel> {
    Ok(MottagareVy {
        namn: krav(&m.namn, "mottagarens namn")?,
        personnummer: personnummer(&m.personnummer)?,
        // Skyddade personuppgifter: the address never reaches the template.
        adress: if m.skyddade_personuppgifter {
            Vec::new()
        } else {
            rader(&m.adress)
        },
    })
}

fn kontakt(k: &Kontakt, n: &NamndVy) -> Result<KontaktVy, DokumentFel> {
    Ok(KontaktVy {
        namn: krav(&k.namn, "kontaktpersonens namn")?,
        titel: krav(&k.titel, "kontaktpersonens titel")?,
        telefon: valfri(&k.telefon).unwrap_or_else(|| n.telefon.clone()),
        epost: valfri(&k.epost),
    })
}

fn huvud(
    titel: String,
    datum: Date,
    n: &Namnd,
    m: &Mottagare,
    arende: &str,
    k: &Kontakt,
) -> Result<Huvud, DokumentFel> {
    let avsandare = namnd(n)?;
    let kontakt = kontakt(k, &avsandare)?;
    Ok(Huvud {
        titel,
        datum: DatumVy::ny(datum)?,
        mottagare: mottagare(m)?,
        arende: krav(arende, "ärendenummer")?,
        avsandare,
        kontakt,
    })
}

#[derive(Debug, Serialize)]
struct PersonVy {
    namn: String,
    titel: String,
}

fn person(p: &Tjansteperson, falt: &'static str) -> Result<PersonVy, DokumentFel> {
    Ok(PersonVy {
        namn: krav(&p.namn, falt)?,
        titel: krav(&p.titel, falt)?,
    })
}

#[derive(Debug, Serialize)]
struct DelegationVy {
    punkt: String,
    version: String,
}

#[derive(Debug, Serialize)]
struct OverklagandeVy {
    forvaltningsratt: String,
    sista_dag: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct BeslutVy {
    #[serde(flatten)]
    huvud: Huvud,
    /// "bifall" | "delvis-bifall" | "avslag" | "avvisning".
    utfall: &'static str,
    ansokan: String,
    ansokningsdatum: Option<String>,
    insats: String,
    lagrum: String,
    mal: Option<String>,
    omfattning: Option<String>,
    period: Option<String>,
    avslagen_del: Option<String>,
    motivering: Vec<String>,
    beslutsfattare: PersonVy,
    delegation: Option<DelegationVy>,
    foredragande: Option<PersonVy>,
    /// Present exactly when the decision goes against the person.
    overklagande: Option<OverklagandeVy>,
    /// A preview, not the letter sent: marked on every page.
    forhandsgranskning: bool,
}

impl BeslutVy {
    pub(crate) fn ny(b: &Beslutsbrev) -> Result<Self, DokumentFel> {
        let beviljat = matches!(
            b.utfall,
            Beslutsutfall::Bifall | Beslutsutfall::DelvisBifall
        );
        let mal = valfri(&b.mal);
        let omfattning = valfri(&b.omfattning);
        if beviljat {
            // FL 32 § and seed 004 §2.4: a granted insats states its goal, scope and period.
            mal.as_ref()
                .ok_or(DokumentFel::SaknasUppgift("mål med insatsen"))?;
            omfattning
                .as_ref()
                .ok_or(DokumentFel::SaknasUppgift("omfattning"))?;
            b.period
                .as_ref()
                .ok_or(DokumentFel::SaknasUppgift("period"))?;
        }
        let avslagen_del = valfri(&b.avslagen_del);
        if b.utfall == Beslutsutfall::DelvisBifall && avslagen_del.is_none() {
            return Err(DokumentFel::SaknasUppgift("den del av ansökan som avslås"));
        }
        let period = match b.period {
            Some(p) if beviljat => {
                let fran = lang(p.fran);
                Some(match p.till {
                    Some(till) if till < p.fran => return Err(DokumentFel::Datum),
                    Some(till) => format!("Från och med {fran} till och med {}", lang(till)),
                    None => format!("Från och med {fran} och tills vidare"),
                })
            }
            _ => None,
        };
        let motivering = stycken(&b.motivering);
        if motivering.is_empty() {
            return Err(DokumentFel::SaknasUppgift("motivering"));
        }
        let overklagande = if b.utfall.gar_emot() {
            Some(OverklagandeVy {
                forvaltningsratt: krav(&b.forvaltningsratt, "förvaltningsrätt")?,
                sista_dag: b.sista_dag_att_overklaga.map(med_veckodag),
            })
        } else {
            None
        };
        let insats = krav(&b.insats, "insats")?;
        let titel = format!("Beslut om {}", krav(&b.ansokan, "ansökan")?);
        Ok(Self {
            huvud: huvud(
                titel,
                b.beslutsdatum,
                &b.avsandare,
                &b.mottagare,
                &b.arende,
                &b.kontakt,
            )?,
            utfall: match b.utfall {
                Beslutsutfall::Bifall => "bifall",
                Beslutsutfall::DelvisBifall => "delvis-bifall",
                Beslutsutfall::Avslag => "avslag",
                Beslutsutfall::Avvisning => "avvisning",
            },
            ansokan: krav(&b.ansokan, "ansökan")?,
            ansokningsdatum: b.ansokningsdatum.map(lang),
            insats,
            lagrum: krav(&b.lagrum, "lagrum")?,
            mal: if beviljat { mal } else { None },
            omfattning: if beviljat { omfattning } else { None },
            period,
            avslagen_del: if b.utfall == Beslutsutfall::DelvisBifall {
                avslagen_del
            } else {
                None
            },
            motivering,
            beslutsfattare: person(&b.beslutsfattare, "beslutsfattare")?,
            delegation: match &b.delegation {
                Some(d) => Some(DelegationVy {
                    punkt: krav(&d.punkt, "delegationspunkt")?,
                    version: krav(&d.version, "delegationsordningens version")?,
                }),
                None => None,
            },
            foredragande: b
                .foredragande
                .as_ref()
                .map(|p| person(p, "föredragande"))
                .transpose()?,
            overklagande,
            forhandsgranskning: b.forhandsgranskning,
        })
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct ProcessbeslutVy {
    #[serde(flatten)]
    huvud: Huvud,
    /// "avvisat-overklagande" | "avslagen-begaran".
    slag: &'static str,
    /// The decision, as one sentence.
    beslut: String,
    /// The facts the decision rests on, as sentences.
    grund: Vec<String>,
    motivering: Vec<String>,
    lagrum: &'static str,
    beslutsfattare: PersonVy,
    delegation: Option<DelegationVy>,
    overklagande: OverklagandeVy,
}

impl ProcessbeslutVy {
    pub(crate) fn ny(b: &Processbeslut) -> Result<Self, DokumentFel> {
        let motivering = stycken(&b.motivering);
        let (slag, titel, beslut, grund, lagrum) = match &b.slag {
            Processbeslutsslag::AvvisatOverklagande {
                overklagat_beslut,
                inkom,
                delgiven,
                sista_dag,
            } => {
                if inkom <= sista_dag {
                    // FL 45 §: only an appeal that came in late is dismissed.
                    return Err(DokumentFel::Datum);
                }
                let overklagat = krav(overklagat_beslut, "det överklagade beslutet")?;
                (
                    "avvisat-overklagande",
                    "Beslut om ditt överklagande".to_owned(),
                    format!("Nämnden avvisar ditt överklagande av {overklagat}."),
                    vec![
                        format!(
                            "Du fick del av beslutet den {}. Ett överklagande ska ha kommit in till nämnden inom tre veckor från den dagen. Sista dagen var {}.",
                            lang(*delgiven),
                            med_veckodag(*sista_dag)
                        ),
                        format!(
                            "Ditt överklagande kom in den {}. Det kom alltså in för sent, och därför kan det inte prövas.",
                            lang(*inkom)
                        ),
                    ],
                    "44 och 45 §§ förvaltningslagen (2017:900)",
                )
            }
            Processbeslutsslag::AvslagenBegaranOmAvgorande {
                begard,
                arendet_galler,
            } => {
                if motivering.is_empty() {
                    return Err(DokumentFel::SaknasUppgift("motivering"));
                }
                let galler = krav(arendet_galler, "vad ärendet gäller")?;
                (
                    "avslagen-begaran",
                    "Beslut om din begäran om avgörande".to_owned(),
                    format!(
                        "Nämnden avslår din begäran den {} om att {galler} ska avgöras.",
                        lang(*begard)
                    ),
                    vec![
                        "Du har skriftligen begärt att ärendet ska avgöras, eftersom det inte har avgjorts inom sex månader. Nämnden ska då inom fyra veckor antingen avgöra ärendet eller avslå begäran i ett särskilt beslut.".to_owned(),
                        "Ärendet fortsätter. Nämnden fattar beslut om det du har ansökt om när ärendet kan avgöras.".to_owned(),
                    ],
                    "12 § förvaltningslagen (2017:900)",
                )
            }
        };
        Ok(Self {
            huvud: huvud(
                titel,
                b.beslutsdatum,
                &b.avsandare,
                &b.mottagare,
                &b.arende,
                &b.kontakt,
            )?,
            slag,
            beslut,
            grund,
            motivering,
            lagrum,
            beslutsfattare: person(&b.beslutsfattare, "beslutsfattare")?,
            delegation: match &b.delegation {
                Some(d) => Some(DelegationVy {
                    punkt: krav(&d.punkt, "delegationspunkt")?,
                    version: krav(&d.version, "delegationsordningens version")?,
                }),
                None => None,
            },
            // Both decisions can be appealed (FL 41 §, FL 12 §), so both say how.
            overklagande: OverklagandeVy {
                forvaltningsratt: krav(&b.forvaltningsratt, "förvaltningsrätt")?,
                sista_dag: None,
            },
        })
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct KommuniceringVy {
    #[serde(flatten)]
    huvud: Huvud,
    arendet_galler: String,
    material: Vec<String>,
    bifogat: Vec<String>,
    tillgangligt: Option<String>,
    svara_senast: String,
}

impl KommuniceringVy {
    pub(crate) fn ny(b: &Kommuniceringsbrev) -> Result<Self, DokumentFel> {
        let material = rader(&b.material);
        if material.is_empty() {
            return Err(DokumentFel::SaknasUppgift("material att kommunicera"));
        }
        if b.svara_senast < b.datum {
            return Err(DokumentFel::Datum);
        }
        Ok(Self {
            huvud: huvud(
                "Underrättelse om material inför beslut".to_owned(),
                b.datum,
                &b.avsandare,
                &b.mottagare,
                &b.arende,
                &b.kontakt,
            )?,
            arendet_galler: krav(&b.arendet_galler, "vad ärendet gäller")?,
            material,
            bifogat: rader(&b.bifogat),
            tillgangligt: valfri(&b.tillgangligt),
            svara_senast: med_veckodag(b.svara_senast),
        })
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct KontrollVy {
    #[serde(flatten)]
    huvud: Huvud,
    handling: String,
    handlingens_datum: Option<String>,
    skickad: String,
    anses_delgiven: Option<String>,
}

impl KontrollVy {
    pub(crate) fn ny(b: &Kontrollmeddelande) -> Result<Self, DokumentFel> {
        if b.anses_delgiven.is_some_and(|d| d <= b.skickad) {
            return Err(DokumentFel::Datum);
        }
        Ok(Self {
            huvud: huvud(
                "Kontrollmeddelande – förenklad delgivning".to_owned(),
                b.datum,
                &b.avsandare,
                &b.mottagare,
                &b.arende,
                &b.kontakt,
            )?,
            handling: krav(&b.handling, "handling")?,
            handlingens_datum: b.handlingens_datum.map(lang),
            skickad: lang(b.skickad),
            anses_delgiven: b.anses_delgiven.map(lang),
        })
    }
}

/// A report as the template reads it.
#[derive(Debug, Serialize)]
pub(crate) struct RapportVy<'a> {
    kommun: &'a str,
    titel: &'a str,
    undertitel: &'a str,
    datum: DatumVy,
    sektioner: &'a [crate::Rapportsektion],
    noter: &'a [String],
}

impl<'a> RapportVy<'a> {
    pub(crate) fn ny(r: &'a crate::Rapport) -> Result<Self, DokumentFel> {
        for s in &r.sektioner {
            if s.kolumner.is_empty() || s.rader.iter().any(|rad| rad.len() != s.kolumner.len()) {
                return Err(DokumentFel::SaknasUppgift("rapportens rader och kolumner"));
            }
        }
        Ok(Self {
            kommun: &r.kommun,
            titel: &r.titel,
            undertitel: &r.undertitel,
            datum: DatumVy::ny(r.datum)?,
            sektioner: &r.sektioner,
            noter: &r.noter,
        })
    }
}
