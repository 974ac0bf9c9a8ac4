//! The month's calculation and application as the person reads them on Mina sidor, in the
//! person's language: every line of the norm, every cost with what was applied for and
//! approved and why, every income and what of it counts (issue 15: amounts nobody explains
//! were the first complaint in seed 003). Staff read the same facts in Swedish
//! (`crate::visning::berakningsrader`).

use lots_domain::forsorjningsstod::Manad;
use lots_domain::forsorjningsstod::berakning::{
    Beslutsrad, Forklaring, Inkomstkalla, Inkomstslag, Manadsansokan, Manadsberakning, Post, Utfall,
};
use lots_domain::forsorjningsstod::riksnorm::Normpost;

use super::Texter;
use crate::formular::serde_kod;
use crate::visning::kr;

/// "March 2026" in the person's language.
pub fn manad(m: Manad, t: &Texter) -> String {
    t.f(&format!("manad-{}", m.nr()), &[("ar", &m.ar().to_string())])
}

pub fn inkomstslag(s: Inkomstslag, t: &Texter) -> String {
    t.t(&format!("inkomstslag-{}", serde_kod(s)))
}

pub fn forklaring(f: Forklaring, t: &Texter) -> String {
    t.t(&format!("forklaring-{}", serde_kod(f)))
}

fn post(p: Post, t: &Texter) -> String {
    match p {
        Post::Riksnorm => t.t("post-riksnorm"),
        Post::Kostnad(k) => t.t(&format!("post-{}", serde_kod(k))),
        Post::Livsforing(l) => t.t(&format!("post-{}", serde_kod(l))),
    }
}

fn normtext(p: Normpost, t: &Texter) -> String {
    match p {
        Normpost::Vuxen => t.t("norm-vuxen"),
        Normpost::Sambo => t.t("norm-sambo"),
        Normpost::Barn {
            alder,
            utan_lunch,
            andel_procent,
        } => {
            let mut s = t.f("norm-barn", &[("alder", &alder.to_string())]);
            if utan_lunch {
                s.push_str(&t.t("norm-barn_lunch"));
            }
            if andel_procent < 100 {
                s.push_str(&t.f("norm-barn_andel", &[("andel", &andel_procent.to_string())]));
            }
            s
        }
        Normpost::Gemensamma { egna, alla, .. } if egna == alla => {
            t.f("norm-gemensamma", &[("alla", &alla.to_string())])
        }
        Normpost::Gemensamma { egna, alla, hela } => t.f(
            "norm-gemensamma_delat",
            &[
                ("egna", &egna.to_string()),
                ("alla", &alla.to_string()),
                ("hela", &kr(hela)),
            ],
        ),
    }
}

fn radtext(r: &Beslutsrad, m: Manad, t: &Texter) -> String {
    match (r.post, r.beskrivning.is_empty()) {
        (Post::Riksnorm, _) => t.f("post-riksnorm_for", &[("manad", &manad(m, t))]),
        (p, true) => post(p, t),
        (p, false) => format!("{}: {}", post(p, t), r.beskrivning),
    }
}

/// The calculation, line by line.
pub fn berakningsrader(b: &Manadsberakning, t: &Texter) -> Vec<String> {
    let mut d = vec![];
    for r in &b.norm.rader {
        d.push(format!("{}: {}", normtext(r.post, t), kr(r.belopp)));
    }
    for r in &b.rader {
        let mut rad = t.f(
            "berakning-rad",
            &[
                ("post", &radtext(r, b.manad, t)),
                ("sokt", &kr(r.ansokt)),
                ("godkant", &kr(r.godkant)),
            ],
        );
        match r.utfall {
            Utfall::Bifall => {}
            Utfall::DelvisBifall => rad.push_str(&t.t("berakning-delvis")),
            Utfall::Avslag => rad.push_str(&t.t("berakning-avslag")),
        }
        if !r.skal.is_empty() {
            rad.push_str(&t.f("berakning-skal", &[("skal", &r.skal)]));
        }
        d.push(rad);
    }
    for i in &b.inkomster {
        let kalla = match i.kalla {
            Inkomstkalla::Inkomst { inkomst } => inkomstslag(inkomst, t),
            Inkomstkalla::Insattning {
                datum,
                forklaring: f,
            } => t.f(
                "berakning-insattning",
                &[
                    ("datum", &datum.to_string()),
                    (
                        "forklaring",
                        &f.map_or_else(|| t.t("berakning-ingen_forklaring"), |f| forklaring(f, t)),
                    ),
                ],
            ),
        };
        let mut rad = t.f(
            "berakning-inkomst",
            &[
                ("kalla", &kalla),
                ("medlem", &i.medlem),
                ("belopp", &kr(i.belopp)),
            ],
        );
        if i.raknas != i.belopp {
            rad.push_str(&t.f("berakning-raknas", &[("belopp", &kr(i.raknas))]));
        }
        if i.jobbstimulans {
            rad.push_str(&t.t("berakning-jobbstimulans_rad"));
        }
        if !i.skal.is_empty() {
            rad.push_str(&format!(". {}", i.skal));
        }
        d.push(rad);
    }
    d.push(t.f(
        "berakning-summa",
        &[
            ("behov", &kr(b.behov)),
            ("inkomst", &kr(b.inkomst)),
            ("resultat", &kr(b.resultat)),
        ],
    ));
    if b.resultat < 0 {
        d.push(t.t("berakning-over_behov"));
    }
    if b.jobbstimulans.galler() {
        d.push(t.f(
            "berakning-jobbstimulans",
            &[("kvar", &b.jobbstimulans.kvar_efter().to_string())],
        ));
    }
    d
}

/// The person's own monthly application, line by line.
pub fn ansokningsrader(a: &Manadsansokan, t: &Texter) -> Vec<String> {
    let mut d: Vec<String> = a
        .kostnader
        .iter()
        .map(|(k, b)| format!("{}: {}", post(Post::Kostnad(*k), t), kr(*b)))
        .collect();
    d.extend(a.inkomster.iter().map(|i| {
        t.f(
            "berakning-inkomst",
            &[
                ("kalla", &inkomstslag(i.slag, t)),
                ("medlem", &i.medlem),
                ("belopp", &kr(i.belopp)),
            ],
        )
    }));
    d.extend(a.insattningar.iter().map(|i| {
        let vad = i
            .forklaring
            .map_or_else(|| t.t("berakning-ingen_forklaring"), |f| forklaring(f, t));
        let mut s = t.f(
            "ansokan-insattning",
            &[
                ("datum", &i.datum.to_string()),
                ("belopp", &kr(i.belopp)),
                ("forklaring", &vad),
            ],
        );
        if !i.personens_text.trim().is_empty() {
            s.push_str(&format!(". \"{}\"", i.personens_text.trim()));
        }
        s
    }));
    if !a.ovrigt.trim().is_empty() {
        d.push(t.f("ansokan-ovrigt", &[("text", a.ovrigt.trim())]));
    }
    // What was sent with the application, so the person sees what they handed in.
    d.extend(a.bilagor.iter().map(|b| {
        t.f(
            "ansokan-bilaga",
            &[
                ("namn", b.namn.as_str()),
                ("handling", &t.handling(b.handling)),
            ],
        )
    }));
    d
}

/// A change of the household in the reader's language (issue 15, item 1).
pub fn hushallsandring(
    h: lots_domain::forsorjningsstod::hushall::Hushallsandring,
    t: &Texter,
) -> String {
    use lots_domain::forsorjningsstod::hushall::Hushallsandring as H;
    match h {
        H::SamboBorjade => t.t("hushall-sambo_borjade"),
        H::SamboSlutade => t.t("hushall-sambo_slutade"),
        H::BarnFott => t.t("hushall-barn_fott"),
        H::BarnFlyttadeIn { alder } => {
            t.f("hushall-barn_in", &[("alder", alder.to_string().as_str())])
        }
        H::BarnFlyttadeUt { alder } => {
            t.f("hushall-barn_ut", &[("alder", alder.to_string().as_str())])
        }
        H::VaxelvisBorjade {
            alder,
            andel_procent,
        } => t.f(
            "hushall-vaxelvis_borjade",
            &[
                ("alder", alder.to_string().as_str()),
                ("andel", andel_procent.to_string().as_str()),
            ],
        ),
        H::VaxelvisSlutade { alder } => t.f(
            "hushall-vaxelvis_slutade",
            &[("alder", alder.to_string().as_str())],
        ),
        H::VaxelvisAndrad { alder, fran, till } => t.f(
            "hushall-vaxelvis_andrad",
            &[
                ("alder", alder.to_string().as_str()),
                ("fran", fran.to_string().as_str()),
                ("till", till.to_string().as_str()),
            ],
        ),
        H::MedboendeFlyttadeIn { antal } => t.f(
            "hushall-medboende_in",
            &[("antal", antal.to_string().as_str())],
        ),
        H::MedboendeFlyttadeUt { antal } => t.f(
            "hushall-medboende_ut",
            &[("antal", antal.to_string().as_str())],
        ),
    }
}

/// "The household changed from <month>: …", or nothing when it did not.
pub fn hushallsrad(
    manad: lots_domain::forsorjningsstod::Manad,
    andringar: &[lots_domain::forsorjningsstod::hushall::Hushallsandring],
    t: &Texter,
) -> Option<String> {
    if andringar.is_empty() {
        return None;
    }
    let vad: Vec<String> = andringar.iter().map(|h| hushallsandring(*h, t)).collect();
    Some(t.f(
        "hushall-andrades",
        &[("manad", &self::manad(manad, t)), ("vad", &vad.join("; "))],
    ))
}
