//! Reports of a run: the contract's JSON, and the human table with findings.

pub(crate) use dossier_judge::{CheckReport, documents, judge, outcome, score, signature};
pub(crate) use dossier_model::{dossier, edition, facts, finding, lang, settings};
pub(crate) use dossier_words as messages;
pub(crate) use dossier_words::t;

pub mod ci;
pub mod explain;
pub mod grid;
pub mod human;
pub mod json;
pub mod junit;
pub mod portfolio;
pub mod printer;
pub mod rules;
pub mod schema;
pub mod tabular;
pub mod timeline;
pub mod what_if;
pub mod xlsx;

pub use crate::messages::escape::clean;

/// The object's name in the report language, with its short name when the name lacks it.
pub fn object_name(j: &crate::judge::Judged, lang: crate::lang::Lang) -> String {
    let name = j.file.object.name.get(lang);
    let shown = match &j.file.object.short_name {
        Some(short) if !name.contains(short.as_str()) => format!("{short} — {name}"),
        _ => name.to_string(),
    };
    clean(&shown).into_owned()
}

/// The kind's name in the report language.
pub fn kind_name(j: &crate::judge::Judged, lang: crate::lang::Lang) -> String {
    j.edition.kind(&j.file.kind).map_or_else(
        || j.file.kind.clone(),
        |k| clean(k.name.get(lang)).into_owned(),
    )
}
