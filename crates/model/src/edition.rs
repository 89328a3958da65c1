//! Editions of the Rules as data: the model, the TOML format, validation and the built-in set.
//!
//! Every rule the tool applies — which documents each kind files and where, the criteria rows
//! with their facts and thresholds, the pass rule, the refusal grounds, the deadlines — is read
//! from an edition file. The built-in files live in `editions/` beside this file and are embedded in the
//! binary; `--rules FILE` loads another one, validated the same way.

use crate::error::{Result, SourceError};
use crate::finding::{Code, Message};
use crate::lang::{Lang, Text};
use crate::limits;
use crate::source_path::Seg;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The edition files built into the binary, as (file name, text).
const BUILT_IN: &[(&str, &str)] = &[
    (
        "order-29-2024.toml",
        include_str!("editions/order-29-2024.toml"),
    ),
    (
        "order-84-2016.toml",
        include_str!("editions/order-84-2016.toml"),
    ),
];

/// The same files as JSON, converted at build time (build.rs), several times faster to read
/// than the TOML: (file, header alone, whole). A start reads the headers; an edition is read
/// whole when it is first used.
const BUILT_IN_JSON: &[(&str, &str, &str)] = &[
    (
        "order-29-2024.toml",
        include_str!(concat!(env!("OUT_DIR"), "/order-29-2024.header.json")),
        include_str!(concat!(env!("OUT_DIR"), "/order-29-2024.json")),
    ),
    (
        "order-84-2016.toml",
        include_str!(concat!(env!("OUT_DIR"), "/order-84-2016.header.json")),
        include_str!(concat!(env!("OUT_DIR"), "/order-84-2016.json")),
    ),
];

/// A built-in edition: its header, read at start, and the whole edition, read on first use.
#[derive(Debug)]
struct BuiltIn {
    file: &'static str,
    header: Header,
    json: &'static str,
    whole: std::sync::OnceLock<Arc<Edition>>,
}

impl BuiltIn {
    fn edition(&self) -> &Arc<Edition> {
        self.whole.get_or_init(|| {
            // The built-in files are tested (edition::tests: read from the TOML with every
            // check, and equal to what is read here); a failure here is a build defect.
            let mut edition: Edition = serde_json::from_str(self.json)
                .unwrap_or_else(|e| panic!("built-in edition {} is invalid: {e}", self.file));
            edition.origin = Origin::BuiltIn;
            debug_assert!(edition.problems().is_empty(), "{}", self.file);
            Arc::new(edition)
        })
    }
}

/// An edition of a set: built in (read when first used) or loaded from a file.
#[derive(Debug, Clone)]
enum Slot {
    BuiltIn(&'static BuiltIn),
    Loaded(Arc<Edition>),
}

impl Slot {
    fn header(&self) -> &Header {
        match self {
            Slot::BuiltIn(b) => &b.header,
            Slot::Loaded(e) => &e.edition,
        }
    }

    fn edition(&self) -> &Arc<Edition> {
        match self {
            Slot::BuiltIn(b) => b.edition(),
            Slot::Loaded(e) => e,
        }
    }

    fn loaded(&self) -> bool {
        matches!(self, Slot::Loaded(_))
    }
}

/// The periods of texts that are not built in.
#[cfg(test)]
const HISTORY: &str = include_str!("editions/history.toml");
const HISTORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/history.json"));

/// The only format version of edition files this build reads.
const FORMAT_VERSION: u32 = 1;

/// One edition of the Rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub format: u32,
    pub edition: Header,
    #[serde(rename = "kind", default)]
    pub kinds: Vec<Kind>,
    #[serde(rename = "requirement", default)]
    pub requirements: Vec<Requirement>,
    #[serde(rename = "fact", default)]
    pub facts: Vec<Fact>,
    pub scoring: Scoring,
    #[serde(rename = "group", default)]
    pub groups: Vec<Group>,
    #[serde(rename = "criterion", default)]
    pub criteria: Vec<Criterion>,
    #[serde(rename = "ground", default)]
    pub grounds: Vec<Ground>,
    #[serde(rename = "deadline", default)]
    pub deadlines: Vec<Deadline>,
    /// The documents drafted under this edition, and the clause each follows.
    #[serde(rename = "draft", default)]
    pub drafts: Vec<Draft>,
    /// Where the edition came from, and its text (for `rules export`).
    #[serde(skip, default)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Default)]
pub enum Origin {
    #[default]
    BuiltIn,
    File(PathBuf),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub id: String,
    /// The edition a dossier without `edition:` is judged under.
    #[serde(default)]
    pub default: bool,
    pub title: Text,
    pub source: String,
    pub status: String,
    /// The Russian wording is a working translation (R50).
    #[serde(default)]
    pub russian_unofficial: bool,
    /// The Kazakh wording is the tool's translation (no Kazakh source text).
    #[serde(default)]
    pub kazakh_unofficial: bool,
    pub legal_basis: Text,
    /// How an act names the Rules in full on first mention, and the List.
    pub act: Act,
    pub amended_units: Option<AmendedUnits>,
    pub filing_deadline: Option<MonthDay>,
    /// The period the text was in force, by the dates of the acts (R55).
    pub in_force: Option<InForce>,
    /// The clause under which a state body without an approved architecture is not refused for
    /// it (2016 cl. 6): `review.architecture: no-architecture` then settles the architecture.
    pub no_architecture_not_a_ground: Option<String>,
}

impl Header {
    /// This language's wording is not the official text (English is always the tool's own).
    pub fn unofficial(&self, lang: Lang) -> bool {
        match lang {
            Lang::Ru => self.russian_unofficial,
            Lang::Kk => self.kazakh_unofficial,
            Lang::En => true,
        }
    }

    /// The amendments this edition lacks, when they are in force on `date`.
    pub fn amended_on(&self, date: NaiveDate) -> Option<&AmendedUnits> {
        self.amended_units.as_ref().filter(|a| date >= a.from)
    }
}

/// The Rules as an act names them in full: «Правил {of}, утверждённых {approved_by}
/// ({registered})», and the List they form («в Перечень {list_of}»).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// The Rules' title after the word "Rules", which no case changes.
    pub of: Text,
    /// The approving order, in the instrumental (ru) / with «-мен» (kk).
    pub approved_by: Text,
    /// Its state registration.
    pub registered: Text,
    /// The List's name after the word "List" (ru), before «тізбесі» (kk).
    pub list_of: Text,
    /// Who issued the amending acts (they share an issuer), in the genitive.
    pub amended_by: Option<Text>,
    /// The acts that restated or amended the Rules; an act cites those in force on its date.
    #[serde(default, rename = "amendment")]
    pub amendments: Vec<Amendment>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    #[serde(deserialize_with = "toml_date")]
    pub in_force: NaiveDate,
    /// The amending act's date and number: "от 30 апреля 2024 года № 257/НҚ" /
    /// "2024 жылғы 30 сәуірдегі № 257/НҚ".
    pub text: Text,
}

impl Act {
    /// The amendments in force on `date`, in order.
    pub fn amendments_on(&self, date: NaiveDate) -> impl Iterator<Item = &Amendment> {
        self.amendments.iter().filter(move |a| a.in_force <= date)
    }
}

/// A period of time: from the earliest day the text can have taken effect to the earliest day
/// the next one can have (`until` exclusive). Where the day it took effect is not known (ten
/// days after a publication the source texts do not date), `settled` is the first day it
/// certainly applies: a date in `from..settled` may fall under it or under the text before.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InForce {
    #[serde(default, deserialize_with = "toml_date_opt")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date_opt")]
    pub settled: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date_opt")]
    pub until: Option<NaiveDate>,
}

impl InForce {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date < u)
    }
}

/// A text of the Rules in force over a period that has no built-in edition (`history.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(deserialize_with = "toml_date")]
    pub from: NaiveDate,
    /// As `InForce::settled`.
    #[serde(default, deserialize_with = "toml_date_opt")]
    pub settled: Option<NaiveDate>,
    #[serde(deserialize_with = "toml_date")]
    pub until: NaiveDate,
    pub title: Text,
}

/// A date inside the days a text may have taken effect: the text before and the text after
/// may both apply.
#[derive(Debug, Clone)]
pub struct Window {
    pub from: NaiveDate,
    pub settled: NaiveDate,
    pub before: Option<Text>,
    pub after: Text,
}

impl Period {
    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.from && date < self.until
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct History {
    format: u32,
    period: Vec<Period>,
}

/// What was in force on a date.
#[derive(Debug, Clone)]
pub enum InForceOn<'a> {
    Edition(Arc<Edition>),
    NotBuiltIn(&'a Period),
    Unknown,
}

/// Units of the text that a later act rewrote and this edition lacks (R1).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendedUnits {
    #[serde(deserialize_with = "toml_date")]
    pub from: NaiveDate,
    pub by: String,
    pub units: Vec<String>,
    pub note: Text,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub id: String,
    pub name: Text,
    /// An abbreviation for narrow tables ("IS", "ИС", "АЖ"), explained under the table.
    pub short: Option<Text>,
    /// Whether `object.stage` must be given (information systems).
    pub stage_required: bool,
    /// A check of the Rules that only a reviewer can make (2016 cl. 7(1), R37).
    pub reviewer_check: Option<ReviewerCheck>,
    /// How a draft names an object of this kind: patterns with `{name}` for the name in
    /// quotes, by grammatical case.
    pub forms: KindForms,
}

/// "информационная система «{name}»" / "«{name}» ақпараттық жүйесі", and the same in the
/// cases the drafts' sentences need; `noun` is the kind alone ("информационной системы").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindForms {
    pub nominative: Text,
    pub accusative: Text,
    pub genitive: Text,
    pub noun_genitive: Text,
    pub noun_accusative: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewerCheck {
    pub clause: String,
    pub text: Text,
}

/// Where a document goes: filed with the application (clause 3), or placed on the
/// architecture portal and confirmed by the service integrator (clause 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Filed {
    Application,
    Portal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub kind: String,
    pub id: String,
    pub clause: String,
    pub filed: Filed,
    pub title: Text,
    /// The document has a term of validity (`valid_until`).
    #[serde(default)]
    pub expires: bool,
    /// Stages of the object under which an expired document still counts.
    #[serde(default)]
    pub expired_allowed_stages: Vec<String>,
    /// Stages the document presupposes; another stage draws a warning.
    #[serde(default)]
    pub expected_stages: Vec<String>,
    /// Why an expired document is not excused at a stage a reader might expect it to be.
    #[serde(default, rename = "expired_note")]
    pub expired_notes: Vec<ExpiredNote>,
    /// Words in a file name or note that suggest an attestat given in this document's place;
    /// a warning says an attestat does not stand for it by itself.
    #[serde(default)]
    pub attestat_words: Vec<String>,
    /// The document must carry a signature (a detached CMS file or one inside the PDF). The
    /// Rules require none: `false` unless an amended edition says so.
    #[serde(default)]
    pub signed: bool,
}

/// A note added to `document.expired` when the object is at one of `stages`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpiredNote {
    pub stages: Vec<String>,
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactType {
    /// A whole number >= 0.
    Count,
    /// true or false.
    Flag,
    /// A number from 0 to 100.
    Percent,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FactType,
    pub label: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Kinds that are scored at all (2016 scored information systems only).
    pub kinds: Vec<String>,
    pub clause: String,
    pub min_total: u32,
    pub min_group_points: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: Text,
}

/// A comparison of a fact against a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Op {
    #[serde(rename = ">")]
    Greater,
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "=")]
    Equal,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Greater => ">",
            Op::AtLeast => "≥",
            Op::Equal => "=",
        }
    }
}

/// A threshold: a number for counts and percentages, true/false for flags.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Threshold {
    Flag(bool),
    Number(f64),
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Threshold::Flag(b) => write!(f, "{b}"),
            Threshold::Number(n) => write!(f, "{}", crate::facts::format_number(*n)),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub group: String,
    pub applies_to: Vec<String>,
    pub fact: String,
    pub op: Op,
    pub threshold: Threshold,
    /// Optional integer facts that decide the row when all are given (docs/extensions.md).
    pub counts: Option<Counts>,
    /// What the dossier should state under `evidence:` for a met row (R21, R22); a warning
    /// names it when missing.
    pub evidence: Option<Text>,
    pub wording: Text,
}

/// How a row is computed from counts instead of its boolean fact (docs/extensions.md, R18, R19).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub rule: CountRule,
    /// Totals of each kind of unit, in the order of `parts`.
    pub totals: Vec<String>,
    /// The units that count (covered, integrated), one per total.
    pub parts: Vec<String>,
    /// `units-integrated`: the second kind of unit needs at least this many (20; 16 in 2016).
    pub min_second: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountRule {
    /// Row 1.2: every existing unit of each kind is covered, and at least one unit exists.
    AllUnitsCovered,
    /// Row 1.4: every unit of the first kind (if any), and at least `min_second` of the second.
    UnitsIntegrated,
}

/// What the engine tests for a ground; the closed set of conditions it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    /// The pass rule of the scoring section is not met.
    CriteriaNotPassed,
    /// `review.architecture` is `does-not-conform`.
    ArchitectureDoesNotConform,
    /// `review.content_rules` is `does-not-comply` (2016 cl. 7(1)).
    ContentRulesNotMet,
    /// A requirement with `filed = "portal"` is missing, invalid or expired.
    PortalItemMissing,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ground {
    pub code: String,
    pub clause: String,
    pub condition: Condition,
    pub title: Text,
    /// A correction of the text, printed as a footnote.
    pub note: Option<Text>,
}

fn authorized_body() -> Actor {
    Actor::AuthorizedBody
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    StateBody,
    AuthorizedBody,
    ServiceIntegrator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Limit {
    Within,
    NotLaterThan,
    After,
}

/// Keys of `review` in dossier.yaml that start and complete deadlines.
/// The documents a `[[draft]]` can draft, as the edition data and the command line name them.
pub const DOCUMENT_IDS: &[&str] = &[
    "application",
    "decision",
    "operator-notice",
    "order",
    "removal-notice",
    "resource-form",
    "cover-letter",
];

/// The template families built into the binary (each in Kazakh and Russian); a `[[draft]]`
/// names one. The renderer's tests keep this list equal to its embedded templates.
pub const TEMPLATE_FAMILIES: &[&str] = &[
    "application",
    "application-2016",
    "cover-letter",
    "decision",
    "operator-notice",
    "order",
    "removal-notice",
    "resource-information-2016",
];

pub const REVIEW_DATE_KEYS: &[&str] = &[
    "received",
    "sent_to_integrator",
    "integrator_received",
    "recommendation_received",
    "decision",
    "operator_notified",
    "order_adopted",
    "operation_ended",
    "removal_notified",
    "refusal_notified",
    "listed",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    pub id: String,
    pub clause: String,
    pub actor: Actor,
    pub working_days: u32,
    pub starts: String,
    /// The literal start where the tool reads another one (R14).
    pub literal_starts: Option<String>,
    /// Where the literal text sets a lower bound rather than a limit ("after ten working days",
    /// R17): the earliest working day it allows, counted from `starts`.
    pub literal_earliest: Option<u32>,
    pub done: String,
    pub limit: Limit,
    /// The step follows only an inclusion decision (clauses 8, 9).
    #[serde(default)]
    pub only_on_inclusion: bool,
    /// The step follows only a refusal (2016 cl. 11).
    #[serde(default)]
    pub only_on_refusal: bool,
    /// The step is shown only once its start has happened (the end of operation).
    #[serde(default)]
    pub only_when_started: bool,
    /// The step is for an object on the List only (clause 10: «Тізбеге енгізілген объектіні»):
    /// shown only when the dossier records the listing (`Review::records_listing`).
    #[serde(default)]
    pub only_when_listed: bool,
    pub title: Text,
    /// How the tool reads the period, shown under a timeline (for `limit = "after"`).
    pub note: Option<Text>,
}

/// A document `dossier render` drafts under an edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// `application`, `decision`, `operator-notice`, `order` or `removal-notice`.
    pub document: String,
    /// The built-in template family (`<template>.<lang>.md`).
    pub template: String,
    /// The clause the document follows.
    pub clause: String,
    /// Decision: the subparagraph that includes, and the one that refuses.
    pub include_clause: Option<String>,
    pub refuse_clause: Option<String>,
    /// The document lists the documents of the dossier (operator notice, current Rules).
    #[serde(default)]
    pub lists_documents: bool,
    /// The `[[deadline]]` that times the document.
    pub step: Option<String>,
    /// The kinds the document is drafted for (a form only they file); empty: every kind.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Who issues the document: the state body's own documents are final; the authorized
    /// body's are drafts until a reviewer there renders them `--final`.
    #[serde(default = "authorized_body")]
    pub issuer: Actor,
    /// What the reviewer should know about the draft's wording (a form's text corrected
    /// silently, say). Never printed in the draft: `render` shows it on stderr and in the
    /// review sheet (`--notes FILE`).
    #[serde(default)]
    pub review_notes: Vec<crate::lang::Text>,
}

impl Edition {
    pub fn id(&self) -> &str {
        &self.edition.id
    }

    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The requirements of one kind, in the order of the Rules (R44: keyed by kind and id).
    pub fn requirements_for<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Requirement> {
        self.requirements.iter().filter(move |r| r.kind == kind)
    }

    pub fn fact(&self, name: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.name == name)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn scores(&self, kind: &str) -> bool {
        self.scoring.kinds.iter().any(|k| k == kind)
    }

    /// The entry of a drafted document, when this edition's procedure has it.
    pub fn draft(&self, document: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.document == document)
    }

    pub fn deadline(&self, id: &str) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.id == id)
    }

    pub fn ground_for(&self, condition: Condition) -> Option<&Ground> {
        self.grounds.iter().find(|g| g.condition == condition)
    }

    /// Parses and validates an edition file. `file` names it in messages.
    pub fn from_toml(text: &str, file: &str, origin: Origin) -> Result<Edition> {
        let shared: Arc<str> = Arc::from(text);
        let mut edition: Edition = toml::from_str(text).map_err(|e| {
            let span = e.span().map(|r| (r.start, r.end));
            SourceError::new(
                Code::RulesSyntax,
                file,
                shared.clone(),
                span,
                e.message().trim(),
            )
            .help(Message::new("help.rules-format"))
        })?;
        edition.origin = origin;
        if let Some(problem) = edition.problems().into_iter().next() {
            let span = crate::toml_locate::locate(text, &problem.path);
            let mut e = SourceError::new(Code::RulesInvalid, file, shared, span, problem.message);
            if let Some(help) = problem.help {
                e = e.help(help);
            }
            return Err(e.into());
        }
        Ok(edition)
    }

    /// Checks what the TOML types cannot: unique ids and references that resolve.
    fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.format != FORMAT_VERSION {
            out.push(Problem::new(
                vec![Seg::key("format")],
                Message::new("rules.problem.format")
                    .arg("found", self.format)
                    .arg("supported", FORMAT_VERSION),
            ));
        }
        self.size_problems(&mut out);
        self.pattern_problems(&mut out);
        self.duplicate_ids(&mut out);
        self.kind_references(&mut out);
        self.criteria_problems(&mut out);
        self.counts_problems(&mut out);
        self.deadline_problems(&mut out);
        self.draft_problems(&mut out);
        if let Some(md) = self.edition.filing_deadline
            && NaiveDate::from_ymd_opt(2000, md.month, md.day).is_none()
        {
            out.push(Problem::new(
                vec![Seg::key("edition"), Seg::key("filing_deadline")],
                Message::new("rules.problem.day").arg("day", format!("{}-{}", md.month, md.day)),
            ));
        }
        out
    }

    fn unknown_kind(&self, path: Vec<Seg>, kind: &str) -> Problem {
        let kinds: Vec<&str> = self.kinds.iter().map(|k| k.id.as_str()).collect();
        Problem::new(path, Message::new("rules.problem.kind").arg("kind", kind))
            .help(Message::new("rules.help.kinds").arg("kinds", join(kinds.iter())))
    }

    /// An edition is a small document: bounded tables and periods, so nothing computed from it
    /// can run away (a period of 4294967295 working days, thousands of rows).
    fn size_problems(&self, out: &mut Vec<Problem>) {
        let tables: [(&str, usize, usize); 8] = [
            ("kind", self.kinds.len(), limits::MAX_EDITION_KINDS),
            (
                "requirement",
                self.requirements.len(),
                limits::MAX_EDITION_REQUIREMENTS,
            ),
            ("fact", self.facts.len(), limits::MAX_EDITION_FACTS),
            ("group", self.groups.len(), limits::MAX_EDITION_GROUPS),
            (
                "criterion",
                self.criteria.len(),
                limits::MAX_EDITION_CRITERIA,
            ),
            ("ground", self.grounds.len(), limits::MAX_EDITION_GROUNDS),
            (
                "deadline",
                self.deadlines.len(),
                limits::MAX_EDITION_DEADLINES,
            ),
            ("draft", self.drafts.len(), limits::MAX_EDITION_DRAFTS),
        ];
        for (table, n, max) in tables {
            if n > max {
                out.push(Problem::new(
                    vec![Seg::key(table)],
                    Message::new("rules.problem.too-many")
                        .arg("n", n)
                        .arg("table", table)
                        .arg("max", max),
                ));
            }
        }
        for (i, d) in self.deadlines.iter().enumerate() {
            if !(1..=limits::MAX_PERIOD_DAYS).contains(&d.working_days) {
                out.push(Problem::new(
                    at("deadline", i, "working_days"),
                    Message::new("rules.problem.period").arg("days", d.working_days),
                ));
            }
        }
        for (i, c) in self.criteria.iter().enumerate() {
            if let Threshold::Number(n) = c.threshold
                && !(n.is_finite() && (0.0..=1e15).contains(&n))
            {
                out.push(Problem::new(
                    at("criterion", i, "threshold"),
                    Message::new("rules.problem.threshold").arg("value", n.to_string()),
                ));
            }
        }
    }

    /// Ids and clauses have the documented forms (docs/rules-format.md): they name files in an
    /// archive and appear in reports, so nothing else may pass.
    fn pattern_problems(&self, out: &mut Vec<Problem>) {
        let mut check = |path: Vec<Seg>, value: &str, clause: bool| {
            let ok = if clause {
                is_clause(value)
            } else {
                is_id(value)
            };
            if !ok {
                out.push(Problem::new(
                    path,
                    Message::new(if clause {
                        "rules.problem.clause-form"
                    } else {
                        "rules.problem.id-form"
                    })
                    .arg("value", value),
                ));
            }
        };
        check(
            vec![Seg::key("edition"), Seg::key("id")],
            &self.edition.id,
            false,
        );
        for (i, k) in self.kinds.iter().enumerate() {
            check(at("kind", i, "id"), &k.id, false);
        }
        for (i, r) in self.requirements.iter().enumerate() {
            check(at("requirement", i, "id"), &r.id, false);
            check(at("requirement", i, "clause"), &r.clause, true);
        }
        for (i, f) in self.facts.iter().enumerate() {
            check(at("fact", i, "name"), &f.name, false);
        }
        for (i, g) in self.groups.iter().enumerate() {
            check(at("group", i, "id"), &g.id, false);
        }
        for (i, c) in self.criteria.iter().enumerate() {
            check(at("criterion", i, "id"), &c.id, false);
        }
        for (i, g) in self.grounds.iter().enumerate() {
            check(at("ground", i, "code"), &g.code, false);
            check(at("ground", i, "clause"), &g.clause, true);
        }
        for (i, d) in self.deadlines.iter().enumerate() {
            check(at("deadline", i, "id"), &d.id, false);
            check(at("deadline", i, "clause"), &d.clause, true);
        }
        for (i, d) in self.drafts.iter().enumerate() {
            check(at("draft", i, "clause"), &d.clause, true);
            for (field, c) in [
                ("include_clause", &d.include_clause),
                ("refuse_clause", &d.refuse_clause),
            ] {
                if let Some(c) = c {
                    check(at("draft", i, field), c, true);
                }
            }
        }
    }

    /// Every id is defined once.
    fn duplicate_ids(&self, out: &mut Vec<Problem>) {
        duplicates(out, "kind", self.kinds.iter().map(|k| k.id.clone()));
        duplicates(
            out,
            "requirement",
            self.requirements
                .iter()
                .map(|r| format!("{} {}", r.kind, r.id)),
        );
        duplicates(out, "fact", self.facts.iter().map(|f| f.name.clone()));
        duplicates(out, "group", self.groups.iter().map(|g| g.id.clone()));
        duplicates(out, "criterion", self.criteria.iter().map(|c| c.id.clone()));
        duplicates(out, "ground", self.grounds.iter().map(|g| g.code.clone()));
        duplicates(out, "deadline", self.deadlines.iter().map(|d| d.id.clone()));
    }

    /// Requirements and the scoring name kinds the edition defines.
    fn kind_references(&self, out: &mut Vec<Problem>) {
        let kinds: HashSet<&str> = self.kinds.iter().map(|k| k.id.as_str()).collect();
        let unknown_kind = |path, kind: &str| self.unknown_kind(path, kind);
        for (i, r) in self.requirements.iter().enumerate() {
            if !kinds.contains(r.kind.as_str()) {
                out.push(unknown_kind(at("requirement", i, "kind"), &r.kind));
            }
        }
        for (i, k) in self.scoring.kinds.iter().enumerate() {
            if !kinds.contains(k.as_str()) {
                out.push(unknown_kind(
                    vec![Seg::key("scoring"), Seg::key("kinds"), Seg::Index(i)],
                    k,
                ));
            }
        }
    }

    /// Criteria name defined groups, kinds and facts, with thresholds of the fact's type.
    fn criteria_problems(&self, out: &mut Vec<Problem>) {
        let kinds: HashSet<&str> = self.kinds.iter().map(|k| k.id.as_str()).collect();
        let groups: HashSet<&str> = self.groups.iter().map(|g| g.id.as_str()).collect();
        let unknown_kind = |path, kind: &str| self.unknown_kind(path, kind);
        for (i, c) in self.criteria.iter().enumerate() {
            if !groups.contains(c.group.as_str()) {
                out.push(Problem::new(
                    at("criterion", i, "group"),
                    Message::new("rules.problem.group")
                        .arg("row", &c.id)
                        .arg("group", &c.group),
                ));
            }
            for (j, k) in c.applies_to.iter().enumerate() {
                if !kinds.contains(k.as_str()) {
                    let mut path = at("criterion", i, "applies_to");
                    path.push(Seg::Index(j));
                    out.push(unknown_kind(path, k));
                }
            }
            match self.fact(&c.fact) {
                None => out.push(
                    Problem::new(
                        at("criterion", i, "fact"),
                        Message::new("rules.problem.fact")
                            .arg("row", &c.id)
                            .arg("fact", &c.fact),
                    )
                    .help(Message::new("rules.help.define-fact")),
                ),
                Some(fact) => {
                    let fits = matches!(
                        (fact.kind, c.threshold, c.op),
                        (FactType::Flag, Threshold::Flag(_), Op::Equal)
                            | (FactType::Count | FactType::Percent, Threshold::Number(_), _)
                    );
                    if !fits {
                        out.push(Problem::new(
                            at("criterion", i, "threshold"),
                            Message::new(if fact.kind == FactType::Flag {
                                "rules.problem.flag-threshold"
                            } else {
                                "rules.problem.number-threshold"
                            })
                            .arg("row", &c.id),
                        ));
                    }
                }
            }
        }
    }

    /// Rows computed from counts name count facts, two of each, with `min_second` when needed.
    fn counts_problems(&self, out: &mut Vec<Problem>) {
        for (i, c) in self.criteria.iter().enumerate() {
            let Some(counts) = &c.counts else { continue };
            for name in counts.totals.iter().chain(&counts.parts) {
                if self.fact(name).is_none_or(|f| f.kind != FactType::Count) {
                    out.push(Problem::new(
                        at("criterion", i, "counts"),
                        Message::new("rules.problem.count-fact")
                            .arg("row", &c.id)
                            .arg("fact", name),
                    ));
                }
            }
            if counts.totals.len() != counts.parts.len() || counts.parts.len() != 2 {
                out.push(Problem::new(
                    at("criterion", i, "counts"),
                    Message::new("rules.problem.counts").arg("row", &c.id),
                ));
            }
            if counts.rule == CountRule::UnitsIntegrated && counts.min_second.is_none() {
                out.push(Problem::new(
                    at("criterion", i, "counts"),
                    Message::new("rules.problem.min-second").arg("row", &c.id),
                ));
            }
        }
        if !self.criteria.is_empty() && self.scoring.min_group_points > 0 && self.groups.is_empty()
        {
            out.push(Problem::new(
                vec![Seg::key("scoring")],
                Message::new("rules.problem.no-groups"),
            ));
        }
    }

    /// Deadlines start and end at `review` date keys.
    fn deadline_problems(&self, out: &mut Vec<Problem>) {
        for (i, d) in self.deadlines.iter().enumerate() {
            for (field, key) in [("starts", Some(&d.starts)), ("done", Some(&d.done))]
                .into_iter()
                .chain(std::iter::once((
                    "literal_starts",
                    d.literal_starts.as_ref(),
                )))
            {
                if let Some(key) = key
                    && !REVIEW_DATE_KEYS.contains(&key.as_str())
                {
                    out.push(
                        Problem::new(
                            at("deadline", i, field),
                            Message::new("rules.problem.review-key").arg("key", key),
                        )
                        .help(
                            Message::new("rules.help.one-of")
                                .arg("values", REVIEW_DATE_KEYS.join(", ")),
                        ),
                    );
                }
            }
        }
    }

    /// Drafted documents are ones the tool drafts, from templates it has, timed by known steps;
    /// and an edition can refuse (at least one ground).
    fn draft_problems(&self, out: &mut Vec<Problem>) {
        duplicates(out, "draft", self.drafts.iter().map(|d| d.document.clone()));
        for (i, d) in self.drafts.iter().enumerate() {
            if !DOCUMENT_IDS.contains(&d.document.as_str()) {
                out.push(
                    Problem::new(
                        at("draft", i, "document"),
                        Message::new("rules.problem.document").arg("document", &d.document),
                    )
                    .help(Message::new("rules.help.one-of").arg("values", DOCUMENT_IDS.join(", "))),
                );
            }
            if !TEMPLATE_FAMILIES.contains(&d.template.as_str()) {
                out.push(Problem::new(
                    at("draft", i, "template"),
                    Message::new("rules.problem.template").arg("template", &d.template),
                ));
            }
            for (j, kind) in d.kinds.iter().enumerate() {
                if self.kind(kind).is_none() {
                    let at = vec![
                        Seg::key("draft"),
                        Seg::Index(i),
                        Seg::key("kinds"),
                        Seg::Index(j),
                    ];
                    out.push(self.unknown_kind(at, kind));
                }
            }
            if let Some(step) = &d.step
                && self.deadline(step).is_none()
            {
                out.push(Problem::new(
                    at("draft", i, "step"),
                    Message::new("rules.problem.step").arg("step", step),
                ));
            }
        }
        if self.grounds.is_empty() {
            out.push(Problem::new(
                vec![],
                Message::new("rules.problem.no-grounds"),
            ));
        }
    }
}

struct Problem {
    path: Vec<Seg>,
    message: Message,
    help: Option<Message>,
}

impl Problem {
    fn new(path: Vec<Seg>, message: Message) -> Problem {
        Problem {
            path,
            message,
            help: None,
        }
    }
    fn help(mut self, help: Message) -> Problem {
        self.help = Some(help);
        self
    }
}

/// A TOML local date (`2025-01-08`, unquoted) as a `NaiveDate`.
pub(crate) fn toml_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<NaiveDate, D::Error> {
    let dt = toml::value::Datetime::deserialize(d)?;
    match (dt.date, dt.time) {
        (Some(date), None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .ok_or_else(|| serde::de::Error::custom(format!("{dt} is not a date"))),
        _ => Err(serde::de::Error::custom(format!(
            "{dt}: expected a date such as 2025-01-08"
        ))),
    }
}

pub(crate) fn toml_date_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    toml_date(d).map(Some)
}

/// `table[index].field`
fn at(table: &str, index: usize, field: &str) -> Vec<Seg> {
    vec![Seg::key(table), Seg::Index(index), Seg::key(field)]
}

/// An id: 1–64 of a–z, 0–9, `.`, `_` and `-`, starting with a letter or digit, no `..`.
pub fn is_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        && !s.contains("..")
}

/// A clause: a number of up to three digits, then any subparagraphs in parentheses: `10`,
/// `5(1)`, `3(1)(2)`.
pub fn is_clause(s: &str) -> bool {
    let (number, mut rest) = s.split_at(s.find('(').unwrap_or(s.len()));
    let digits = |d: &str| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit());
    if !digits(number) {
        return false;
    }
    while !rest.is_empty() {
        let Some((inner, after)) = rest.strip_prefix('(').and_then(|r| r.split_once(')')) else {
            return false;
        };
        if !digits(inner) {
            return false;
        }
        rest = after;
    }
    true
}

fn duplicates(out: &mut Vec<Problem>, table: &str, ids: impl Iterator<Item = String>) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id.clone()) {
            out.push(Problem::new(
                vec![Seg::key(table), Seg::Index(i)],
                Message::new("rules.problem.twice")
                    .arg("table", table)
                    .arg("id", id),
            ));
        }
    }
}

fn join<'a>(items: impl Iterator<Item = &'a &'a str>) -> String {
    let mut v: Vec<&str> = items.copied().collect();
    v.sort_unstable();
    v.join(", ")
}

/// The editions a command can judge under: the built-in ones, then any loaded with `--rules`,
/// which replace a built-in edition of the same id.
#[derive(Debug, Clone)]
pub struct Editions {
    by_id: BTreeMap<String, Slot>,
    default_id: String,
    /// Periods whose text is not built in (`editions/history.toml`).
    history: Vec<Period>,
}

impl Editions {
    /// The editions built into the binary: their headers read once per process, each edition
    /// read whole when first used.
    pub fn built_in() -> Editions {
        static BUILT: std::sync::OnceLock<Editions> = std::sync::OnceLock::new();
        BUILT.get_or_init(Editions::read_built_in).clone()
    }

    fn read_built_in() -> Editions {
        static BUILT_INS: std::sync::OnceLock<Vec<BuiltIn>> = std::sync::OnceLock::new();
        let built_ins = BUILT_INS.get_or_init(|| {
            #[derive(Deserialize)]
            struct HeaderOnly {
                edition: Header,
            }
            BUILT_IN_JSON
                .iter()
                .map(|(file, header, json)| BuiltIn {
                    file,
                    header: serde_json::from_str::<HeaderOnly>(header)
                        .unwrap_or_else(|e| panic!("built-in edition {file} is invalid: {e}"))
                        .edition,
                    json,
                    whole: std::sync::OnceLock::new(),
                })
                .collect()
        });
        let by_id: BTreeMap<String, Slot> = built_ins
            .iter()
            .map(|b| (b.header.id.clone(), Slot::BuiltIn(b)))
            .collect();
        let default_id = by_id
            .iter()
            .find(|(_, e)| e.header().default)
            .map(|(id, _)| id.clone())
            .expect("one built-in edition is the default");
        let history: History = serde_json::from_str(HISTORY_JSON)
            .unwrap_or_else(|e| panic!("built-in editions/history.toml is invalid: {e}"));
        assert_eq!(
            history.format, FORMAT_VERSION,
            "editions/history.toml format"
        );
        Editions {
            by_id,
            default_id,
            history: history.period,
        }
    }

    /// The title of what was in force on `date`: an edition or a text not built in.
    fn title_on(&self, date: NaiveDate) -> Option<Text> {
        match self.in_force_on(date) {
            InForceOn::Edition(e) => Some(e.edition.title.clone()),
            InForceOn::NotBuiltIn(p) => Some(p.title.clone()),
            InForceOn::Unknown => None,
        }
    }

    /// Whether `date` falls in the days a text may have taken effect (its day is not known):
    /// the texts before and after, either of which may apply.
    pub fn window_on(&self, date: NaiveDate) -> Option<Window> {
        let periods = self
            .by_id
            .values()
            .filter_map(|e| e.header().in_force)
            .filter_map(|p| Some((p.from?, p.settled?)))
            .chain(
                self.history
                    .iter()
                    .filter_map(|p| Some((p.from, p.settled?))),
            );
        let (from, settled) = periods
            .into_iter()
            .find(|&(from, settled)| date >= from && date < settled)?;
        Some(Window {
            from,
            settled,
            before: from.pred_opt().and_then(|d| self.title_on(d)),
            after: self.title_on(from)?,
        })
    }

    /// The edition in force on `date` (a loaded one first where several claim it), else the
    /// period of a text that is not built in.
    pub fn in_force_on(&self, date: NaiveDate) -> InForceOn<'_> {
        let mut found = self
            .by_id
            .values()
            .filter(|e| e.header().in_force.is_some_and(|p| p.contains(date)));
        let loaded = found
            .clone()
            .find(|e| e.loaded() && matches!(e.edition().origin, Origin::File(_)));
        if let Some(e) = loaded.or_else(|| found.next()) {
            return InForceOn::Edition(e.edition().clone());
        }
        match self.history.iter().find(|p| p.contains(date)) {
            Some(p) => InForceOn::NotBuiltIn(p),
            None => InForceOn::Unknown,
        }
    }

    /// Adds an edition read from a file, replacing a built-in one of the same id.
    pub fn load_file(&mut self, path: &Path) -> Result<&Edition> {
        let edition = Editions::read_file(path)?;
        let id = edition.id().to_string();
        self.by_id
            .insert(id.clone(), Slot::Loaded(Arc::new(edition)));
        Ok(self.by_id[&id].edition())
    }

    /// Reads and validates an edition file without adding it.
    pub fn read_file(path: &Path) -> Result<Edition> {
        let text = read_text(path)?;
        Edition::from_toml(
            &text,
            &path.display().to_string(),
            Origin::File(path.to_path_buf()),
        )
    }

    /// Adds an edition already loaded, replacing one of the same id.
    pub fn add(&mut self, edition: Arc<Edition>) {
        self.by_id
            .insert(edition.id().to_string(), Slot::Loaded(edition));
    }

    pub fn get(&self, id: &str) -> Option<&Edition> {
        self.by_id.get(id).map(|e| &**e.edition())
    }

    /// The edition, shared, for a judgment to keep.
    pub fn get_arc(&self, id: &str) -> Option<Arc<Edition>> {
        self.by_id.get(id).map(|e| e.edition().clone())
    }

    pub fn default_edition(&self) -> &Arc<Edition> {
        self.by_id[&self.default_id].edition()
    }

    /// The edition `id`, or a usage error that lists the known ones.
    pub fn require(&self, id: &str) -> Result<&Edition> {
        self.get(id).ok_or_else(|| {
            crate::error::Error::usage(
                Message::new("usage.unknown-edition")
                    .arg("edition", id)
                    .arg(
                        "editions",
                        crate::finding::Arg::List(self.ids().map(str::to_string).collect()),
                    ),
            )
        })
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Edition> {
        self.by_id.values().map(|e| &**e.edition())
    }

    /// The TOML text of an edition, built in or loaded, for `rules export`.
    pub fn text(&self, id: &str) -> Result<String> {
        match &self.require(id)?.origin {
            Origin::BuiltIn => Ok(Editions::built_in_text(id).unwrap_or_default().to_string()),
            Origin::File(path) => read_text(path),
        }
    }

    /// The text of a built-in edition file, for `rules export`.
    pub fn built_in_text(id: &str) -> Option<&'static str> {
        BUILT_IN
            .iter()
            .find(|(file, _)| file.strip_suffix(".toml") == Some(id))
            .map(|(_, text)| *text)
    }
}

/// Reads a small text file the user wrote (see `files::read_text`).
pub(crate) fn read_text(path: &Path) -> Result<String> {
    crate::files::read_text(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_clauses_have_their_documented_forms() {
        for id in [
            "order-29-2024",
            "1.2",
            "central_bodies_with_users",
            "6.3",
            "x",
        ] {
            assert!(is_id(id), "{id}");
        }
        for bad in ["", "-x", "A", "a/b", "a..b", "3(1)/../x", "a b", "é"] {
            assert!(!is_id(bad), "{bad}");
        }
        for clause in ["10", "5(1)", "3(1)(2)"] {
            assert!(is_clause(clause), "{clause}");
        }
        for bad in [
            "",
            "5(",
            "5()",
            "(1)",
            "3(1)/../../../../tmp/x",
            "1234",
            "5(1)x",
        ] {
            assert!(!is_clause(bad), "{bad}");
        }
    }

    /// What a start reads (the JSON made at build time) is what the TOML says, read with every
    /// check `--rules` applies.
    #[test]
    fn the_built_in_json_is_the_toml_read_strictly() {
        for ((file, toml), (json_file, _, _)) in BUILT_IN.iter().zip(BUILT_IN_JSON) {
            assert_eq!(file, json_file);
            let strict = Edition::from_toml(toml, file, Origin::BuiltIn).unwrap();
            let fast = Editions::read_built_in();
            let fast = fast.get(strict.id()).unwrap();
            assert_eq!(format!("{strict:?}"), format!("{fast:?}"), "{file}");
        }
        let strict: History = toml::from_str(HISTORY).unwrap();
        let fast = Editions::read_built_in();
        assert_eq!(
            format!("{:?}", strict.period),
            format!("{:?}", fast.history)
        );
    }

    #[test]
    fn built_in_editions_load() {
        let editions = Editions::built_in();
        assert_eq!(editions.default_edition().id(), "order-29-2024");
        let ids: Vec<&str> = editions.ids().collect();
        assert_eq!(ids, ["order-29-2024", "order-84-2016"]);
    }

    #[test]
    fn maxima_match_regulation_5_3() {
        let editions = Editions::built_in();
        let max = |edition: &str, kind: &str| {
            editions
                .get(edition)
                .unwrap()
                .criteria
                .iter()
                .filter(|c| c.applies_to.iter().any(|k| k == kind))
                .count()
        };
        assert_eq!(max("order-29-2024", "information-system"), 12);
        assert_eq!(max("order-29-2024", "hardware-software-complex"), 10);
        assert_eq!(max("order-84-2016", "information-system"), 12);
    }
}
