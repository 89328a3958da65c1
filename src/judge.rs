//! Judging one dossier: from its folder to a report, the way the authorized body would.
//!
//! read `dossier.yaml` → choose the edition → validate → check documents → score → grounds →
//! outcome. A dossier that cannot be read or validated is `invalid` and carries why.

use crate::diagnostic::{Diagnostic, Severity};
use crate::documents::{self, DocumentResult};
use crate::dossier::validate::{self, Located};
use crate::dossier::yaml::{self, ReadError};
use crate::dossier::{CriterionOverride, DOSSIER_FILE, DossierFile};
use crate::edition::{Edition, Editions, Filed};
use crate::error::SourceError;
use crate::facts::Value;
use crate::lang::Lang;
use crate::messages as msg;
use crate::outcome::{self, GroundHit, Outcome};
use crate::score::{self, CriterionStatus, Failure, Score};
use crate::source_path::path;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// What every dossier of a run is judged with.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub editions: &'a Editions,
    /// `--edition`: judge every dossier under this edition.
    pub edition: Option<&'a str>,
    pub today: NaiveDate,
    pub lang: Lang,
    /// What-if changes (`dossier score --set/--fact`): applied on top of the dossier.
    pub what_if: WhatIf,
}

/// Changes to the computation only; nothing on disk changes. Values are typed against each
/// dossier's edition, so they are kept as written.
#[derive(Debug, Clone, Default)]
pub struct WhatIf {
    /// `--fact NAME=VALUE`
    pub facts: Vec<(String, String)>,
    /// `--set ID=yes|no`
    pub criteria: Vec<(String, bool)>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty() && self.criteria.is_empty()
    }
}

/// The judgment of one dossier.
#[derive(Debug, Clone)]
pub struct DossierReport {
    /// The dossier folder as the user named it.
    pub path: String,
    pub kind: Option<String>,
    pub edition: Option<String>,
    pub outcome: Outcome,
    pub grounds: Vec<GroundHit>,
    pub documents: Option<Vec<DocumentResult>>,
    pub score: Option<Score>,
    pub diagnostics: Vec<Diagnostic>,
    /// The object's name and kind in the report language, for tables.
    pub object_name: Option<String>,
    pub kind_name: Option<String>,
    /// Located errors of an invalid dossier, for printing with their source lines.
    pub errors: Vec<SourceError>,
    /// The score before the what-if changes, when there are any.
    pub baseline: Option<Score>,
    /// What-if input this dossier's edition cannot take (a usage error).
    pub what_if_problems: Vec<String>,
    /// `--set` rows that do not apply to this dossier's kind.
    pub what_if_not_applicable: Vec<String>,
    /// The dossier as read (with `dossier.toml` defaults applied), for drafting documents.
    pub file: Option<Box<DossierFile>>,
    /// The settings in effect for this dossier.
    pub settings: crate::settings::Settings,
}

impl DossierReport {
    fn invalid(path: &str, diagnostics: Vec<Diagnostic>, errors: Vec<SourceError>) -> Self {
        DossierReport {
            path: path.to_string(),
            kind: None,
            edition: None,
            outcome: Outcome::Invalid,
            grounds: Vec::new(),
            documents: None,
            score: None,
            diagnostics,
            object_name: None,
            kind_name: None,
            errors,
            baseline: None,
            what_if_problems: Vec::new(),
            what_if_not_applicable: Vec::new(),
            file: None,
            settings: Default::default(),
        }
    }
}

/// Judges the dossier in folder `dir`, shown to the user as `shown`, with its settings.
pub fn judge(
    dir: &Path,
    shown: &str,
    ctx: &Context,
    settings: &crate::settings::Settings,
) -> DossierReport {
    let file_name = format!("{shown}/{DOSSIER_FILE}");
    let text = match read_yaml(dir, ctx.lang) {
        Ok(t) => t,
        Err(d) => return DossierReport::invalid(shown, vec![d.at(&file_name, None)], vec![]),
    };
    let (mut file, map) = match yaml::parse(&text, &file_name) {
        Ok(parsed) => parsed,
        Err(ReadError::Parse(e)) => {
            return DossierReport::invalid(shown, vec![Diagnostic::from_source(&e)], vec![*e]);
        }
        Err(other) => {
            let d = read_error(other, ctx.lang);
            return DossierReport::invalid(shown, vec![d.at(&file_name, None)], vec![]);
        }
    };
    file.apply_defaults(settings);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let at = Located {
        text,
        file: &file_name,
        map: &map,
    };
    let edition = match validate::choose_edition(&file, ctx.edition, ctx.editions, &at) {
        Ok(e) => e,
        Err(e) => {
            return DossierReport::invalid(shown, vec![Diagnostic::from_source(&e)], vec![*e]);
        }
    };
    let (mut facts, errors) = validate::validate(&file, edition, ctx.editions, &at);
    let mut report = DossierReport {
        kind: Some(file.kind.clone()),
        edition: Some(edition.id().to_string()),
        object_name: Some(object_name(&file, ctx.lang)),
        kind_name: edition
            .kind(&file.kind)
            .map(|k| k.name.get(ctx.lang).to_string()),
        ..DossierReport::invalid(shown, Vec::new(), Vec::new())
    };
    if !errors.is_empty() {
        report.diagnostics = errors.iter().map(Diagnostic::from_source).collect();
        report.errors = errors;
        return report;
    }

    let mut diagnostics = Vec::new();
    let root = match dir.canonicalize() {
        Ok(r) => r,
        Err(e) => {
            let d = Diagnostic::new(
                Severity::Error,
                "yaml.unreadable",
                msg::yaml_unreadable(ctx.lang, &e.to_string()),
            );
            return DossierReport::invalid(shown, vec![d], vec![]);
        }
    };
    let documents = documents::check(
        &root,
        &file,
        edition,
        ctx.today,
        ctx.lang,
        &at,
        &mut diagnostics,
    );

    let baseline = score::score_with_evidence(
        edition,
        &file.kind,
        &facts,
        &file.criteria,
        &file.evidence,
        ctx.lang,
    );
    let mut overrides = file.criteria.clone();
    apply_what_if(
        &ctx.what_if,
        edition,
        &file.kind,
        &mut facts,
        &mut overrides,
        &mut report,
    );
    let score = if ctx.what_if.is_empty() {
        baseline.clone()
    } else {
        report.baseline = baseline;
        score::score_with_evidence(
            edition,
            &file.kind,
            &facts,
            &overrides,
            &file.evidence,
            ctx.lang,
        )
    };
    if let Some(score) = &score {
        score_diagnostics(edition, score, &at, ctx.lang, &mut diagnostics);
        // R21, R22: a row met from facts whose key term the Rules leave undefined.
        for c in score
            .criteria
            .iter()
            .filter(|c| c.status == CriterionStatus::Met && !c.overridden)
        {
            if let Some(hint) = edition
                .criterion(&c.id)
                .and_then(|row| row.evidence.as_ref())
                && !file.evidence.contains_key(&c.id)
            {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "criterion.basis-missing",
                        msg::evidence_missing(ctx.lang, &c.id, hint.get(ctx.lang)),
                    )
                    .at(at.file, at.line(&path(&["facts", &c.fact]))),
                );
            }
        }
    }
    let architecture = file.review.architecture;
    let grounds = outcome::grounds(edition, &documents, score.as_ref(), architecture);
    let outcome = outcome::decide(&documents, &grounds, architecture);
    other_diagnostics(&file, edition, &documents, ctx, &at, &mut diagnostics);

    // Errors first, then warnings, then notes; within each, in the order they were found.
    diagnostics.sort_by_key(|d| d.severity);
    report.outcome = outcome;
    report.grounds = grounds;
    report.documents = Some(documents);
    report.score = score;
    report.diagnostics = diagnostics;
    report.file = Some(Box::new(file));
    report.settings = settings.clone();
    report
}

/// Types `--fact` and `--set` against the edition and applies them on top of the dossier.
fn apply_what_if(
    what_if: &WhatIf,
    edition: &Edition,
    kind: &str,
    facts: &mut BTreeMap<String, Value>,
    overrides: &mut BTreeMap<String, CriterionOverride>,
    report: &mut DossierReport,
) {
    for (name, raw) in &what_if.facts {
        match edition.fact(name) {
            None => report.what_if_problems.push(format!(
                "--fact {name}: edition {} has no fact `{name}`",
                edition.id()
            )),
            Some(fact) => match crate::facts::parse_arg(fact, raw) {
                Ok(v) => {
                    facts.insert(name.clone(), v);
                }
                Err(p) => report
                    .what_if_problems
                    .push(format!("--fact {name}={raw}: {}", p.describe(fact, raw))),
            },
        }
    }
    for (id, met) in &what_if.criteria {
        match edition.criterion(id) {
            None => report.what_if_problems.push(format!(
                "--set {id}: edition {} has no criterion row `{id}`",
                edition.id()
            )),
            Some(c) if !c.applies_to.iter().any(|k| k == kind) => {
                report.what_if_not_applicable.push(id.clone());
            }
            Some(_) => {
                overrides.insert(
                    id.clone(),
                    CriterionOverride {
                        met: *met,
                        basis: "what-if (--set)".to_string(),
                    },
                );
            }
        }
    }
}

fn object_name(file: &DossierFile, lang: Lang) -> String {
    let name = file.object.name.get(lang);
    match &file.object.short_name {
        Some(short) if !name.contains(short.as_str()) => format!("{short} — {name}"),
        _ => name.to_string(),
    }
}

/// Reads `dossier.yaml` with its size checked before any byte is read.
fn read_yaml(dir: &Path, lang: Lang) -> Result<String, Box<Diagnostic>> {
    let p = dir.join(DOSSIER_FILE);
    let file = std::fs::File::open(&p).map_err(|e| {
        Box::new(match e.kind() {
            std::io::ErrorKind::NotFound => {
                Diagnostic::new(Severity::Error, "yaml.missing", msg::yaml_missing(lang))
            }
            _ => Diagnostic::new(
                Severity::Error,
                "yaml.unreadable",
                msg::yaml_unreadable(lang, &e.to_string()),
            ),
        })
    })?;
    let unreadable = |e: std::io::Error| {
        Diagnostic::new(
            Severity::Error,
            "yaml.unreadable",
            msg::yaml_unreadable(lang, &e.to_string()),
        )
    };
    let len = file.metadata().map_err(unreadable)?.len();
    if len > yaml::MAX_YAML_BYTES {
        return Err(Box::new(read_error(ReadError::TooLarge(len), lang)));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(yaml::MAX_YAML_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    yaml::decode(bytes).map_err(|e| Box::new(read_error(e, lang)))
}

fn read_error(e: ReadError, lang: Lang) -> Diagnostic {
    match e {
        ReadError::TooLarge(n) => Diagnostic::new(
            Severity::Error,
            "yaml.too-large",
            msg::yaml_too_large(lang, n, yaml::MAX_YAML_BYTES),
        ),
        ReadError::NotUtf8(why) => Diagnostic::new(
            Severity::Error,
            "yaml.encoding",
            msg::yaml_not_utf8(lang, &why),
        ),
        ReadError::Parse(e) => Diagnostic::from_source(&e),
    }
}

fn score_diagnostics(
    edition: &Edition,
    score: &Score,
    at: &Located,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) {
    let clause = &edition.scoring.clause;
    for f in &score.failures {
        let (code, message) = match f {
            Failure::TotalBelow { total, min } => (
                "criteria.total-low",
                msg::total_low(lang, clause, *total, score.max, *min),
            ),
            Failure::GroupBelow { group, points, min } => {
                let title = edition
                    .groups
                    .iter()
                    .find(|g| &g.id == group)
                    .map_or("", |g| g.title.get(lang));
                (
                    "criteria.group-empty",
                    msg::group_empty(lang, clause, group, title, *points, *min),
                )
            }
        };
        out.push(
            Diagnostic::new(Severity::Error, code, message).at(at.file, at.line(&path(&["facts"]))),
        );
    }
    for c in score.criteria.iter().filter(|c| c.inconsistent) {
        out.push(
            Diagnostic::new(
                Severity::Warning,
                "fact.inconsistent",
                msg::fact_inconsistent(lang, &c.id, &c.fact, &c.basis),
            )
            .at(at.file, at.line(&path(&["facts", &c.fact]))),
        );
    }
    for c in score.criteria.iter().filter(|c| c.unstated()) {
        out.push(
            Diagnostic::new(
                Severity::Info,
                "criterion.fact-missing",
                msg::criterion_fact_missing(lang, &c.id, &c.fact),
            )
            .at(at.file, at.line(&path(&["facts"]))),
        );
    }
}

fn other_diagnostics(
    file: &DossierFile,
    edition: &Edition,
    documents: &[DocumentResult],
    ctx: &Context,
    at: &Located,
    out: &mut Vec<Diagnostic>,
) {
    let lang = ctx.lang;
    match file.review.architecture {
        Some(crate::dossier::Architecture::DoesNotConform) => out.push(
            Diagnostic::new(
                Severity::Error,
                "architecture.does-not-conform",
                msg::architecture_does_not_conform(lang),
            )
            .at(at.file, at.line(&path(&["review", "architecture"]))),
        ),
        Some(crate::dossier::Architecture::Conforms) => {}
        _ => out.push(
            Diagnostic::new(
                Severity::Info,
                "architecture.pending",
                msg::architecture_pending(lang),
            )
            .at(at.file, at.line(&path(&["review"]))),
        ),
    }
    if documents.iter().any(|d| d.filed == Filed::Portal) && file.object.portal_id.is_none() {
        out.push(
            Diagnostic::new(
                Severity::Warning,
                "object.portal-id-missing",
                msg::portal_id_missing(lang),
            )
            .at(at.file, at.line(&path(&["object"]))),
        );
    }
    // R38: the 2016 filing deadline, only where the edition has one.
    if let (Some(md), Some(date)) = (
        edition.edition.filing_deadline,
        file.application.as_ref().and_then(|a| a.date),
    ) && let Some(deadline) = NaiveDate::from_ymd_opt(date.0.year(), md.month, md.day)
        && date.0 > deadline
    {
        out.push(
            Diagnostic::new(
                Severity::Warning,
                "application.after-filing-deadline",
                msg::after_filing_deadline(lang, &date.to_string(), md.day, md.month),
            )
            .at(at.file, at.line(&path(&["application", "date"]))),
        );
    }
    // R37: a check of the Rules only a reviewer can make (2016: an internet resource's content).
    if let Some(check) = edition
        .kind(&file.kind)
        .and_then(|k| k.reviewer_check.as_ref())
    {
        out.push(Diagnostic::new(
            Severity::Info,
            "ground.content-rules-unchecked",
            format!(
                "{}: {}",
                msg::clause(lang, &check.clause),
                check.text.get(lang)
            ),
        ));
    }
    // R1, regulation.md §10.1: say which units of the text are stale on the check date.
    if let Some(amended) = &edition.edition.amended_units
        && ctx.today >= amended.from
    {
        out.push(Diagnostic::new(
            Severity::Warning,
            "edition.amended-units",
            amended.note.get(lang).to_string(),
        ));
    }
}
