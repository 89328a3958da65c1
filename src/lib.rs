//! `dossier`: checks, scores and drafts the submission that puts an "e-government" ICT
//! infrastructure object on the List assigned to the operator (Rules of Order No. 29 of 2018).
//!
//! The library takes plain requests and returns data; it never prints, exits, or reads the
//! environment. The binary (`src/main.rs`) owns the terminal. See ARCHITECTURE.md.

/// The tool's own words in every report language: `tr!(lang, en: "…", ru: "…", kk: "…")`,
/// each a format string that may name variables in scope.
#[macro_export]
#[doc(hidden)]
macro_rules! tr {
    ($lang:expr, en: $en:literal, ru: $ru:literal, kk: $kk:literal $(,)?) => {
        match $lang {
            $crate::lang::Lang::En => format!($en),
            $crate::lang::Lang::Ru => format!($ru),
            $crate::lang::Lang::Kk => format!($kk),
        }
    };
}

pub mod calendar;
pub mod diagnostic;
pub mod discover;
pub mod documents;
pub mod dossier;
pub mod edition;
pub mod encoding;
pub mod error;
pub mod facts;
pub mod init;
pub mod inspect;
pub mod judge;
pub mod lang;
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
use error::Result;
use lang::Lang;
use rayon::prelude::*;
use report::CheckReport;
use std::path::PathBuf;

/// What `dossier check` is asked to do.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    pub paths: Vec<PathBuf>,
    pub today: NaiveDate,
    pub lang: Lang,
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

/// Judges every dossier under the request's paths, in parallel, in a deterministic order.
pub fn check(req: &CheckRequest) -> Result<CheckReport> {
    let (found, path_errors) = discover::discover(&req.paths);
    let settings: Vec<settings::Settings> = found
        .iter()
        .map(|f| settings::Settings::for_dossier(&f.dir, req.config.as_deref()))
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
    if let Some(id) = &req.edition
        && editions.get(id).is_none()
    {
        let ids: Vec<&str> = editions.ids().collect();
        return Err(error::Error::Usage(format!(
            "unknown edition `{id}` (editions: {})",
            ids.join(", ")
        )));
    }
    let ctx = judge::Context {
        editions: &editions,
        edition: req.edition.as_deref(),
        today: req.today,
        lang: req.lang,
        what_if: req.what_if.clone(),
    };
    let dossiers = found
        .par_iter()
        .zip(settings.par_iter())
        .map(|(f, s)| judge::judge(&f.dir, &f.shown, &ctx, s))
        .collect();
    drop(ctx);
    Ok(CheckReport {
        dossiers,
        path_errors,
        editions,
    })
}

/// `dossier score`: judges like `check`, then refuses what-if input that fits no dossier.
pub fn score(req: &CheckRequest) -> Result<CheckReport> {
    let report = check(req)?;
    let mut problems: Vec<String> = Vec::new();
    for d in &report.dossiers {
        for p in &d.what_if_problems {
            if !problems.contains(p) {
                problems.push(p.clone());
            }
        }
    }
    // A row for the other kind only is a mistake when it applies to none of the dossiers.
    let judged: Vec<&judge::DossierReport> = report
        .dossiers
        .iter()
        .filter(|d| d.outcome != outcome::Outcome::Invalid)
        .collect();
    for (id, _) in &req.what_if.criteria {
        if !judged.is_empty() && judged.iter().all(|d| d.what_if_not_applicable.contains(id)) {
            let kinds: Vec<&str> = judged
                .iter()
                .filter_map(|d| d.kind_name.as_deref())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            problems.push(format!(
                "--set {id}: criterion {id} does not apply to this kind ({})",
                kinds.join(" or ")
            ));
        }
    }
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(error::Error::Usage(problems.join("\n")))
    }
}

/// What `dossier render` is asked to draft.
#[derive(Debug, Clone)]
pub struct RenderRequest {
    pub check: CheckRequest,
    pub document: render::Document,
    pub format: render::Format,
    /// `kk` or `ru`.
    pub lang: Lang,
    /// `--template FILE`: replaces the built-in template.
    pub template: Option<PathBuf>,
}

/// One drafted document, or why it could not be drafted.
#[derive(Debug)]
pub struct Rendered {
    /// The dossier as the user named it.
    pub dossier: String,
    /// `<dossier-folder-name>.<document>.<lang>.<ext>`
    pub file_name: String,
    pub result: Result<Vec<u8>>,
}

/// A template from the `templates` folder of the dossier's settings, when it has one for the
/// document and language.
fn settings_template(
    d: &judge::DossierReport,
    document: render::Document,
    edition: &edition::Edition,
    lang: Lang,
) -> Result<Option<render::CustomTemplate>> {
    let Some(dir) = &d.settings.templates else {
        return Ok(None);
    };
    let path = dir
        .value
        .join(render::template_name(document, edition, lang));
    if !path.is_file() {
        return Ok(None);
    }
    Ok(Some(render::CustomTemplate {
        file: path.display().to_string(),
        text: edition::read_text(&path)?,
    }))
}

/// Drafts the document for every dossier under the request's paths.
pub fn render(req: &RenderRequest) -> Result<(Vec<Rendered>, Vec<String>)> {
    if req.lang == Lang::En {
        return Err(error::Error::Usage(
            "documents are drafted in Kazakh or Russian: use --lang kk or --lang ru".into(),
        ));
    }
    let custom = match &req.template {
        Some(path) => Some(render::CustomTemplate {
            file: path.display().to_string(),
            text: edition::read_text(path)?,
        }),
        None => None,
    };
    let report = check(&req.check)?;
    let rendered = report
        .dossiers
        .iter()
        .map(|d| {
            let folder = d.path.rsplit('/').next().unwrap_or(&d.path).to_string();
            let file_name = format!(
                "{folder}.{}.{}.{}",
                req.document.id(),
                req.lang.code(),
                req.format.extension()
            );
            let result = match d.edition.as_deref().and_then(|id| report.editions.get(id)) {
                Some(edition) => settings_template(d, req.document, edition, req.lang).and_then(
                    |from_settings| {
                        render::render(
                            req.document,
                            d,
                            edition,
                            req.lang,
                            req.format,
                            req.check.today,
                            custom.as_ref().or(from_settings.as_ref()),
                        )
                    },
                ),
                None => Err(error::Error::Usage(format!(
                    "{}: the dossier is invalid; fix dossier.yaml before drafting (see `dossier check`)",
                    d.path
                ))),
            };
            Rendered {
                dossier: d.path.clone(),
                file_name,
                result,
            }
        })
        .collect();
    Ok((rendered, report.path_errors))
}

/// A dossier's statutory steps (by its index in the report), with each step's title in the
/// report language.
pub type DossierTimeline = (usize, Vec<timeline::Step>, Vec<String>);

/// `dossier timeline`: judges the dossiers, then computes each one's steps on its calendar
/// (the built-in one with the overrides of its dossier.toml).
pub fn timeline(req: &CheckRequest) -> Result<(CheckReport, Vec<DossierTimeline>)> {
    let report = check(req)?;
    let base = calendar::Calendar::built_in();
    let mut out = Vec::new();
    for (i, d) in report.dossiers.iter().enumerate() {
        let Some(edition) = d.edition.as_deref().and_then(|id| report.editions.get(id)) else {
            continue;
        };
        let cal = d.settings.calendar(&base);
        if let Some(steps) = timeline::steps(d, edition, &cal, req.today) {
            let titles = steps
                .iter()
                .map(|s| {
                    edition
                        .deadlines
                        .iter()
                        .find(|x| x.id == s.id)
                        .map_or(s.id.clone(), |x| x.title.get(req.lang).to_string())
                })
                .collect();
            out.push((i, steps, titles));
        }
    }
    Ok((report, out))
}
