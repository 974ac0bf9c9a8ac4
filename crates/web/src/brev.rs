//! Letters written from the case's stored facts when a step needs one: the decision
//! letter when a decision is sent, the control message of förenklad delgivning, and
//! the kommuniceringsbrev. Each goes into the personakt with its hash in the same
//! transaction as the step (issue 3, item 4).

use lots_documents as dok;
use lots_domain::arende::{Arende, BrevTyp, Kommando, Kommunikationssatt};
use lots_domain::frister;
use lots_domain::ids::{AnvandarId, DokumentId};
use lots_domain::insats::Utfall;
use lots_store::{Anvandare, Bilaga, Person};
use sha2::{Digest, Sha256};

/// Who sends, as printed on every letter.
pub struct Avsandare<'a> {
    pub kommun: &'a str,
    pub enhet: &'a str,
    pub anvandare: &'a [Anvandare],
}

impl Avsandare<'_> {
    fn namnd(&self) -> dok::Namnd {
        let namnd = format!("Socialnämnden i {}", self.kommun);
        dok::Namnd {
            kommun: self.kommun.to_string(),
            namnd: namnd.clone(),
            enhet: Some(self.enhet.to_string()),
            postadress: vec![namnd, self.enhet.to_string(), self.kommun.to_string()],
            telefon: "Kommunens växel".into(),
            epost: None,
        }
    }

    fn person(&self, id: Option<AnvandarId>) -> (String, String) {
        id.and_then(|id| self.anvandare.iter().find(|a| a.id == id))
            .map(|a| (a.namn.clone(), a.roll.namn().to_string()))
            .unwrap_or_else(|| ("Socialtjänsten".into(), "Handläggare".into()))
    }

    fn kontakt(&self, a: &Arende) -> dok::Kontakt {
        let (namn, titel) = self.person(a.handlaggare);
        dok::Kontakt {
            namn,
            titel,
            telefon: None,
            epost: None,
        }
    }
}

fn mottagare(p: &Person) -> dok::Mottagare {
    dok::Mottagare {
        namn: p.namn(),
        personnummer: p.identitet.varde().to_string(),
        adress: if p.skyddad {
            vec![]
        } else {
            p.adress
                .lines()
                .map(str::to_owned)
                .filter(|l| !l.trim().is_empty())
                .collect()
        },
        skyddade_personuppgifter: p.skyddad,
    }
}

fn bilaga(
    typ: BrevTyp,
    datum: time::Date,
    pdf: Vec<u8>,
    beslut: Option<lots_domain::ids::BeslutId>,
    kommunicering: Option<lots_domain::ids::KommuniceringId>,
) -> (Kommando, Bilaga) {
    let dokument = DokumentId::ny();
    let k = Kommando::RegistreraBrev {
        dokument,
        typ,
        datum,
        sha256: hex::encode(Sha256::digest(&pdf)),
        storlek: pdf.len() as u64,
        beslut,
        kommunicering,
    };
    (
        k,
        Bilaga {
            dokument,
            innehall: pdf,
        },
    )
}

/// The step followed by the letters it produces, as the commands to run together
/// and the letters' files.
pub fn med_brev(
    kommando: Kommando,
    a: &Arende,
    p: &Person,
    fran: &Avsandare,
) -> Result<(Vec<Kommando>, Vec<Bilaga>), String> {
    let brev = brev_for_steg(&kommando, a, p, fran)?;
    let mut kommandon = vec![kommando];
    let mut bilagor = vec![];
    for (k, b) in brev {
        kommandon.push(k);
        bilagor.push(b);
    }
    Ok((kommandon, bilagor))
}

/// The letters a step produces, as commands to run after it and their files.
/// `a` is the case before the step. An error is a Swedish message for the form.
pub fn brev_for_steg(
    kommando: &Kommando,
    a: &Arende,
    p: &Person,
    fran: &Avsandare,
) -> Result<Vec<(Kommando, Bilaga)>, String> {
    let fel = |e: dok::DokumentFel| format!("Brevet kunde inte skapas: {e}. Ingenting sparades.");
    let arende = a.id.to_string();
    match kommando {
        Kommando::SkickaBeslut {
            beslut,
            datum,
            forenklad_delgivning,
            ..
        } => {
            let Some(b) = a.beslut_lage(*beslut) else {
                return Ok(vec![]);
            };
            let x = &b.beslut;
            let delgivning = forenklad_delgivning.then(|| frister::forenklad_delgivning(*datum));
            let (beslutsfattare, titel) = fran.person(Some(x.beslutsfattare));
            let text = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
            let brev = dok::Beslutsbrev {
                avsandare: fran.namnd(),
                beslutsdatum: x.datum,
                mottagare: mottagare(p),
                arende: arende.clone(),
                ansokan: x.insats.namn().to_string(),
                ansokningsdatum: a
                    .ansokta
                    .iter()
                    .find(|(i, _)| *i == x.insats)
                    .map(|(_, d)| *d),
                utfall: match x.utfall {
                    Utfall::Bifall => dok::Beslutsutfall::Bifall,
                    Utfall::DelvisBifall => dok::Beslutsutfall::DelvisBifall,
                    Utfall::Avslag => dok::Beslutsutfall::Avslag,
                    Utfall::Avvisning => dok::Beslutsutfall::Avvisning,
                },
                insats: x.insats.namn().to_string(),
                lagrum: x.lagrum.text().to_string(),
                mal: text(&x.mal),
                omfattning: text(&x.omfattning),
                period: x.period_fran.map(|fran| dok::Period {
                    fran,
                    till: x.period_till,
                }),
                avslagen_del: (x.utfall == Utfall::DelvisBifall)
                    .then(|| "Det du ansökte om utöver det som beviljas ovan.".to_string()),
                motivering: x.motivering.clone(),
                beslutsfattare: dok::Tjansteperson {
                    namn: beslutsfattare,
                    titel,
                },
                delegation: Some(dok::Delegation {
                    punkt: x.delegation.punkt.clone(),
                    version: x.delegation.version.to_string(),
                }),
                foredragande: None,
                forvaltningsratt: "Förvaltningsrätten".into(),
                // FL 44 §: known in advance only under förenklad delgivning.
                sista_dag_att_overklaga: delgivning
                    .map(|d| frister::sista_dag_overklagande(d.delgiven)),
                kontakt: fran.kontakt(a),
            };
            let pdf = dok::beslutsbrev(&brev).map_err(fel)?;
            let mut ut = vec![bilaga(
                BrevTyp::Beslutsbrev,
                *datum,
                pdf,
                Some(*beslut),
                None,
            )];
            if let Some(d) = delgivning {
                // DelgL 22 §: the control message goes out the next working day.
                let kontroll = dok::Kontrollmeddelande {
                    avsandare: fran.namnd(),
                    datum: d.kontrollmeddelande,
                    mottagare: mottagare(p),
                    arende,
                    handling: format!("Beslut om {}", x.insats.namn().to_lowercase()),
                    handlingens_datum: Some(x.datum),
                    skickad: *datum,
                    anses_delgiven: Some(d.delgiven),
                    kontakt: fran.kontakt(a),
                };
                let pdf = dok::kontrollmeddelande(&kontroll).map_err(fel)?;
                ut.push(bilaga(
                    BrevTyp::Kontrollmeddelande,
                    d.kontrollmeddelande,
                    pdf,
                    Some(*beslut),
                    None,
                ));
            }
            Ok(ut)
        }
        Kommando::Kommunicera {
            id,
            datum,
            material,
            satt: Kommunikationssatt::Brev | Kommunikationssatt::Digitalt,
            svar_senast,
        } => {
            let brev = dok::Kommuniceringsbrev {
                avsandare: fran.namnd(),
                datum: *datum,
                mottagare: mottagare(p),
                arende,
                arendet_galler: a
                    .ansokta
                    .iter()
                    .map(|(i, _)| i.namn())
                    .collect::<Vec<_>>()
                    .join(", "),
                material: material
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                material_bifogat: true,
                // lag (1930:173) 2 §, as the domain stores it.
                svara_senast: frister::svarsfrist(*svar_senast),
                kontakt: fran.kontakt(a),
            };
            let pdf = dok::kommuniceringsbrev(&brev).map_err(fel)?;
            Ok(vec![bilaga(
                BrevTyp::Kommuniceringsbrev,
                *datum,
                pdf,
                None,
                Some(*id),
            )])
        }
        _ => Ok(vec![]),
    }
}
