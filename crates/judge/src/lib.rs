//! Judges dossiers: which folders are dossiers, whether each document is a real document
//! (inspection, signatures, integrity), the score against the criteria, the grounds and the
//! outcome, the statutory timeline, and the parallel run over many dossiers. Judgment is data:
//! no words here (they are `dossier-words`'), no printing, no environment, no clock.
#![deny(unsafe_code)]

pub mod discover;
pub mod documents;
pub mod inspect;
pub mod integrity;
pub mod judge;
pub mod outcome;
pub mod score;
pub mod signature;
pub mod timeline;

pub(crate) use dossier_model::{
    calendar, dossier, edition, error, facts, files, finding, lang, limits, settings, source_path,
};

use chrono::NaiveDate;
use edition::Editions;
use error::{Error, Result};
use finding::{Arg, Message};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
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
    /// An edition a `dossier.toml` loads under a built-in id is not used: the built-in text
    /// judges (`verify` judges an archive so; its own copy is compared, not trusted).
    pub built_in_wins: bool,
    /// How many threads judge a chunk of dossiers, in a pool of their own started for the
    /// first chunk of two or more (asked only then: counting the cores reads the cgroup's
    /// files); none: the caller's rayon pool (the global one: `RAYON_NUM_THREADS`, else one
    /// per core).
    pub threads: Option<fn() -> usize>,
}

/// Loads the built-in editions and any given with `--rules`.
pub fn load_editions(rules: &[PathBuf]) -> Result<Editions> {
    let mut editions = Editions::built_in();
    for path in rules {
        editions.load_file(path)?;
    }
    Ok(editions)
}

/// The editions a dossier in `dir` is judged under: the built-in ones, the `editions` of the
/// `dossier.toml` in effect there (or of `config`), then `rules`, which win (`rules list|show`).
pub fn editions_in_effect(
    dir: &Path,
    config: Option<&Path>,
    rules: &[PathBuf],
) -> Result<Editions> {
    let settings = settings::Settings::for_dossier(dir, config)?;
    let mut editions = Editions::built_in();
    for path in &settings.confined_editions()? {
        editions.load_file(path)?;
    }
    for path in rules {
        editions.load_file(path)?;
    }
    Ok(editions)
}

/// Judges every dossier under the request's paths, in parallel, in a deterministic order: one
/// judgment per dossier, which every command then reads. Each dossier is judged with its own
/// settings and the editions they load: a sibling's `dossier.toml` never changes a verdict, and
/// a broken one makes only the dossiers under it invalid.
pub fn check(req: &CheckRequest) -> Result<CheckReport> {
    let run = prepare(req)?;
    let mut dossiers = Vec::with_capacity(run.len());
    let (path_errors, editions) = run.judge_in_chunks(usize::MAX, |chunk| dossiers.extend(chunk));
    Ok(CheckReport {
        dossiers,
        path_errors,
        editions,
    })
}

/// A run ready to judge: the dossiers found, each with its settings and editions.
pub struct Run<'r> {
    req: &'r CheckRequest,
    found: Vec<discover::Found>,
    prepared: Vec<Prepared>,
    path_errors: Vec<Message>,
    base: Arc<Editions>,
}

/// Discovers the dossiers and resolves their settings and editions (serially: these are shared
/// by many dossiers and read once), ready to judge.
pub fn prepare(req: &CheckRequest) -> Result<Run<'_>> {
    let (found, path_errors) = discover::discover(&req.paths);
    // --rules are loaded once; they apply to every dossier and win over settings editions.
    let mut rules: Vec<Arc<edition::Edition>> = Vec::new();
    for path in &req.rules {
        let mut one = Editions::built_in();
        let id = one.load_file(path)?.id().to_string();
        rules.extend(one.get_arc(&id));
    }
    let mut base = Editions::built_in();
    for e in &rules {
        base.add(e.clone());
    }
    if let Some(id) = req
        .edition
        .as_deref()
        .filter(|id| *id != dossier::validate::AUTO_EDITION)
    {
        base.require(id)?;
    }
    let base = Arc::new(base);
    let mut by_files: HashMap<Vec<PathBuf>, std::result::Result<Arc<Editions>, judge::Invalid>> =
        HashMap::new();
    let mut lookup = settings::Lookup::new(req.config.as_deref());
    let prepared: Vec<Prepared> = found
        .iter()
        .map(|f| {
            let settings = match lookup.for_dossier(&f.dir, f.linked) {
                Ok(s) => s,
                Err(e) => {
                    return Err(Box::new(judge::Invalid::from_error(
                        &e,
                        finding::Code::SettingsInvalid,
                    )));
                }
            };
            let files = match settings.confined_editions() {
                Ok(files) => files,
                Err(e) => {
                    return Err(Box::new(judge::Invalid::from_error(
                        &e,
                        finding::Code::SettingsInvalid,
                    )));
                }
            };
            let editions = if files.is_empty() {
                Ok(base.clone())
            } else {
                by_files
                    .entry(files.clone())
                    .or_insert_with(|| editions_with(&files, &rules, req.built_in_wins))
                    .clone()
            };
            editions.map(|e| (settings, e)).map_err(Box::new)
        })
        .collect();
    Ok(Run {
        req,
        found,
        prepared,
        path_errors,
        base,
    })
}

impl Run<'_> {
    /// How many dossiers the run judges.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The `lang` setting of the first dossier whose settings were read, if any: the report
    /// language of a run without `--lang`, known before anything is judged.
    pub fn settings_lang(&self) -> Option<lang::Lang> {
        self.prepared
            .iter()
            .find_map(|p| p.as_ref().ok())
            .and_then(|(s, _)| s.lang.as_ref())
            .map(|l| l.value)
    }

    /// Judges the dossiers in order, `chunk` at a time in parallel, handing each chunk to `each`
    /// and keeping nothing of it: memory stays flat however many dossiers there are. Returns
    /// the paths that held no dossier and the editions of the run.
    pub fn judge_in_chunks(
        self,
        chunk: usize,
        each: impl FnMut(Vec<judge::DossierReport>),
    ) -> (Vec<Message>, Editions) {
        self.map_in_chunks(chunk, |d| d, each)
    }

    /// As `judge_in_chunks`, with `map` applied to each judgment on the worker that made it
    /// (a printer's rendering, say), so judging and rendering overlap.
    pub fn map_in_chunks<T: Send>(
        self,
        chunk: usize,
        map: impl Fn(judge::DossierReport) -> T + Sync + Send,
        mut each: impl FnMut(Vec<T>),
    ) -> (Vec<Message>, Editions) {
        let req = self.req;
        let mut prepared = self.prepared.into_iter();
        let pool = std::cell::OnceCell::new();
        for found in self.found.chunks(chunk.max(1)) {
            let batch: Vec<(&discover::Found, Prepared)> =
                found.iter().zip(prepared.by_ref()).collect();
            let judge_one = |(f, prepared): (&discover::Found, Prepared)| match prepared {
                Ok((settings, editions)) => {
                    let ctx = judge::Context {
                        editions: &editions,
                        edition: req.edition.as_deref(),
                        today: req.today,
                        what_if: &req.what_if,
                    };
                    judge::judge_guarded(&f.dir, &f.shown, &ctx, settings)
                }
                Err(invalid) => judge::DossierReport {
                    path: f.shown.clone(),
                    judgment: judge::Judgment::Invalid(*invalid),
                },
            };
            // One dossier is judged where it is: no thread pool is started for it.
            let judged = if batch.len() < 2 {
                batch.into_iter().map(judge_one).map(&map).collect()
            } else {
                let pool = pool.get_or_init(|| {
                    let threads = req.threads?;
                    rayon::ThreadPoolBuilder::new()
                        .num_threads(threads())
                        .build()
                        .ok()
                });
                let judge_all = || batch.into_par_iter().map(judge_one).map(&map).collect();
                match pool {
                    Some(pool) => pool.install(judge_all),
                    None => judge_all(),
                }
            };
            each(judged);
        }
        (self.path_errors, Arc::unwrap_or_clone(self.base))
    }
}

/// A dossier's settings and editions, or why it cannot be judged.
/// (Boxed: an invalid one is rare, and the list holds one per dossier found.)
type Prepared = std::result::Result<(Arc<settings::Settings>, Arc<Editions>), Box<judge::Invalid>>;

/// The built-in editions, those a `dossier.toml` loads, then those of `--rules`.
fn editions_with(
    files: &[PathBuf],
    rules: &[Arc<edition::Edition>],
    built_in_wins: bool,
) -> std::result::Result<Arc<Editions>, judge::Invalid> {
    let mut editions = Editions::built_in();
    for path in files {
        let edition = Editions::read_file(path)
            .map_err(|e| judge::Invalid::from_error(&e, finding::Code::RulesInvalid))?;
        if built_in_wins && Editions::built_in_text(edition.id()).is_some() {
            continue;
        }
        editions.add(Arc::new(edition));
    }
    for e in rules {
        editions.add(e.clone());
    }
    Ok(Arc::new(editions))
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
