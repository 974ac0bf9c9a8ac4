//! Name search (issue 12, items 3 and 4; issue 20, item 2): every part of a first
//! or last name is folded here in Rust into `personnamn`, the same on both
//! databases, and found by prefix as a range on an index. SQLite's LOWER() folds
//! ASCII only, so a search in SQL for "öberg" never found "Öberg"; and a range has
//! no wildcards, so `%` and `_` in a query are only characters.
//!
//! Each word is kept three ways, each with its own index, and a search asks them
//! in turn (`Niva`): as written (`ord`: case and foreign accents folded), with
//! the Swedish letters folded too (`bas`: "Oberg" finds "Öberg"), and by how it
//! sounds (`ljud`: "Ohlsson" finds "Olsson"). Every level is a range on an index,
//! never a scan of the register, and hits of an earlier level come first.

use crate::db::V;
use crate::org::{Person, person_fran, person_kolumner, v};
use crate::{Personer, Store, StoreError};

/// A name folded for search: lower case (all of Unicode, not just ASCII), the
/// Swedish letters å, ä, ö kept as the letters they are, other accents dropped
/// (é → e, ü → u; ø → ö and æ → ä as Nordic spellings of the same letters).
pub fn vik(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' | 'č' => 'c',
            'ñ' => 'n',
            'š' => 's',
            'ž' => 'z',
            'ø' => 'ö',
            'æ' => 'ä',
            annat => annat,
        })
        .collect()
}

/// A word with the Swedish letters folded as well (å, ä → a; ö → o): what a
/// search typed without them, on a keyboard or by habit, still finds.
pub fn bas(ord: &str) -> String {
    vik(ord)
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            annat => annat,
        })
        .collect()
}

/// A phonetic key for the usual ways one Swedish name is spelt differently, so a
/// small misspelling is found without comparing the query with every name (which
/// an edit distance would need: a scan of 150 000 persons per search). Simple on
/// purpose, and explainable to a handläggare: from `bas`, a silent h after the
/// first letter is dropped (Ohlsson, Thomas), ph → f, ck → k, th → t, c → s before
/// e, i, y and k elsewhere, q → k, w → v, z → s, x → ks, and a doubled letter counts
/// once (Pettersson, Peterson; Carlsson, Karlsson; Nilsson, Nilson). Soundex and
/// its kin are made for English and would join names Swedish tells apart.
pub fn ljud(ord: &str) -> String {
    let t: Vec<char> = bas(ord).chars().collect();
    let mut ut = String::with_capacity(t.len());
    let mut i = 0;
    while i < t.len() {
        let nasta = t.get(i + 1).copied();
        let (ljud, langd): (&str, usize) = match (t[i], nasta) {
            ('p', Some('h')) => ("f", 2),
            ('c', Some('k')) => ("k", 2),
            ('t', Some('h')) => ("t", 2),
            ('c', Some('e' | 'i' | 'y')) => ("s", 1),
            ('c' | 'q', _) => ("k", 1),
            ('w', _) => ("v", 1),
            ('z', _) => ("s", 1),
            ('x', _) => ("ks", 1),
            ('h', _) if i > 0 => ("", 1),
            _ => ("", 0),
        };
        let ljud = if langd == 0 {
            t[i].to_string()
        } else {
            ljud.to_string()
        };
        for c in ljud.chars() {
            if !ut.ends_with(c) {
                ut.push(c);
            }
        }
        i += langd.max(1);
    }
    ut
}

/// The words a name is found by: each part of the first and last names, split
/// at spaces and hyphens ("Lind-Öberg" is found by "lind" and by "öberg").
pub fn namnord(fornamn: &str, efternamn: &str) -> Vec<String> {
    let mut ord: Vec<String> = ord_i(&format!("{fornamn} {efternamn}"));
    ord.sort();
    ord.dedup();
    ord
}

/// The folded words of a text, split at spaces and hyphens.
pub fn ord_i(text: &str) -> Vec<String> {
    vik(text)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `personnamn` with its columns, for `Tx::infoga`: the rows `namnrader` gives.
pub(crate) const PERSONNAMN: &str = "personnamn (kommun, ord, bas, ljud, person)";

/// The rows of `personnamn` for a person: (kommun, ord, bas, ljud, person).
pub(crate) fn namnrader(p: &Person) -> Vec<Vec<V>> {
    namnord(&p.fornamn, &p.efternamn)
        .into_iter()
        .map(|o| {
            let (b, l) = (bas(&o), ljud(&o));
            vec![v(p.kommun), o.into(), b.into(), l.into(), v(p.id)]
        })
        .collect()
}

/// The three ways a word is searched, in the order their hits are shown: as
/// written, with the Swedish letters folded, by sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Niva {
    Ord,
    Bas,
    Ljud,
}

impl Niva {
    const ALLA: [Niva; 3] = [Niva::Ord, Niva::Bas, Niva::Ljud];

    /// A query word's key at this level: folded as the column is.
    fn nyckel(self, ord: &str) -> String {
        match self {
            Niva::Ord => ord.to_owned(),
            Niva::Bas => bas(ord),
            Niva::Ljud => ljud(ord),
        }
    }
}

/// The search at one level: persons with a name part starting with each key
/// (at most three, the longest first), those with a part equal to the longest key
/// first, then by name. `$4` is 1 when the user may see persons with skyddade
/// personuppgifter: without the right they are not even counted (a "refine your
/// search" that counted them would tell that someone hidden has the name).
///
/// Each further word is its own index range on `personnamn`, intersected with the first
/// (`snitt!`): two short range scans and a hash, instead of testing every person of the
/// first word's range for the second (a common surname is thousands of persons at
/// stockholm scale; BENCHMARKS.md, 5 December). A word not given adds no range at all.
macro_rules! sok_sql {
    ($k:literal $(, $snitt:expr)*) => {
        concat!(
            "SELECT ", person_kolumner!(), " FROM person p \
             WHERE p.kommun = $1 AND (p.skyddad = 0 OR $4 = 1) \
             AND p.id IN (SELECT person FROM personnamn WHERE kommun = $1 AND ", $k, " >= $2 AND ", $k, " < $3",
            $($snitt,)*
            ") ORDER BY CASE WHEN EXISTS (SELECT 1 FROM personnamn n WHERE n.person = p.id AND n.kommun = p.kommun AND n.", $k, " = $2) THEN 0 ELSE 1 END, \
             p.efternamn, p.fornamn, p.id LIMIT $5"
        )
    };
}

/// The persons with a name part in the range `[$fran, $till)` of column `$k`, to intersect
/// with the first word's.
macro_rules! snitt {
    ($k:literal, $fran:literal, $till:literal) => {
        concat!(
            " INTERSECT SELECT person FROM personnamn WHERE kommun = $1 AND ",
            $k,
            " >= ",
            $fran,
            " AND ",
            $k,
            " < ",
            $till
        )
    };
}

/// The statement for `ord` words (1 to 3) at one level.
macro_rules! sok_for_ord {
    ($k:literal, $ord:expr) => {
        match $ord {
            1 => sok_sql!($k),
            2 => sok_sql!($k, snitt!($k, "$6", "$7")),
            _ => sok_sql!($k, snitt!($k, "$6", "$7"), snitt!($k, "$8", "$9")),
        }
    };
}

/// The upper end of a prefix's range: every word that starts with `prefix` is
/// below it in byte order (SQLite's BINARY, PostgreSQL's "C" collation).
fn over(prefix: &str) -> String {
    format!("{prefix}{}", char::MAX)
}

impl Personer<'_> {
    /// Persons whose names have a part starting with each of the query's words
    /// (at most three), found as written first, then with the Swedish letters
    /// folded, then by sound (`Niva`); at most `max`. Persons with skyddade
    /// personuppgifter only when `med_skyddade`.
    pub async fn sok_personer(
        &self,
        kommun: lots_domain::ids::KommunId,
        text: &str,
        med_skyddade: bool,
        max: i64,
    ) -> Result<Vec<Person>, StoreError> {
        let ord = ord_i(text);
        let mut traffar: Vec<Person> = vec![];
        for niva in Niva::ALLA {
            let hittade = traffar.len() as i64;
            if hittade >= max {
                break;
            }
            let nycklar: Vec<String> = ord.iter().map(|o| niva.nyckel(o)).collect();
            // Up to `hittade` of this level's hits are the earlier levels' again.
            for p in self
                .sok_pa_niva(kommun, niva, nycklar, med_skyddade, max + hittade)
                .await?
            {
                if !traffar.iter().any(|t| t.id == p.id) {
                    traffar.push(p);
                }
            }
        }
        traffar.truncate(usize::try_from(max).unwrap_or(0));
        Ok(traffar)
    }

    async fn sok_pa_niva(
        &self,
        kommun: lots_domain::ids::KommunId,
        niva: Niva,
        mut ord: Vec<String>,
        med_skyddade: bool,
        max: i64,
    ) -> Result<Vec<Person>, StoreError> {
        // The longest word drives the search through the index.
        ord.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        ord.dedup();
        ord.truncate(3);
        let Some(forsta) = ord.first().cloned() else {
            return Ok(vec![]);
        };
        let sql: &'static str = match niva {
            Niva::Ord => sok_for_ord!("ord", ord.len()),
            Niva::Bas => sok_for_ord!("bas", ord.len()),
            Niva::Ljud => sok_for_ord!("ljud", ord.len()),
        };
        let over1 = over(&forsta);
        let mut varden: Vec<V> = vec![
            v(kommun),
            forsta.into(),
            over1.into(),
            med_skyddade.into(),
            max.into(),
        ];
        for o in ord.iter().skip(1) {
            varden.push(o.as_str().into());
            varden.push(over(o).into());
        }
        self.0
            .db
            .fetch_all(sql, &varden)
            .await?
            .iter()
            .map(person_fran)
            .collect()
    }
}

impl Store {
    /// Fills `personnamn` for the persons stored before it existed: once, at
    /// `lots migrate`, while the row 'personnamn' is in `uppgradering`.
    pub(crate) async fn fyll_personnamn(&self) -> Result<(), StoreError> {
        if self.uppgradering_kvar("personnamn").await?.is_none() {
            return Ok(());
        }
        let personer: Vec<Person> = self
            .db
            .fetch_all(
                concat!(
                    "SELECT ",
                    person_kolumner!(),
                    " FROM person p \
                 WHERE NOT EXISTS (SELECT 1 FROM personnamn n WHERE n.person = p.id AND n.kommun = p.kommun)"
                ),
                &[],
            )
            .await?
            .iter()
            .map(person_fran)
            .collect::<Result<_, _>>()?;
        let rader: Vec<Vec<V>> = personer.iter().flat_map(namnrader).collect();
        let mut tx = self.db.begin().await?;
        tx.infoga(crate::sok::PERSONNAMN, &rader).await?;
        tx.execute("DELETE FROM uppgradering WHERE namn = 'personnamn'", &[])
            .await?;
        tx.commit().await?;
        if !personer.is_empty() {
            tracing::info!(personer = personer.len(), "name search keys filled in");
        }
        Ok(())
    }

    /// Fills `bas` and `ljud` of the words stored before they existed (migration
    /// 0023): once, at `lots migrate`, while the row 'personnamn_vikning' is in
    /// `uppgradering`. Both follow from the word alone, so each distinct word is
    /// one update, a batch per transaction; a stopped migrate goes on where it was.
    pub(crate) async fn fyll_personnamn_vikning(&self) -> Result<(), StoreError> {
        const NAMN: &str = "personnamn_vikning";
        if self.uppgradering_kvar(NAMN).await?.is_none() {
            return Ok(());
        }
        let mut n = 0usize;
        loop {
            let ord: Vec<(String, String)> = self
                .db
                .fetch_all(
                    "SELECT DISTINCT kommun, ord FROM personnamn WHERE bas = '' LIMIT 1000",
                    &[],
                )
                .await?
                .iter()
                .map(|r| Ok((r.text("kommun")?, r.text("ord")?)))
                .collect::<Result<_, StoreError>>()?;
            if ord.is_empty() {
                break;
            }
            n += ord.len();
            let mut tx = self.db.begin().await?;
            for (kommun, o) in ord {
                let (b, l) = (bas(&o), ljud(&o));
                tx.execute(
                    "UPDATE personnamn SET bas = $1, ljud = $2 WHERE kommun = $3 AND ord = $4",
                    &[b.into(), l.into(), kommun.into(), o.into()],
                )
                .await?;
            }
            tx.commit().await?;
        }
        self.db
            .execute(
                "DELETE FROM uppgradering WHERE namn = 'personnamn_vikning'",
                &[],
            )
            .await?;
        if n > 0 {
            tracing::info!(ord = n, "folded and phonetic name search keys filled in");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svenska_bokstaver_och_accenter() {
        assert_eq!(vik("ÖBERG"), "öberg");
        assert_eq!(vik("Åsa Ärlig"), "åsa ärlig");
        assert_eq!(vik("Renée Müller"), "renee muller");
        assert_eq!(vik("Søren Ærø"), "sören ärö");
        assert_eq!(
            namnord("Anna Maria", "Lind-Öberg"),
            ["anna", "lind", "maria", "öberg"]
        );
        assert_eq!(namnord("Anna", "Anna"), ["anna"]);
    }

    #[test]
    fn svenska_bokstaver_vikta_och_ljud() {
        assert_eq!(bas("Öberg"), "oberg");
        assert_eq!(bas("Åsa Ärlig"), "asa arlig");
        for (a, b) in [
            ("Ohlsson", "Olsson"),
            ("Pettersson", "Peterson"),
            ("Carlsson", "Karlsson"),
            ("Nilsson", "Nilson"),
            ("Jönsson", "Jonsson"),
            ("Thomas", "Tomas"),
            ("Philip", "Filip"),
            ("Wikström", "Vikström"),
            ("Axelsson", "Aksellson"),
            ("Cecilia", "Sesilia"),
            ("Eriksson", "Ericsson"),
        ] {
            assert_eq!(ljud(a), ljud(b), "{a} {b}");
        }
        assert_eq!(ljud("Ohlsson"), "olson");
        // An initial h is heard: Holm is not Olm.
        assert_ne!(ljud("Holm"), ljud("Olm"));
        assert_ne!(ljud("Lind"), ljud("Lund"));
    }

    #[test]
    fn intervallet_tar_alla_med_prefixet_och_inga_andra() {
        let ovre = over("öb");
        for o in ["öb", "öberg", "öbü", "öb\u{10FFFE}"] {
            assert!(o >= "öb" && o < ovre.as_str(), "{o}");
        }
        for o in ["öa", "öc", "ö", "oberg", "öc"] {
            assert!(!(o >= "öb" && o < ovre.as_str()), "{o}");
        }
    }
}
