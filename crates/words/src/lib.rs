//! The tool's own words, in en, ru and kk: one catalogue (`catalogue.toml`, embedded), one
//! table per message, so a translator works through one file. Only the printers and the
//! document renderer call this module; the library judges into `finding` values.
//!
//! A plain TOML catalogue rather than Fluent: the editions are TOML already, the messages need
//! no plural or gender machinery that the phrasing cannot avoid, and a test checks every entry
//! has all three languages with the same placeholders.
#![deny(unsafe_code)]

pub mod escape;

pub(crate) use dossier_judge::score;
pub(crate) use dossier_model::{edition, facts, finding, lang};

use crate::edition::Edition;
use crate::finding::{Arg, Finding, Message};
use crate::lang::Lang;
use crate::score::{Basis, CriterionResult, Score};
use std::fmt::Write;

// `catalogue.toml`, parsed and checked by build.rs into a sorted table and a hash index.
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

mod key_hash;
use key_hash::key_hash;

fn text_at((start, end): (u32, u32)) -> &'static str {
    &TEXT[start as usize..end as usize]
}

/// Every entry of the catalogue: its key and its en, ru and kk patterns.
fn catalogue() -> impl Iterator<Item = (&'static str, [&'static str; 3])> {
    CATALOGUE.iter().map(|e| (text_at(e[0]), patterns(e)))
}

/// An entry's en, ru and kk patterns.
fn patterns(e: &[(u32, u32); 4]) -> [&'static str; 3] {
    [text_at(e[1]), text_at(e[2]), text_at(e[3])]
}

/// A message's three patterns: en, ru, kk, found through the hash index build.rs made.
fn entry(key: &str) -> Option<[&'static str; 3]> {
    let mask = SLOTS.len() - 1;
    let mut at = key_hash(key) as usize & mask;
    loop {
        let e = &CATALOGUE[usize::from(SLOTS[at]).checked_sub(1)?];
        if text_at(e[0]) == key {
            return Some(patterns(e));
        }
        at = (at + 1) & mask;
    }
}

fn in_lang(e: [&'static str; 3], lang: Lang) -> &'static str {
    match lang {
        Lang::En => e[0],
        Lang::Ru => e[1],
        Lang::Kk => e[2],
    }
}

/// The raw pattern of a message in a language; the key itself when it is not catalogued (a
/// test keeps every key the code uses in the catalogue).
fn pattern(lang: Lang, key: &str) -> &'static str {
    match entry(key) {
        Some(e) => in_lang(e, lang),
        None => {
            debug_assert!(false, "message `{key}` is not in the catalogue");
            ""
        }
    }
}

/// The raw pattern of a message, placeholders as written, when the catalogue has it.
pub fn pattern_of(lang: Lang, key: &str) -> Option<&'static str> {
    entry(key).map(|e| in_lang(e, lang))
}

/// Fills `{name}` placeholders of the message `key` from `args`; `{{` and `}}` are braces.
pub fn text(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(pattern(lang, key), |name, out| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| write!(out, "{v}"))
            .is_some()
    })
}

/// The pattern with each `{name}` replaced by what `value` appends to the text (it says
/// whether it knew the name; an unknown one stays as written). Values are written in place,
/// not made apart and copied.
fn fill(pattern: &str, mut value: impl FnMut(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let Some(end) = tail.strip_prefix('{').and_then(|t| t.find('}')) {
            let name = &tail[1..=end];
            if !value(name, &mut out) {
                let _ = write!(out, "{{{name}}}");
            }
            rest = &tail[end + 2..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `t!(lang, "key", name = value, other)`: a message of the catalogue, filled.
#[macro_export]
#[doc(hidden)]
macro_rules! t {
    ($lang:expr, $key:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::text($lang, $key, &[$((stringify!($name), &$crate::t!(@v $name $(= $value)?) as &dyn std::fmt::Display)),*])
    };
    (@v $name:ident = $value:expr) => { $value };
    (@v $name:ident) => { $name };
}

/// What a message's arguments are localized against: the language, and the edition and kind
/// of the dossier for document titles, kind names and group titles.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    pub lang: Lang,
    pub edition: Option<&'a Edition>,
    pub kind: Option<&'a str>,
    /// The dossier's score, for findings that quote a row's basis.
    pub score: Option<&'a Score>,
}

impl<'a> Words<'a> {
    pub fn new(lang: Lang) -> Words<'a> {
        Words {
            lang,
            edition: None,
            kind: None,
            score: None,
        }
    }

    pub fn of(lang: Lang, edition: &'a Edition, kind: &'a str) -> Words<'a> {
        Words {
            lang,
            edition: Some(edition),
            kind: Some(kind),
            score: None,
        }
    }

    pub fn with_score(mut self, score: Option<&'a Score>) -> Words<'a> {
        self.score = score;
        self
    }

    /// The label of a fact in the report language (its name when the edition has none).
    pub fn fact_label<'f>(&self, fact: &'f str) -> &'f str
    where
        'a: 'f,
    {
        self.edition
            .and_then(|e| e.fact(fact))
            .map_or(fact, |f| f.label.get(self.lang))
    }

    /// Why a criterion row has its status, with the dossier's evidence when given.
    pub fn basis(&self, c: &CriterionResult) -> String {
        let lang = self.lang;
        let number = crate::facts::Number;
        let count_of = |(fact, part, total): &(String, u64, u64)| {
            t!(
                lang,
                "basis.count-of",
                label = self.fact_label(fact),
                part,
                total
            )
        };
        let base = match &c.basis {
            Basis::NotApplicable { kind } => {
                t!(
                    lang,
                    "basis.not-applicable",
                    kind = self.arg(&Arg::Kind(kind.clone()))
                )
            }
            Basis::Reviewer(basis) => t!(lang, "basis.reviewer", basis),
            Basis::WhatIf => t!(lang, "basis.reviewer", basis = t!(lang, "basis.what-if")),
            Basis::FactMissing => t!(lang, "basis.fact-missing", fact = c.fact),
            Basis::Flag(b) => t!(
                lang,
                "basis.flag",
                label = self.fact_label(&c.fact),
                value = self.arg(&Arg::Flag(*b))
            ),
            Basis::Number {
                value,
                op,
                threshold,
            } => t!(
                lang,
                "basis.number",
                label = self.fact_label(&c.fact),
                value = number(*value),
                op = op.symbol(),
                threshold = number(*threshold)
            ),
            Basis::Covered(parts) => parts.iter().map(count_of).collect::<Vec<_>>().join("; "),
            Basis::NoUnits => t!(lang, "basis.no-units"),
            Basis::Integrated { first, second, min } => format!(
                "{}; {}",
                count_of(first),
                t!(
                    lang,
                    "basis.at-least",
                    label = self.fact_label(&second.0),
                    value = second.1,
                    min
                )
            ),
            Basis::FewerUnitsThanNamed { total, min } => {
                t!(lang, "basis.fewer-units-than-named", total, min)
            }
        };
        match &c.evidence {
            Some(evidence) => t!(lang, "basis.evidence", basis = base, evidence),
            None => base,
        }
    }

    /// A message, with its arguments localized.
    pub fn message(&self, m: &Message) -> String {
        fill(pattern(self.lang, m.key), |name, out| {
            match m.args.get(name) {
                Some(a) => {
                    self.write_arg(a, out);
                    true
                }
                None => false,
            }
        })
    }

    /// [`Words::arg`] appended to `out`: the common arguments without a string of their own.
    fn write_arg(&self, a: &Arg, out: &mut String) {
        match a {
            Arg::Text(s) => out.push_str(&escape::clean(s)),
            Arg::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Arg::Date(d) => write_date(*d, out),
            Arg::Message(m) => out.push_str(&self.message(m)),
            other => out.push_str(&self.arg(other)),
        }
    }

    /// A finding in words (without its place and severity).
    pub fn finding(&self, f: &Finding) -> String {
        self.message(&f.message)
    }

    pub fn arg(&self, a: &Arg) -> String {
        let lang = self.lang;
        match a {
            Arg::Text(s) => escape::clean(s).into_owned(),
            Arg::Int(n) => n.to_string(),
            Arg::Num(n) => crate::facts::format_number(*n),
            Arg::Date(d) => {
                let mut s = String::with_capacity(10);
                write_date(*d, &mut s);
                s
            }
            Arg::Flag(true) => t!(lang, "word.yes"),
            Arg::Flag(false) => t!(lang, "word.no"),
            Arg::Clause(c) => clause(lang, c),
            Arg::Requirement(id) => self
                .edition
                .and_then(|e| {
                    let kind = self.kind?;
                    e.requirements_for(kind).find(|r| &r.id == id)
                })
                .map_or_else(|| id.clone(), |r| r.title.get(lang).to_string()),
            Arg::Group(id) => self
                .edition
                .and_then(|e| e.groups.iter().find(|g| &g.id == id))
                .map_or_else(|| id.clone(), |g| g.title.get(lang).to_string()),
            Arg::Kind(id) => self
                .edition
                .and_then(|e| e.kind(id))
                .map_or_else(|| id.clone(), |k| k.name.get(lang).to_string()),
            Arg::Stage(id) => stage(lang, id),
            Arg::List(l) => escape::clean(&l.join(", ")).into_owned(),
            Arg::Words(t) => t.get(lang).to_string(),
            Arg::Message(m) => self.message(m),
            Arg::RowBasis(id) => self
                .score
                .and_then(|s| s.criteria.iter().find(|c| &c.id == id))
                .map_or_else(String::new, |c| self.basis(c)),
        }
    }
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it (without parsing that format each time for
/// the years a dossier has).
fn write_date(d: chrono::NaiveDate, out: &mut String) {
    use chrono::Datelike;
    if (0..=9999).contains(&d.year()) {
        let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    } else {
        let _ = write!(out, "{}", d.format("%Y-%m-%d"));
    }
}

/// "clause 5(1)" / "пункт 5(1)" / "5(1)-тармақ"
pub fn clause(lang: Lang, clause: &str) -> String {
    t!(lang, "word.clause", clause)
}

/// The name of an object stage in the report language.
pub fn stage(lang: Lang, id: &str) -> String {
    match id {
        "development" => t!(lang, "stage.development"),
        "trial-operation" => t!(lang, "stage.trial-operation"),
        "industrial-operation" => t!(lang, "stage.industrial-operation"),
        "decommissioned" => t!(lang, "stage.decommissioned"),
        other => other.to_string(),
    }
}

/// Every key of the catalogue, for tests.
pub fn keys() -> impl Iterator<Item = &'static str> {
    catalogue().map(|(k, _)| k)
}

/// A criterion's status in words, the same in reports and drafts.
pub fn criterion_status(status: crate::score::CriterionStatus, lang: Lang) -> String {
    match status {
        crate::score::CriterionStatus::Met => crate::t!(lang, "criterion-status.met"),
        crate::score::CriterionStatus::NotMet => crate::t!(lang, "criterion-status.not-met"),
        crate::score::CriterionStatus::Unknown => crate::t!(lang, "criterion-status.unknown"),
        crate::score::CriterionStatus::NotApplicable => {
            crate::t!(lang, "criterion-status.not-applicable")
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::edition::{Edition, Editions, Origin};
    use crate::finding::Code;

    #[test]
    fn a_bad_reference_points_at_its_line() {
        let text = Editions::built_in_text("order-29-2024").unwrap().replacen(
            "group = \"2\"",
            "group = \"7\"",
            1,
        );
        let err = Edition::from_toml(&text, "amended.toml", Origin::BuiltIn).unwrap_err();
        let dossier_model::error::Error::Source(e) = err else {
            panic!("expected a source error")
        };
        assert_eq!(e.code(), Code::RulesInvalid);
        let detail = super::Words::new(crate::lang::Lang::En).finding(&e.finding);
        assert!(detail.contains("group `7`"), "{detail}");
        let (line, _) = e.line_column().unwrap();
        assert!(
            text.lines()
                .nth(line - 1)
                .unwrap()
                .contains("group = \"7\"")
        );
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        let text = Editions::built_in_text("order-84-2016").unwrap().replacen(
            "min_total = 3",
            "min_totl = 3",
            1,
        );
        let err = Edition::from_toml(&text, "x.toml", Origin::BuiltIn).unwrap_err();
        let dossier_model::error::Error::Source(e) = err else {
            panic!("expected a source error")
        };
        let detail = super::Words::new(crate::lang::Lang::En).finding(&e.finding);
        assert!(detail.contains("min_totl"), "{detail}");
    }
    use super::*;

    fn placeholders(p: &str) -> Vec<String> {
        let mut names = Vec::new();
        fill(p, |n, _| {
            names.push(n.to_string());
            true
        });
        names.sort();
        names.dedup();
        names
    }

    /// The index build.rs made finds every key at its own entry, and nothing for a key that is
    /// not there.
    #[test]
    fn every_key_is_found_through_the_index() {
        for (i, e) in CATALOGUE.iter().enumerate() {
            let key = text_at(e[0]);
            assert_eq!(entry(key), Some(patterns(&CATALOGUE[i])), "{key}");
        }
        for key in ["", "no.such.key", "check.summarY"] {
            assert_eq!(entry(key), None, "{key}");
        }
        assert!(SLOTS.iter().filter(|s| **s != 0).count() == CATALOGUE.len());
    }

    #[test]
    fn every_entry_has_three_languages_with_the_same_placeholders() {
        assert!(
            CATALOGUE
                .windows(2)
                .all(|w| text_at(w[0][0]) < text_at(w[1][0])),
            "the table is sorted, each key once"
        );
        for (key, [en_text, ru_text, kk_text]) in catalogue() {
            let en = placeholders(en_text);
            assert_eq!(en, placeholders(ru_text), "{key}: ru placeholders differ");
            assert_eq!(en, placeholders(kk_text), "{key}: kk placeholders differ");
            for (lang, text) in [("en", en_text), ("ru", ru_text), ("kk", kk_text)] {
                assert!(!text.trim().is_empty(), "{key}: {lang} is empty");
            }
        }
    }

    #[test]
    fn every_code_has_a_message() {
        for code in crate::finding::Code::ALL {
            let prefix = code.as_str();
            assert!(
                keys().any(|k| k == prefix || k.starts_with(&format!("{prefix}."))),
                "no message for {prefix}"
            );
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (5, 1, 9),
            (999, 12, 31),
            (2026, 11, 23),
            (9999, 2, 28),
            (10000, 1, 1),
            (-1, 3, 4),
        ] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut ours = String::new();
            write_date(date, &mut ours);
            assert_eq!(ours, date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn fill_replaces_named_places_and_keeps_braces() {
        assert_eq!(
            fill("a {x} {{y}} {z}", |n, out| {
                let known = n == "x";
                if known {
                    out.push('1');
                }
                known
            }),
            "a 1 {y} {z}"
        );
    }
}
