//! `dossier`: checks, scores and drafts the submission that puts an "e-government" ICT
//! infrastructure object on the List assigned to the operator (Rules of Order No. 29 of 2018).
//!
//! The library takes plain requests and returns data; it never prints, exits, or reads the
//! environment or the clock. The binary (`src/main.rs`) owns the terminal. See ARCHITECTURE.md.
#![deny(unsafe_code)]

pub mod calendar;
pub mod discover;
pub mod documents;
pub mod dossier;
pub mod edition;
pub mod encoding;
pub mod error;
pub mod facts;
pub mod finding;
pub mod init;
pub mod inspect;
pub mod judge;
pub mod lang;
pub mod limits;
pub mod messages;
pub mod outcome;
pub mod render;
pub mod report;
pub mod score;
pub mod settings;
pub mod source_path;
pub mod timeline;
mod toml_locate;

use chrono::NaiveDate;
use edition::Editions;
use error::{Error, Result};
use finding::{Arg, Message};
use rayon::prelude::*;
use report::CheckReport;
use std::path::PathBuf;
use std::sync::Arc;

/// What a judging command (`check`, `score`, `render`, `timeline`) is asked to judge.
#[derive(Debug, Clone, Default)]
pub struct CheckRequest {
    pub paths: Vec<PathBuf>,
    pub today: NaiveDate,
    /// `--edition`: judge every dossier under this edition.
    pub edition: Option<String>,
    /// `--rules`: editions to load from files, in order.
    pub rules: Vec<PathBuf>,
    pub what_if: judge::WhatIf,
    /// `--config`: one settings file instead of the `dossier.toml` lookup.
    pub config: Option<PathBuf>,
}

/// Loads the built-in editions and any given with `--rules`.
pub fn load_editions(rules: &[PathBuf]) -> Result<Editions> {
    let mut editions = Editions::built_in();
    for path in rules {
        editions.load_file(path)?;
    }
    Ok(editions)
}

/// Judges every dossier under the request's paths, in parallel, in a deterministic order: one
/// judgment per dossier, which every command then reads.
pub fn check(req: &CheckRequest) -> Result<CheckReport> {
    let (found, path_errors) = discover::discover(&req.paths);
    let settings: Vec<Arc<settings::Settings>> = found
        .iter()
        .map(|f| settings::Settings::for_dossier(&f.dir, req.config.as_deref()).map(Arc::new))
        .collect::<Result<_>>()?;
    // Editions named in any dossier.toml are loaded for the run, then those given with --rules.
    let mut rules: Vec<PathBuf> = Vec::new();
    for s in &settings {
        for p in s.editions.iter().flat_map(|e| e.value.iter()) {
            if !rules.contains(p) {
                rules.push(p.clone());
            }
        }
    }
    rules.extend(req.rules.iter().cloned());
    let editions = load_editions(&rules)?;
    if let Some(id) = &req.edition {
        editions.require(id)?;
    }
    let ctx = judge::Context {
        editions: &editions,
        edition: req.edition.as_deref(),
        today: req.today,
        what_if: &req.what_if,
    };
    let dossiers = found
        .par_iter()
        .zip(settings.into_par_iter())
        .map(|(f, s)| judge::judge(&f.dir, &f.shown, &ctx, s))
        .collect();
    Ok(CheckReport {
        dossiers,
        path_errors,
        editions,
    })
}

/// `dossier score`: judges like `check`; what-if input that fits no dossier is a usage error.
pub fn score(req: &CheckRequest) -> Result<CheckReport> {
    let report = check(req)?;
    let mut problems: Vec<Message> = Vec::new();
    let judged: Vec<&judge::Judged> = report.dossiers.iter().filter_map(|d| d.judged()).collect();
    for j in &judged {
        for p in &j.what_if.problems {
            if !problems.contains(p) {
                problems.push(p.clone());
            }
        }
    }
    // A row for the other kind only is a mistake when it applies to none of the dossiers.
    for (id, _) in &req.what_if.criteria {
        if !judged.is_empty() && judged.iter().all(|j| j.what_if.not_applicable.contains(id)) {
            let kinds: std::collections::BTreeSet<&str> =
                judged.iter().map(|j| j.file.kind.as_str()).collect();
            problems.push(
                Message::new("usage.what-if-not-applicable")
                    .arg("row", id)
                    .arg(
                        "kinds",
                        Arg::List(kinds.into_iter().map(str::to_string).collect()),
                    ),
            );
        }
    }
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(Error::Usage(problems))
    }
}
