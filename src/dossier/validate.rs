//! Checks a parsed `dossier.yaml` against the edition it is judged under: the kind, the
//! documents' ids, the facts' names and types, the criterion overrides. Each problem is an
//! error at its line; a dossier with any is `invalid` (contract §6).

use super::yaml::SourceMap;
use super::{DossierFile, SCHEMA_VERSION};
use crate::edition::{Edition, Editions};
use crate::error::SourceError;
use crate::facts::{self, Value};
use crate::source_path::{Seg, path};
use std::collections::BTreeMap;

/// The text and index of a `dossier.yaml`, to point at lines.
pub struct Located<'a> {
    pub text: &'a str,
    pub file: &'a str,
    pub map: &'a SourceMap,
}

impl Located<'_> {
    /// An error at the value of `at` (or its nearest existing parent).
    pub fn error(&self, code: &'static str, at: &[Seg], message: String) -> SourceError {
        SourceError {
            code,
            label: message.clone(),
            message,
            file: self.file.to_string(),
            source_text: self.text.to_string(),
            span: self.map.value(at),
            help: None,
        }
    }

    /// An error at the key of `at`, for names that are wrong.
    pub fn key_error(&self, code: &'static str, at: &[Seg], message: String) -> SourceError {
        SourceError {
            span: self.map.key(at),
            ..self.error(code, at, message)
        }
    }

    /// 1-based line of the value at `at`.
    pub fn line(&self, at: &[Seg]) -> Option<usize> {
        self.map
            .value(at)
            .map(|(start, _)| crate::error::line_column(self.text, start).0)
    }
}

/// Picks the edition: `--edition` first, then the dossier's own `edition:`, then the default.
pub fn choose_edition<'e>(
    file: &DossierFile,
    forced: Option<&str>,
    editions: &'e Editions,
    at: &Located,
) -> Result<&'e Edition, Box<SourceError>> {
    let wanted = forced.or(file.edition.as_deref());
    match wanted {
        None => Ok(editions.default_edition()),
        Some(id) => editions.get(id).ok_or_else(|| {
            let known: Vec<&str> = editions.ids().collect();
            let mut e = at.error(
                "edition.unknown",
                &path(&["edition"]),
                format!("unknown edition `{id}`"),
            );
            e.help = Some(format!(
                "editions: {}; another can be loaded with --rules FILE",
                known.join(", ")
            ));
            Box::new(e)
        }),
    }
}

/// Everything wrong with the dossier under `edition`, and its facts typed.
pub fn validate(
    file: &DossierFile,
    edition: &Edition,
    editions: &Editions,
    at: &Located,
) -> (BTreeMap<String, Value>, Vec<SourceError>) {
    let mut errors = Vec::new();
    if file.schema != SCHEMA_VERSION {
        errors.push(at.error(
            "dossier.schema",
            &path(&["schema"]),
            format!(
                "schema {} is not supported; this build reads schema {SCHEMA_VERSION}",
                file.schema
            ),
        ));
    }
    let Some(kind) = edition.kind(&file.kind) else {
        // R36: no procedure in the Rules for this kind; nothing else can be judged.
        let mut e = at.error(
            "kind.no-procedure",
            &path(&["kind"]),
            format!(
                "the Rules of edition {} have no procedure for kind `{}`",
                edition.id(),
                file.kind
            ),
        );
        let ours: Vec<&str> = edition.kinds.iter().map(|k| k.id.as_str()).collect();
        let elsewhere: Vec<&str> = editions
            .iter()
            .filter(|e| e.kind(&file.kind).is_some())
            .map(|e| e.id())
            .collect();
        e.help = Some(if elsewhere.is_empty() {
            format!("kinds of {}: {}", edition.id(), ours.join(", "))
        } else {
            format!(
                "kinds of {}: {}; `{}` exists under edition {}",
                edition.id(),
                ours.join(", "),
                file.kind,
                elsewhere.join(", ")
            )
        });
        errors.push(e);
        return (BTreeMap::new(), errors);
    };
    if kind.stage_required && file.object.stage.is_none() {
        let mut e = at.error(
            "object.stage-missing",
            &path(&["object"]),
            format!("`object.stage` is required for kind {}", kind.id),
        );
        e.help = Some(
            "one of development, trial-operation, industrial-operation, decommissioned".into(),
        );
        errors.push(e);
    }
    if file.state_body.name.is_none() {
        let mut e = at.error(
            "yaml.missing-key",
            &path(&["state_body"]),
            "missing field `state_body.name`: the applicant state body".to_string(),
        );
        e.help = Some(
            "give it in dossier.yaml, or as a default in dossier.toml ([state_body] name = ...)"
                .into(),
        );
        errors.push(e);
    }
    if let Some(bin) = &file.state_body.bin
        && !(bin.len() == 12 && bin.bytes().all(|b| b.is_ascii_digit()))
    {
        errors.push(at.error(
            "state-body.bin",
            &path(&["state_body", "bin"]),
            format!("`{bin}` is not a BIN: a BIN has 12 digits"),
        ));
    }

    for id in file.documents.keys() {
        if !edition.requirements_for(&kind.id).any(|r| &r.id == id) {
            let ids: Vec<&str> = edition
                .requirements_for(&kind.id)
                .map(|r| r.id.as_str())
                .collect();
            let mut e = at.key_error(
                "document.unknown-requirement",
                &path(&["documents", id]),
                format!(
                    "`{id}` is not a document of a {} under edition {}",
                    kind.id,
                    edition.id()
                ),
            );
            e.help = Some(format!("documents: {}", ids.join(", ")));
            errors.push(e);
        }
    }

    let mut typed = BTreeMap::new();
    for (name, written) in &file.facts {
        let at_fact = path(&["facts", name]);
        match edition.fact(name) {
            None => {
                let names: Vec<&str> = edition.facts.iter().map(|f| f.name.as_str()).collect();
                let mut e = at.key_error(
                    "fact.unknown",
                    &at_fact,
                    format!("`{name}` is not a fact of edition {}", edition.id()),
                );
                e.help = Some(match closest(name, &names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("facts: {}", names.join(", ")),
                });
                errors.push(e);
            }
            Some(fact) => match facts::typed(fact, written) {
                Ok(v) => {
                    typed.insert(name.clone(), v);
                }
                Err(problem) => errors.push(at.error(
                    problem.code(),
                    &at_fact,
                    problem.describe(fact, &written.to_string()),
                )),
            },
        }
    }

    // §10.2: a covered or integrated count above its total is an error.
    for k in edition.criteria.iter().filter_map(|c| c.counts.as_ref()) {
        for (part, total) in k.parts.iter().zip(&k.totals) {
            if let (Some(Value::Number(p)), Some(Value::Number(t))) =
                (typed.get(part), typed.get(total))
                && p > t
                && !errors.iter().any(|e: &SourceError| {
                    e.code == "fact.part-above-total" && e.label.contains(part.as_str())
                })
            {
                errors.push(at.error(
                    "fact.part-above-total",
                    &path(&["facts", part]),
                    crate::messages::part_above_total(crate::lang::Lang::En, part, total),
                ));
            }
        }
    }

    for id in file.evidence.keys() {
        if edition.criterion(id).is_none() {
            errors.push(at.key_error(
                "criterion.unknown-row",
                &path(&["evidence", id]),
                format!("edition {} has no criterion row `{id}`", edition.id()),
            ));
        }
    }

    for (id, over) in &file.criteria {
        let at_row = path(&["criteria", id]);
        match edition.criterion(id) {
            None => {
                let ids: Vec<&str> = edition.criteria.iter().map(|c| c.id.as_str()).collect();
                let mut e = at.key_error(
                    "criterion.unknown-row",
                    &at_row,
                    format!("edition {} has no criterion row `{id}`", edition.id()),
                );
                e.help = Some(format!("rows: {}", ids.join(", ")));
                errors.push(e);
            }
            Some(c) if !c.applies_to.contains(&kind.id) => errors.push(at.key_error(
                "criterion.not-applicable",
                &at_row,
                format!("criterion {id} does not apply to a {}", kind.id),
            )),
            Some(_) if over.basis.trim().is_empty() => {
                let mut p = at_row.clone();
                p.push(Seg::key("basis"));
                errors.push(at.error(
                    "criterion.basis-missing",
                    &p,
                    format!("the override of criterion {id} needs a written basis (R40)"),
                ));
            }
            Some(_) => {}
        }
    }
    (typed, errors)
}

fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), *c))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, c)| c)
}
