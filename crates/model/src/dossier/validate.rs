//! Checks a parsed `dossier.yaml` against the edition it is judged under: the kind, the
//! documents' ids, the facts' names and types, the criterion overrides. Each problem is an
//! error at its line; a dossier with any is `invalid` (contract §6).

use super::yaml::SourceMap;
use super::{DossierFile, SCHEMA_VERSION};
use crate::edition::{Edition, Editions, InForceOn};
use crate::facts::{self, Value};
use crate::finding::{Arg, Code, Finding, Message, Severity};
use crate::source_path::{SegRef, path, segs};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The text and index of a `dossier.yaml`, to point at lines.
pub struct Located<'a> {
    pub text: &'a str,
    pub file: &'a str,
    pub map: &'a SourceMap,
    /// Line starts, built the first time a finding needs a line.
    lines: std::cell::OnceCell<crate::error::LineIndex>,
}

impl<'a> Located<'a> {
    pub fn new(text: &'a str, file: &'a str, map: &'a SourceMap) -> Located<'a> {
        Located {
            text,
            file,
            map,
            lines: std::cell::OnceCell::new(),
        }
    }

    fn locate(&self, offset: usize) -> (usize, usize) {
        self.lines
            .get_or_init(|| crate::error::LineIndex::new(self.text))
            .locate(self.text, offset)
    }

    fn place(&self, f: Finding, span: Option<(usize, usize)>) -> Finding {
        let lc = span.map(|(start, _)| self.locate(start));
        f.at_place(self.file, span, lc)
    }

    /// An error at the value of `at` (or its nearest existing parent).
    pub fn error(&self, code: Code, at: &[SegRef]) -> Finding {
        self.place(Finding::new(Severity::Error, code), self.map.value(at))
    }

    /// A warning at the value of `at`.
    pub fn warning(&self, code: Code, at: &[SegRef]) -> Finding {
        self.place(Finding::new(Severity::Warning, code), self.map.value(at))
    }

    /// An error worded by a specific catalogue entry, at the value of `at`.
    pub fn error_with(&self, code: Code, key: &'static str, at: &[SegRef]) -> Finding {
        self.place(
            Finding::with(Severity::Error, code, key),
            self.map.value(at),
        )
    }

    /// An error at the key of `at`, for names that are wrong.
    pub fn key_error(&self, code: Code, at: &[SegRef]) -> Finding {
        self.place(Finding::new(Severity::Error, code), self.map.key(at))
    }

    /// 1-based line of the value at `at`.
    pub fn line(&self, at: &[SegRef]) -> Option<usize> {
        self.map.value(at).map(|(start, _)| self.locate(start).0)
    }
}

/// The value of `edition:` (or `--edition`) that picks the edition in force on the dossier's date.
pub const AUTO_EDITION: &str = "auto";

/// Picks the edition: `--edition` first, then the dossier's own `edition:`, then the default;
/// `auto` picks the built-in edition in force on the application's date (R55). With it, what
/// the reviewer should know: an edition out of its period, a date whose text is not built in.
pub fn choose_edition(
    file: &DossierFile,
    forced: Option<&str>,
    editions: &Editions,
    at: &Located,
) -> Result<(Arc<Edition>, Vec<Finding>), Finding> {
    let wanted = forced.or(file.edition.as_deref());
    // The application's own date, else the day it was received.
    let dated = match file.application.as_ref().and_then(|a| a.date) {
        Some(d) => Some((d.0, segs(["application", "date"]))),
        None => file
            .review
            .received
            .map(|d| (d.0, segs(["review", "received"]))),
    };
    let note = |severity, key: &'static str, place: &[SegRef<'_>]| {
        let f = Finding::with(severity, Code::EditionPeriod, key);
        match at.line(place) {
            Some(line) => f.at(at.file, Some(line)),
            None => f,
        }
    };
    if wanted == Some(AUTO_EDITION) {
        let auto_at = segs(["edition"]);
        let Some((date, _)) = dated else {
            let f = note(Severity::Warning, "edition.auto-no-date", &auto_at)
                .arg("edition", editions.default_edition().id());
            return Ok((editions.default_edition().clone(), vec![f]));
        };
        // In the days a text may have taken effect, both texts are named, never one asserted.
        if let Some(w) = editions.window_on(date) {
            let edition = match editions.in_force_on(date) {
                InForceOn::Edition(e) => e,
                _ => editions.default_edition().clone(),
            };
            let f = window_note(note(Severity::Warning, window_key(&w), &auto_at), &w, date)
                .arg("edition", edition.id());
            return Ok((edition, vec![f]));
        }
        return Ok(match editions.in_force_on(date) {
            InForceOn::Edition(e) => {
                let f = note(Severity::Info, "edition.auto", &auto_at)
                    .arg("edition", e.id())
                    .arg("date", date);
                (e, vec![f])
            }
            InForceOn::NotBuiltIn(p) => {
                let f = note(Severity::Warning, "edition.auto-not-built-in", &auto_at)
                    .arg("date", date)
                    .arg("text", Arg::Words(p.title.clone()))
                    .arg("edition", editions.default_edition().id());
                (editions.default_edition().clone(), vec![f])
            }
            InForceOn::Unknown => {
                let f = note(Severity::Warning, "edition.auto-unknown", &auto_at)
                    .arg("date", date)
                    .arg("edition", editions.default_edition().id());
                (editions.default_edition().clone(), vec![f])
            }
        });
    }
    let edition = match wanted {
        None => editions.default_edition().clone(),
        Some(id) => editions.get_arc(id).ok_or_else(|| {
            at.error(Code::EditionUnknown, &segs(["edition"]))
                .arg("edition", id)
                .help(
                    Message::new("help.editions").arg(
                        "editions",
                        Arg::List(
                            editions
                                .ids()
                                .chain([AUTO_EDITION])
                                .map(str::to_string)
                                .collect(),
                        ),
                    ),
                )
        })?,
    };
    // The edition was not in force on the dossier's date: say what was.
    let mut findings = Vec::new();
    if let (Some(period), Some((date, place))) = (edition.edition.in_force, dated)
        && !period.contains(date)
    {
        let f = match editions.in_force_on(date) {
            InForceOn::Edition(e) => {
                note(Severity::Warning, "edition.out-of-period", &place).arg("in_force", e.id())
            }
            InForceOn::NotBuiltIn(p) => note(
                Severity::Warning,
                "edition.out-of-period-not-built-in",
                &place,
            )
            .arg("text", Arg::Words(p.title.clone())),
            InForceOn::Unknown => note(Severity::Warning, "edition.out-of-period-unknown", &place),
        };
        findings.push(f.arg("edition", edition.id()).arg("date", date));
    } else if let Some((date, place)) = dated
        && let Some(w) = editions.window_on(date)
    {
        let f = window_note(note(Severity::Warning, window_key(&w), &place), &w, date);
        findings.push(f.arg("edition", edition.id()));
    }
    Ok((edition, findings))
}

/// A window after a known text names both; the first text's window says it may not yet apply.
fn window_key(w: &crate::edition::Window) -> &'static str {
    if w.before.is_some() {
        "edition.window"
    } else {
        "edition.window-start"
    }
}

/// The warning for a date in the days a text may have taken effect: both texts named.
fn window_note(f: Finding, w: &crate::edition::Window, date: chrono::NaiveDate) -> Finding {
    f.arg("date", date)
        .arg("from", w.from)
        .arg("settled", w.settled.pred_opt().unwrap_or(w.settled))
        .arg(
            "before",
            w.before
                .clone()
                .map_or(Arg::Text(String::new()), Arg::Words),
        )
        .arg("after", Arg::Words(w.after.clone()))
}

/// Everything wrong with the dossier under `edition`, and its facts typed.
pub fn validate(
    file: &DossierFile,
    edition: &Edition,
    editions: &Editions,
    at: &Located,
) -> (BTreeMap<String, Value>, Vec<Finding>) {
    let mut errors = Vec::new();
    strict_text(file, at, &mut errors);
    // The schema is the plain integer 1: not "1", not 0x1.
    let schema_written = at
        .map
        .value(&segs(["schema"]))
        .and_then(|(a, b)| at.text.get(a..b))
        .unwrap_or("");
    if file.schema != SCHEMA_VERSION || !schema_written.bytes().all(|b| b.is_ascii_digit()) {
        errors.push(
            at.error(Code::DossierSchema, &segs(["schema"]))
                .arg("found", u64::from(file.schema))
                .arg("supported", u64::from(SCHEMA_VERSION)),
        );
    }
    let Some(kind) = edition.kind(&file.kind) else {
        errors.push(no_procedure(file, edition, editions, at));
        return (BTreeMap::new(), errors);
    };
    if kind.stage_required && file.object.stage.is_none() {
        errors.push(
            at.error(Code::ObjectStageMissing, &segs(["object"]))
                .arg("kind", &kind.id)
                .help(Message::new("help.stages")),
        );
    }
    if file.state_body.name.is_none() {
        errors.push(
            at.error_with(
                Code::YamlMissingKey,
                "yaml.missing-key.state-body",
                &segs(["state_body"]),
            )
            .help(Message::new("help.state-body")),
        );
    }
    if let Some(bin) = &file.state_body.bin
        && !(bin.len() == 12 && bin.bytes().all(|b| b.is_ascii_digit()))
    {
        errors.push(
            at.error(Code::StateBodyBin, &segs(["state_body", "bin"]))
                .arg("bin", bin),
        );
    }
    unknown_documents(file, edition, &kind.id, at, &mut errors);
    let typed = typed_facts(file, edition, at, &mut errors);
    criteria_keys(file, edition, &kind.id, at, &mut errors);
    (typed, errors)
}

/// Text that only stands in for a value: dots, an ellipsis, underscores, or the sample name
/// `init` and the docs show.
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    let filler = !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '…' | '_' | ' '));
    filler || t == crate::dossier::SAMPLE_NAME
}

/// Texts still holding a placeholder, one finding per key: like a placeholder document, what the
/// applicant must fill in before anything else (the outcome is `incomplete`).
pub fn placeholders(file: &DossierFile, at: &Located) -> Vec<Finding> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (keys, text) in file.texts() {
        if is_placeholder(text) && seen.insert(keys) {
            out.push(
                at.error(Code::TextPlaceholder, &path(&keys))
                    .arg("key", keys.join("."))
                    .arg("text", text),
            );
        }
    }
    out
}

/// Texts the drafts print that hold a character no embedded font can draw: one warning per key,
/// before anything is drafted (a PDF draft of them is refused, naming the key).
pub fn undrawable(file: &DossierFile, at: &Located) -> Vec<Finding> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (keys, text) in file.texts() {
        if let Some(c) = text.chars().find(|c| !crate::glyphs::drawable(*c))
            && seen.insert(keys)
        {
            out.push(
                at.warning(Code::TextUndrawable, &path(&keys))
                    .arg("key", keys.join("."))
                    .arg("char", c.to_string())
                    .arg("code", format!("U+{:04X}", u32::from(c))),
            );
        }
    }
    out
}

/// Text holds no control characters, names are not empty, and a document is not issued after
/// it expires.
fn strict_text(file: &DossierFile, at: &Located, errors: &mut Vec<Finding>) {
    for (keys, text) in file.texts() {
        // Free text may break lines; a path or a name may not (it could forge a report line).
        let multiline = matches!(keys.first(), Some(&"evidence" | &"criteria"));
        // A bidirectional control reorders what a reader sees, as a control character hides it.
        let bidi = |c: &char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        let bad =
            |c: &char| (c.is_control() && !(multiline && matches!(c, '\n' | '\t'))) || bidi(c);
        if let Some(c) = text.chars().find(bad) {
            errors.push(
                at.error_with(Code::YamlType, "yaml.type.control", &path(&keys))
                    .arg("key", keys.join("."))
                    .arg("char", format!("U+{:04X}", u32::from(c))),
            );
        }
    }
    let names = [
        (["object", "name"], Some(&file.object.name)),
        (["state_body", "name"], file.state_body.name.as_ref()),
    ];
    for (keys, name) in names {
        if name.is_some_and(|n| n.each().any(|t| t.trim().is_empty())) {
            errors.push(
                at.error_with(Code::YamlType, "yaml.type.empty", &path(&keys))
                    .arg("key", keys.join(".")),
            );
        }
    }
    for (id, entry) in &file.documents {
        if let (Some(issued), Some(until)) = (entry.issued, entry.valid_until)
            && issued > until
        {
            errors.push(
                at.error(Code::DocumentDates, &segs(["documents", id, "issued"]))
                    .arg("id", id)
                    .arg("issued", issued.0)
                    .arg("valid_until", until.0),
            );
        }
    }
}

/// The Rules of this edition have no procedure for the kind; say where it has one.
fn no_procedure(
    file: &DossierFile,
    edition: &Edition,
    editions: &Editions,
    at: &Located,
) -> Finding {
    let ours: Vec<String> = edition.kinds.iter().map(|k| k.id.clone()).collect();
    let elsewhere: Vec<String> = editions
        .iter()
        .filter(|e| e.kind(&file.kind).is_some())
        .map(|e| e.id().to_string())
        .collect();
    let help = if elsewhere.is_empty() {
        Message::new("help.kinds")
    } else {
        Message::new("help.kinds-elsewhere")
            .arg("kind", &file.kind)
            .arg("elsewhere", Arg::List(elsewhere))
    }
    .arg("edition", edition.id())
    .arg("kinds", Arg::List(ours));
    at.error(Code::KindNoProcedure, &segs(["kind"]))
        .arg("edition", edition.id())
        .arg("kind", &file.kind)
        .help(help)
}

fn unknown_documents(
    file: &DossierFile,
    edition: &Edition,
    kind: &str,
    at: &Located,
    errors: &mut Vec<Finding>,
) {
    for id in file.documents.keys() {
        if !edition.requirements_for(kind).any(|r| &r.id == id) {
            let ids: Vec<String> = edition
                .requirements_for(kind)
                .map(|r| r.id.clone())
                .collect();
            errors.push(
                at.key_error(Code::DocumentUnknownRequirement, &segs(["documents", id]))
                    .arg("id", id)
                    .arg("kind", kind)
                    .arg("edition", edition.id())
                    .help(Message::new("help.documents").arg("ids", Arg::List(ids))),
            );
        }
    }
}

/// The facts typed against the edition; a part above its total is an error.
fn typed_facts(
    file: &DossierFile,
    edition: &Edition,
    at: &Located,
    errors: &mut Vec<Finding>,
) -> BTreeMap<String, Value> {
    let mut typed = BTreeMap::new();
    for (name, written) in &file.facts {
        let at_fact = segs(["facts", name]);
        match edition.fact(name) {
            None => {
                let names: Vec<&str> = edition.facts.iter().map(|f| f.name.as_str()).collect();
                let help = match closest(name, &names) {
                    Some(near) => Message::new("help.did-you-mean").arg("name", near),
                    None => Message::new("help.facts").arg(
                        "names",
                        Arg::List(names.iter().map(|n| n.to_string()).collect()),
                    ),
                };
                errors.push(
                    at.key_error(Code::FactUnknown, &at_fact)
                        .arg("fact", name)
                        .arg("edition", edition.id())
                        .help(help),
                );
            }
            Some(fact) => match facts::typed(fact, written) {
                Ok(v) => {
                    typed.insert(name.clone(), v);
                }
                Err(problem) => {
                    let m = problem.message(fact, &written.to_string());
                    let mut f = at.error_with(problem.code(), m.key, &at_fact);
                    f.message = m;
                    errors.push(f);
                }
            },
        }
    }
    // A covered or integrated count above its total is an error (once per part).
    let mut reported: Vec<&str> = Vec::new();
    for k in edition.criteria.iter().filter_map(|c| c.counts.as_ref()) {
        for (part, total) in k.parts.iter().zip(&k.totals) {
            if let (Some(Value::Number(p)), Some(Value::Number(t))) =
                (typed.get(part), typed.get(total))
                && p > t
                && !reported.contains(&part.as_str())
            {
                reported.push(part);
                errors.push(
                    at.error(Code::FactPartAboveTotal, &segs(["facts", part]))
                        .arg("part", part)
                        .arg("total", total),
                );
            }
        }
    }
    typed
}

/// Row ids under `evidence:` and `criteria:` exist and apply; an override has a basis.
fn criteria_keys(
    file: &DossierFile,
    edition: &Edition,
    kind: &str,
    at: &Located,
    errors: &mut Vec<Finding>,
) {
    let rows = || {
        Message::new("help.rows").arg(
            "rows",
            Arg::List(edition.criteria.iter().map(|c| c.id.clone()).collect()),
        )
    };
    for id in file.evidence.keys() {
        if edition.criterion(id).is_none() {
            errors.push(
                at.key_error(Code::CriterionUnknownRow, &segs(["evidence", id]))
                    .arg("edition", edition.id())
                    .arg("row", id)
                    .help(rows()),
            );
        }
    }
    for (id, over) in &file.criteria {
        let at_row = segs(["criteria", id]);
        match edition.criterion(id) {
            None => errors.push(
                at.key_error(Code::CriterionUnknownRow, &at_row)
                    .arg("edition", edition.id())
                    .arg("row", id)
                    .help(rows()),
            ),
            Some(c) if !c.applies_to.iter().any(|k| k == kind) => errors.push(
                at.key_error(Code::CriterionNotApplicable, &at_row)
                    .arg("row", id)
                    .arg("kind", kind),
            ),
            Some(_) if over.basis.trim().is_empty() => {
                let p = [at_row[0], at_row[1], SegRef::Key("basis")];
                errors.push(
                    at.error_with(
                        Code::CriterionBasisMissing,
                        "criterion.basis-missing.override",
                        &p,
                    )
                    .arg("row", id),
                );
            }
            Some(_) => {}
        }
    }
}

fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), *c))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, c)| c)
}
