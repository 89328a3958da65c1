//! Reports of a run: the contract's JSON, and the human table with findings.

pub mod explain;
pub mod grid;
pub mod human;
pub mod json;
pub mod junit;
pub mod portfolio;
pub mod rules;
pub mod tabular;
pub mod timeline;

/// Text from a dossier or the file system, safe to print: control characters (an escape
/// sequence, a line break that could forge a report line) are shown escaped.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => "\\n".to_string(),
                '\t' => "\\t".to_string(),
                '\r' => "\\r".to_string(),
                c if c.is_control() => format!("\\u{{{:x}}}", u32::from(c)),
                c => c.to_string(),
            })
            .collect(),
    )
}

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
    j.edition
        .kind(&j.file.kind)
        .map_or_else(|| j.file.kind.clone(), |k| k.name.get(lang).to_string())
}

use crate::judge::DossierReport;
use crate::outcome::Outcome;

/// The judgments of one `check` run, in the order of their paths.
#[derive(Debug, Clone)]
pub struct CheckReport {
    pub dossiers: Vec<DossierReport>,
    /// Paths given that could not be searched or held no dossier.
    pub path_errors: Vec<crate::finding::Message>,
    /// The editions the dossiers were judged under (for wording in explanations).
    pub editions: crate::edition::Editions,
}

impl CheckReport {
    /// Contract §6: 2 when anything is invalid or unreadable, 1 when a dossier is incomplete
    /// or refused, 0 otherwise.
    pub fn exit_code(&self) -> u8 {
        check_exit_code(
            self.dossiers.iter().map(|d| d.outcome()).min(),
            !self.path_errors.is_empty(),
        )
    }
}

/// `check`'s exit code from the worst outcome of a run and whether a path held no dossier.
pub fn check_exit_code(worst: Option<Outcome>, path_errors: bool) -> u8 {
    if path_errors || worst == Some(Outcome::Invalid) {
        2
    } else if matches!(worst, Some(Outcome::Incomplete | Outcome::Refuse)) {
        1
    } else {
        0
    }
}

impl CheckReport {
    /// `dossier score`: 2 on errors, 1 when a scored dossier does not pass the criteria.
    pub fn score_exit_code(&self) -> u8 {
        if !self.path_errors.is_empty()
            || self
                .dossiers
                .iter()
                .any(|d| d.outcome() == Outcome::Invalid)
        {
            2
        } else if self
            .dossiers
            .iter()
            .any(|d| d.score().is_some_and(|s| !s.passed))
        {
            1
        } else {
            0
        }
    }
}
