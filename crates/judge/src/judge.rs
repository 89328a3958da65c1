//! Judging one dossier: from its folder to a typed judgment, the way the authorized body would.
//!
//! read `dossier.yaml` → choose the edition → validate → check documents → score → grounds →
//! outcome. A dossier that cannot be read or validated is `Judgment::Invalid` and carries why.
//! Nothing here is worded: findings are data, and the printers word them.

use crate::documents::{self, DocumentResult};
use crate::dossier::validate::{self, Located};
use crate::dossier::yaml;
use crate::dossier::{Architecture, CriterionOverride, DOSSIER_FILE, DossierFile};
use crate::edition::{Edition, Editions, Filed};
use crate::facts::Value;
use crate::finding::{Arg, Code, Finding, Message, Severity, Source};
use crate::outcome::{self, GroundHit, Outcome};
use crate::score::{self, CriterionStatus, Failure, Score};
use crate::settings::Settings;
use crate::source_path::{path, segs};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// What every dossier of a run is judged with.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub editions: &'a Editions,
    /// `--edition`: judge every dossier under this edition.
    pub edition: Option<&'a str>,
    pub today: NaiveDate,
    /// What-if changes (`--set`/`--fact`): applied on top of the dossier.
    pub what_if: &'a WhatIf,
}

/// Changes to the computation only; nothing on disk changes. Values are typed against each
/// dossier's edition, so they are kept as written.
#[derive(Debug, Clone, Default)]
pub struct WhatIf {
    /// `--fact NAME=VALUE`
    pub facts: Vec<(String, String)>,
    /// `--set ID=yes|no`
    pub criteria: Vec<(String, bool)>,
    /// `--assume KEY=VALUE`: what the review would record.
    pub review: Vec<Assume>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty() && self.criteria.is_empty() && self.review.is_empty()
    }
}

/// A `review` value assumed for a what-if run (`--assume architecture=conforms`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assume {
    Architecture(Architecture),
    ContentRules(crate::dossier::ContentRules),
}

impl Assume {
    /// The key and value as typed: `("architecture", "conforms")`.
    pub fn as_pair(self) -> (&'static str, &'static str) {
        use crate::dossier::ContentRules;
        match self {
            Assume::Architecture(a) => (
                "architecture",
                match a {
                    Architecture::Conforms => "conforms",
                    Architecture::DoesNotConform => "does-not-conform",
                    Architecture::Pending => "pending",
                    Architecture::NoArchitecture => "no-architecture",
                },
            ),
            Assume::ContentRules(c) => (
                "content_rules",
                match c {
                    ContentRules::Complies => "complies",
                    ContentRules::DoesNotComply => "does-not-comply",
                },
            ),
        }
    }
}

impl std::str::FromStr for Assume {
    type Err = String;

    /// `architecture=conforms|does-not-conform|pending|no-architecture`,
    /// `content_rules=complies|does-not-comply`.
    fn from_str(s: &str) -> Result<Assume, String> {
        use crate::dossier::ContentRules;
        let (key, value) = s
            .split_once('=')
            .ok_or_else(|| format!("`{s}`: write KEY=VALUE, e.g. architecture=conforms"))?;
        let (key, value) = (key.trim(), value.trim());
        let architecture = [
            ("conforms", Architecture::Conforms),
            ("does-not-conform", Architecture::DoesNotConform),
            ("pending", Architecture::Pending),
            ("no-architecture", Architecture::NoArchitecture),
        ];
        let content = [
            ("complies", ContentRules::Complies),
            ("does-not-comply", ContentRules::DoesNotComply),
        ];
        match key {
            "architecture" => architecture
                .iter()
                .find(|(v, _)| *v == value)
                .map(|(_, a)| Assume::Architecture(*a))
                .ok_or_else(|| {
                    format!("`{value}`: architecture is conforms, does-not-conform, pending or no-architecture")
                }),
            "content_rules" => content
                .iter()
                .find(|(v, _)| *v == value)
                .map(|(_, c)| Assume::ContentRules(*c))
                .ok_or_else(|| format!("`{value}`: content_rules is complies or does-not-comply")),
            _ => Err(format!(
                "`{key}`: the review keys a what-if may assume are architecture and content_rules"
            )),
        }
    }
}

/// What `check --stage filing` asks of the state body's own part: every document filed with
/// the application and every architecture-portal item present and valid, no placeholder left,
/// and the criteria passed (where the kind is scored). The integrator's answer is not awaited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// Requirement ids of documents missing, invalid or expired.
    pub missing: Vec<String>,
    /// The criteria are scored and not passed.
    pub criteria_failed: bool,
    /// Texts still holding a placeholder.
    pub placeholders: usize,
    /// The dossier is sealed and a document differs from the seal, or the seal cannot be read:
    /// what would be filed is not what was sealed.
    pub seal_broken: bool,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.missing.is_empty()
            && !self.criteria_failed
            && self.placeholders == 0
            && !self.seal_broken
    }
}

/// One dossier of a run: where it is, and what was concluded.
#[derive(Debug, Clone)]
pub struct DossierReport {
    /// The dossier folder as the user named it.
    pub path: String,
    pub judgment: Judgment,
}

/// The judgment of one dossier.
#[derive(Debug, Clone)]
pub enum Judgment {
    /// `dossier.yaml` is missing, unreadable or does not follow the contract.
    Invalid(Invalid),
    Judged(Box<Judged>),
}

#[derive(Debug, Clone, Default)]
pub struct Invalid {
    /// What could be read before the error, for the report.
    pub kind: Option<String>,
    pub edition: Option<String>,
    pub errors: Vec<Finding>,
    /// The text the errors point into, shared by all of them.
    pub source: Option<Source>,
}

/// A dossier judged under an edition.
#[derive(Debug, Clone)]
pub struct Judged {
    /// The dossier folder, as the run opened it (drafts read digests of its documents).
    pub dir: std::path::PathBuf,
    pub edition: Arc<Edition>,
    /// The dossier as read, with `dossier.toml` defaults applied.
    pub file: DossierFile,
    /// The settings in effect for this dossier.
    pub settings: Arc<Settings>,
    pub documents: Vec<DocumentResult>,
    /// `None` when the edition does not score the kind.
    pub score: Option<Score>,
    /// The score before the what-if changes, when there are any.
    pub baseline: Option<Score>,
    pub grounds: Vec<GroundHit>,
    pub outcome: Outcome,
    /// Errors first, then warnings, then notes; within each, in the order found.
    pub findings: Vec<Finding>,
    pub what_if: WhatIfEffect,
}

/// What the what-if input did to this dossier, beyond the score.
#[derive(Debug, Clone, Default)]
pub struct WhatIfEffect {
    /// Input this dossier's edition cannot take (a usage error for the run).
    pub problems: Vec<Message>,
    /// `--set` rows that do not apply to this dossier's kind.
    pub not_applicable: Vec<String>,
}

impl Invalid {
    /// A dossier that cannot be judged because of an error in a file above it (its
    /// `dossier.toml`, an edition it loads): the error as the dossier's finding.
    pub fn from_error(e: &crate::error::Error, code: Code) -> Invalid {
        use crate::error::Error;
        let (errors, source) = match e {
            Error::Source(s) => (vec![s.finding.clone()], Some(s.source.clone())),
            Error::Usage(messages) => (
                messages
                    .iter()
                    .map(|m| {
                        let mut f = Finding::with(Severity::Error, code, m.key);
                        f.message = m.clone();
                        f
                    })
                    .collect(),
                None,
            ),
            Error::Io { path, source } | Error::Write { path, source } => (
                vec![
                    Finding::with(Severity::Error, code, "error.read")
                        .arg("file", path.display().to_string())
                        .arg("why", crate::files::io_reason(source)),
                ],
                None,
            ),
            Error::Internal(why) => (
                vec![
                    Finding::with(Severity::Error, code, "error.internal").arg("why", why.as_str()),
                ],
                None,
            ),
        };
        Invalid {
            errors,
            source,
            ..Invalid::default()
        }
    }
}

impl Judged {
    /// The state body's part, ready to file or not (`check --stage filing`).
    pub fn readiness(&self) -> Readiness {
        Readiness {
            missing: self
                .documents
                .iter()
                .filter(|d| !d.status.counts())
                .map(|d| d.id.clone())
                .collect(),
            criteria_failed: self.score.as_ref().is_some_and(|s| !s.passed),
            placeholders: self
                .findings
                .iter()
                .filter(|f| f.code == Code::TextPlaceholder)
                .count(),
            seal_broken: self.findings.iter().any(|f| {
                matches!(
                    f.code,
                    Code::DocumentChangedSinceSeal | Code::SealUnreadable
                )
            }),
        }
    }
}

impl DossierReport {
    pub fn judged(&self) -> Option<&Judged> {
        match &self.judgment {
            Judgment::Judged(j) => Some(j),
            Judgment::Invalid(_) => None,
        }
    }

    pub fn outcome(&self) -> Outcome {
        self.judged().map_or(Outcome::Invalid, |j| j.outcome)
    }

    pub fn findings(&self) -> &[Finding] {
        match &self.judgment {
            Judgment::Judged(j) => &j.findings,
            Judgment::Invalid(i) => &i.errors,
        }
    }

    pub fn kind(&self) -> Option<&str> {
        match &self.judgment {
            Judgment::Judged(j) => Some(&j.file.kind),
            Judgment::Invalid(i) => i.kind.as_deref(),
        }
    }

    pub fn edition_id(&self) -> Option<&str> {
        match &self.judgment {
            Judgment::Judged(j) => Some(j.edition.id()),
            Judgment::Invalid(i) => i.edition.as_deref(),
        }
    }

    pub fn score(&self) -> Option<&Score> {
        self.judged().and_then(|j| j.score.as_ref())
    }

    fn invalid(path: &str, invalid: Invalid) -> DossierReport {
        DossierReport {
            path: path.to_string(),
            judgment: Judgment::Invalid(invalid),
        }
    }
}

/// `judge`, with a panic caught: a defect met in one dossier makes that dossier invalid with an
/// internal error and never loses the report of the others.
pub fn judge_guarded(
    dir: &Path,
    shown: &str,
    ctx: &Context,
    settings: Arc<Settings>,
) -> DossierReport {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        judge(dir, shown, ctx, settings)
    }))
    .unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        DossierReport::invalid(
            shown,
            Invalid {
                errors: vec![
                    Finding::with(Severity::Error, Code::Internal, "error.internal")
                        .arg("why", why),
                ],
                ..Invalid::default()
            },
        )
    })
}

/// Judges the dossier in folder `dir`, shown to the user as `shown`, with its settings.
pub fn judge(dir: &Path, shown: &str, ctx: &Context, settings: Arc<Settings>) -> DossierReport {
    let file_name = format!("{shown}/{DOSSIER_FILE}");
    let fail = |errors: Vec<Finding>, source: Option<Source>| {
        DossierReport::invalid(
            shown,
            Invalid {
                errors,
                source,
                ..Invalid::default()
            },
        )
    };
    // One handle on the folder: dossier.yaml and every document are opened beneath it.
    let root = match crate::inspect::open_root(dir) {
        Ok(r) => r,
        Err(e) => {
            let f = Finding::error(Code::YamlUnreadable).arg("why", crate::files::io_reason(&e));
            return fail(vec![f.at(&file_name, None)], None);
        }
    };
    let text: Arc<str> = match crate::files::read_yaml(&root) {
        Ok(t) => Arc::from(t.strip_prefix('\u{feff}').unwrap_or(&t)),
        Err(f) => return fail(vec![f.at(&file_name, None)], None),
    };
    let source = Source {
        file: file_name.clone(),
        text: text.clone(),
    };
    let (mut file, map) = match yaml::parse(&text, &file_name) {
        Ok(parsed) => parsed,
        Err(e) => return fail(vec![e], Some(source)),
    };
    file.apply_defaults(&settings);
    // What-if: the review as it would be recorded, nothing on disk changed.
    for a in &ctx.what_if.review {
        match *a {
            Assume::Architecture(v) => file.review.architecture = Some(v),
            Assume::ContentRules(v) => file.review.content_rules = Some(v),
        }
    }
    let at = Located::new(&text, &file_name, &map);
    let (edition, period_findings) =
        match validate::choose_edition(&file, ctx.edition, ctx.editions, &at) {
            Ok(chosen) => chosen,
            Err(e) => return fail(vec![e], Some(source)),
        };
    let (facts, mut errors) = validate::validate(&file, &edition, ctx.editions, &at);
    if !errors.is_empty() {
        // An edition out of its period often explains the errors (another edition's documents).
        errors.extend(period_findings);
        cap(&mut errors);
        return DossierReport::invalid(
            shown,
            Invalid {
                kind: Some(file.kind.clone()),
                edition: Some(edition.id().to_string()),
                errors,
                source: Some(source),
            },
        );
    }
    let mut findings = period_findings;
    // Trust anchors for signature chains, as the settings name them (inside their tree).
    let (trust, bad_anchors) = match settings.confined_trust() {
        Ok(paths) => crate::signature::load_trust(&paths),
        Err(_) => (Vec::new(), Vec::new()),
    };
    for file in bad_anchors {
        findings.push(
            Finding::with(
                Severity::Warning,
                Code::SignatureUnreadable,
                "signature.trust-unreadable",
            )
            .arg("file", file),
        );
    }
    let documents = documents::check(
        &root,
        &trust,
        &file,
        &edition,
        ctx.today,
        &at,
        &mut findings,
    );
    seal_findings(&root, &file, &at, &mut findings);
    let (score, baseline, what_if) = scores(&file, &edition, facts, ctx.what_if);
    if let Some(score) = &score {
        score_findings(&edition, &file, score, &at, &mut findings);
    } else if !edition.criteria.is_empty() {
        // 2016: the criteria (cl. 7(2), 9) are for information systems only; other objects are
        // judged on their documents and the grounds.
        findings.push(
            Finding::new(Severity::Info, Code::CriteriaNotForKind)
                .arg("clause", Arg::Clause(edition.scoring.clause.clone()))
                .arg("kind", Arg::Kind(file.kind.clone()))
                .at(at.file, at.line(&segs(["kind"]))),
        );
    }
    let architecture = file.review.architecture;
    let content_rules = file.review.content_rules;
    let grounds = outcome::grounds(
        &edition,
        &documents,
        score.as_ref(),
        architecture,
        content_rules,
    );
    let unfilled = validate::placeholders(&file, &at);
    let outcome = outcome::decide(
        &documents,
        &grounds,
        settled(&file, &edition),
        !unfilled.is_empty(),
    );
    findings.extend(unfilled);
    findings.extend(validate::undrawable(&file, &at));
    review_findings(&file, &edition, &documents, ctx.today, &at, &mut findings);
    for ignored in &settings.ignored {
        let key = match ignored.why {
            crate::settings::IgnoredWhy::NotOwned => "settings.ignored.not-owned",
            crate::settings::IgnoredWhy::Writable => "settings.ignored.writable",
        };
        findings.push(
            Finding::with(Severity::Warning, Code::SettingsIgnored, key)
                .arg("file", ignored.file.display().to_string()),
        );
    }
    findings.sort_by_key(|d| d.severity);
    cap(&mut findings);
    DossierReport {
        path: shown.to_string(),
        judgment: Judgment::Judged(Box::new(Judged {
            dir: dir.to_path_buf(),
            edition,
            file,
            settings,
            documents,
            score,
            baseline,
            grounds,
            outcome,
            findings,
            what_if,
        })),
    }
}

/// At most `MAX_FINDINGS` findings, then one that says how many more there are.
fn cap(findings: &mut Vec<Finding>) {
    let max = crate::limits::MAX_FINDINGS;
    if findings.len() > max {
        let more = findings.len() - max;
        findings.truncate(max);
        findings.push(
            Finding::new(Severity::Info, Code::FindingsTruncated)
                .arg("more", more)
                .arg("shown", max),
        );
    }
}

/// The score, the score before the what-if (when there is one), and what the what-if did.
fn scores(
    file: &DossierFile,
    edition: &Edition,
    mut facts: BTreeMap<String, Value>,
    what_if: &WhatIf,
) -> (Option<Score>, Option<Score>, WhatIfEffect) {
    let score = |facts: &BTreeMap<String, Value>, overrides: &BTreeMap<_, _>| {
        score::score_with_evidence(edition, &file.kind, facts, overrides, &file.evidence)
    };
    let baseline = score(&facts, &file.criteria);
    if what_if.is_empty() {
        return (baseline, None, WhatIfEffect::default());
    }
    let mut overrides = file.criteria.clone();
    let effect = apply_what_if(what_if, edition, &file.kind, &mut facts, &mut overrides);
    (score(&facts, &overrides), baseline, effect)
}

/// Types `--fact` and `--set` against the edition and applies them on top of the dossier.
fn apply_what_if(
    what_if: &WhatIf,
    edition: &Edition,
    kind: &str,
    facts: &mut BTreeMap<String, Value>,
    overrides: &mut BTreeMap<String, CriterionOverride>,
) -> WhatIfEffect {
    let mut effect = WhatIfEffect::default();
    for (name, raw) in &what_if.facts {
        match edition.fact(name) {
            None => effect.problems.push(
                Message::new("usage.what-if-no-fact")
                    .arg("fact", name)
                    .arg("edition", edition.id()),
            ),
            Some(fact) => match crate::facts::parse_arg(fact, raw) {
                Ok(v) => {
                    facts.insert(name.clone(), v);
                }
                Err(p) => effect.problems.push(
                    Message::new("usage.what-if-fact-value")
                        .arg("fact", name)
                        .arg("value", raw)
                        .arg("why", p.message(fact, raw)),
                ),
            },
        }
    }
    for (id, met) in &what_if.criteria {
        match edition.criterion(id) {
            None => effect.problems.push(
                Message::new("usage.what-if-no-row")
                    .arg("row", id)
                    .arg("edition", edition.id()),
            ),
            Some(c) if !c.applies_to.iter().any(|k| k == kind) => {
                effect.not_applicable.push(id.clone());
            }
            Some(_) => {
                overrides.insert(
                    id.clone(),
                    CriterionOverride {
                        met: *met,
                        basis: String::new(),
                        what_if: true,
                    },
                );
            }
        }
    }
    effect
}

/// Findings of the score: the pass rule, counts against flags, unstated facts, evidence.
fn score_findings(
    edition: &Edition,
    file: &DossierFile,
    score: &Score,
    at: &Located,
    out: &mut Vec<Finding>,
) {
    let clause = Arg::Clause(edition.scoring.clause.clone());
    let facts_line = at.line(&segs(["facts"]));
    for f in &score.failures {
        let finding = match f {
            Failure::TotalBelow { total, min } => Finding::error(Code::CriteriaTotalLow)
                .arg("clause", clause.clone())
                .arg("total", *total)
                .arg("max", score.max)
                .arg("min", *min),
            Failure::GroupBelow { group, points, min } => Finding::error(Code::CriteriaGroupEmpty)
                .arg("clause", clause.clone())
                .arg("group", group)
                .arg("group_title", Arg::Group(group.clone()))
                .arg("points", *points)
                .arg("min", *min),
        };
        out.push(finding.at(at.file, facts_line));
    }
    for c in score.criteria.iter().filter(|c| c.inconsistent) {
        out.push(
            Finding::new(Severity::Warning, Code::FactInconsistent)
                .arg("row", &c.id)
                .arg("fact", &c.fact)
                .arg("basis", Arg::RowBasis(c.id.clone()))
                .at(at.file, at.line(&segs(["facts", &c.fact]))),
        );
    }
    for c in score.criteria.iter().filter(|c| c.unstated()) {
        out.push(
            Finding::new(Severity::Info, Code::CriterionFactMissing)
                .arg("row", &c.id)
                .arg("fact", &c.fact)
                .at(at.file, facts_line),
        );
    }
    // A row met from facts whose key term the Rules leave undefined: the edition says what
    // the dossier should state under `evidence:`.
    for c in score
        .criteria
        .iter()
        .filter(|c| c.status == CriterionStatus::Met && !c.overridden)
    {
        if let Some(hint) = edition.criterion(&c.id).and_then(|r| r.evidence.as_ref())
            && !file.evidence.contains_key(&c.id)
        {
            out.push(
                Finding::new(Severity::Warning, Code::CriterionBasisMissing)
                    .arg("row", &c.id)
                    .arg("hint", Arg::Words(hint.clone()))
                    .at(at.file, at.line(&segs(["facts", &c.fact]))),
            );
        }
    }
}

/// A step's date before the date that starts it (a decision before the recommendation, a
/// referral before the receipt): a warning naming both lines. The pairs are the edition's
/// deadlines (`starts` → `done`), the application's date before its receipt, and the
/// integrator's receipt after the referral.
fn dates_in_order(file: &DossierFile, edition: &Edition, at: &Located, out: &mut Vec<Finding>) {
    let review = &file.review;
    let explicit_receipt = review.integrator_received.map(|d| d.0);
    let application = file.application.as_ref().and_then(|a| a.date).map(|d| d.0);
    /// A `review` (or `application`) key path and its date.
    type Dated<'a> = ([&'a str; 2], Option<NaiveDate>);
    let mut pairs: Vec<(Dated, Dated)> = vec![
        (
            (["application", "date"], application),
            (["review", "received"], review.date("received")),
        ),
        (
            (["application", "date"], application),
            (["review", "decision"], review.date("decision")),
        ),
        (
            (
                ["review", "sent_to_integrator"],
                review.date("sent_to_integrator"),
            ),
            (["review", "integrator_received"], explicit_receipt),
        ),
    ];
    for d in &edition.deadlines {
        pairs.push((
            (["review", d.starts.as_str()], review.date(&d.starts)),
            (["review", d.done.as_str()], review.date(&d.done)),
        ));
    }
    let mut seen = Vec::new();
    for ((first_key, first), (then_key, then)) in pairs {
        let (Some(first), Some(then)) = (first, then) else {
            continue;
        };
        if then >= first || seen.contains(&(first_key, then_key)) {
            continue;
        }
        let line = |keys: &[&str]| at.line(&path(keys));
        out.push(
            Finding::new(Severity::Warning, Code::ReviewDatesOrder)
                .arg("key", then_key.join("."))
                .arg("date", then)
                .arg("earlier_key", first_key.join("."))
                .arg("earlier_date", first)
                .arg("earlier_line", line(&first_key).unwrap_or(0))
                .at(at.file, line(&then_key)),
        );
        seen.push((first_key, then_key));
    }
}

/// A date of the dossier after the day it is checked on (an application dated tomorrow, or a
/// `--today` before the application): a warning naming the date, its line and the check date.
fn dates_after_today(file: &DossierFile, today: NaiveDate, at: &Located, out: &mut Vec<Finding>) {
    let application = file.application.as_ref().and_then(|a| a.date).map(|d| d.0);
    let dated = std::iter::once((["application", "date"], application)).chain(
        crate::edition::REVIEW_DATE_KEYS
            .iter()
            .map(|key| (["review", *key], file.review.date(key))),
    );
    for (keys, date) in dated {
        if let Some(date) = date.filter(|d| *d > today) {
            out.push(
                Finding::with(
                    Severity::Warning,
                    Code::ReviewDatesOrder,
                    "review.dates-future",
                )
                .arg("key", keys.join("."))
                .arg("date", date)
                .arg("today", today)
                .at(at.file, at.line(&path(&keys))),
            );
        }
    }
}

/// A sealed dossier (`dossier.lock`): every document changed, added or removed since sealing.
fn seal_findings(
    root: &cap_std::fs::Dir,
    file: &DossierFile,
    at: &Located,
    out: &mut Vec<Finding>,
) {
    let Some(lock) = crate::integrity::read_lock(root) else {
        return;
    };
    let lock = match lock {
        Ok(lock) => lock,
        Err(why) => {
            out.push(
                Finding::new(Severity::Warning, Code::SealUnreadable)
                    .arg("why", why)
                    .at(crate::integrity::LOCK_FILE, None),
            );
            return;
        }
    };
    for (path, requirement, change) in crate::integrity::changes(root, file, &lock) {
        let line = at.line(&segs(["documents", &requirement]));
        out.push(
            Finding::with(
                Severity::Warning,
                Code::DocumentChangedSinceSeal,
                match change {
                    crate::integrity::Change::Changed => "document.changed-since-seal.changed",
                    crate::integrity::Change::Added => "document.changed-since-seal.added",
                    crate::integrity::Change::Removed => "document.changed-since-seal.removed",
                },
            )
            .arg("file", path)
            .arg("requirement", Arg::Requirement(requirement))
            .arg("change", change.id())
            .arg("sealed", lock.sealed.as_str())
            .at(at.file, line),
        );
    }
}

/// Whether nothing the decision waits for is open: the architecture is settled (it conforms,
/// or the body has none where the edition says that is no ground), and a check only a reviewer
/// can make is recorded.
fn settled(file: &DossierFile, edition: &Edition) -> bool {
    let architecture = match file.review.architecture {
        Some(Architecture::Conforms) => true,
        Some(Architecture::NoArchitecture) => {
            edition.edition.no_architecture_not_a_ground.is_some()
        }
        _ => false,
    };
    let reviewer_check = edition
        .kind(&file.kind)
        .is_none_or(|k| k.reviewer_check.is_none() || file.review.content_rules.is_some());
    architecture && reviewer_check
}

/// Findings of the review's state and of what the edition asks beyond documents and criteria.
fn review_findings(
    file: &DossierFile,
    edition: &Edition,
    documents: &[DocumentResult],
    today: NaiveDate,
    at: &Located,
    out: &mut Vec<Finding>,
) {
    match file.review.architecture {
        Some(Architecture::DoesNotConform) => out.push(
            Finding::error(Code::ArchitectureDoesNotConform)
                .at(at.file, at.line(&segs(["review", "architecture"]))),
        ),
        Some(Architecture::Conforms) => {}
        Some(Architecture::NoArchitecture) => {
            let line = at.line(&segs(["review", "architecture"]));
            out.push(match &edition.edition.no_architecture_not_a_ground {
                Some(clause) => Finding::with(
                    Severity::Info,
                    Code::ArchitectureNone,
                    "architecture.none.not-a-ground",
                )
                .arg("clause", Arg::Clause(clause.clone()))
                .at(at.file, line),
                None => Finding::with(
                    Severity::Info,
                    Code::ArchitectureNone,
                    "architecture.none.pending",
                )
                .at(at.file, line),
            });
        }
        _ => out.push(
            Finding::new(Severity::Info, Code::ArchitecturePending)
                .at(at.file, at.line(&segs(["review"]))),
        ),
    }
    if documents.iter().any(|d| d.filed == Filed::Portal) && file.object.portal_id.is_none() {
        out.push(
            Finding::new(Severity::Warning, Code::ObjectPortalIdMissing)
                .at(at.file, at.line(&segs(["object"]))),
        );
    }
    dates_in_order(file, edition, at, out);
    dates_after_today(file, today, at, out);
    // The filing deadline, only where the edition has one.
    if let (Some(md), Some(date)) = (
        edition.edition.filing_deadline,
        file.application.as_ref().and_then(|a| a.date),
    ) && let Some(deadline) = NaiveDate::from_ymd_opt(date.0.year(), md.month, md.day)
        && date.0 > deadline
    {
        out.push(
            Finding::new(Severity::Warning, Code::ApplicationAfterFilingDeadline)
                .arg("date", date.0)
                .arg("deadline", format!("{:02}.{:02}", md.day, md.month))
                .at(at.file, at.line(&segs(["application", "date"]))),
        );
    }
    // A check of the Rules only a reviewer can make, until `review.content_rules` records it.
    if let Some(check) = edition
        .kind(&file.kind)
        .and_then(|k| k.reviewer_check.as_ref())
        .filter(|_| file.review.content_rules.is_none())
    {
        out.push(
            Finding::new(Severity::Info, Code::GroundContentRulesUnchecked)
                .arg("clause", Arg::Clause(check.clause.clone()))
                .arg("check", Arg::Words(check.text.clone())),
        );
    }
    // Units of the text that are stale on the check date.
    if let Some(amended) = edition.edition.amended_on(today) {
        out.push(
            Finding::new(Severity::Warning, Code::EditionAmendedUnits)
                .arg("by", &amended.by)
                .arg("note", Arg::Words(amended.note.clone())),
        );
    }
}
