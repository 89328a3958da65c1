//! The dossier: one folder per object, described by `dossier.yaml` (contract §2).
//!
//! `yaml` reads the file into the model below; `validate` checks it against the edition it is
//! judged under. Nothing here looks at the attached files (see `inspect`).

mod fast;
mod quick_map;
pub mod validate;
pub mod yaml;

use crate::lang::Lang;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The file that makes a folder a dossier.
pub const DOSSIER_FILE: &str = "dossier.yaml";

/// The format version of `dossier.yaml` this build reads.
/// The sample name `init` shows for the signatory; left as it is, it is a placeholder.
pub const SAMPLE_NAME: &str = "Тегі Аты Әкесінің аты";

pub const SCHEMA_VERSION: u32 = 1;

/// `dossier.yaml` as written, before it is checked against an edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierFile {
    pub schema: u32,
    pub kind: String,
    pub edition: Option<String>,
    pub object: Object,
    /// Required, but may come from `dossier.toml` (contract §7).
    #[serde(default, deserialize_with = "null_is_empty")]
    pub state_body: StateBody,
    pub signatory: Option<Signatory>,
    /// Who prepared the state body's documents: the executor line of its letters.
    pub executor: Option<Executor>,
    pub application: Option<Application>,
    pub addressee: Option<LocalText>,
    /// 2016 Appendix 2, «Сведения об ИР», for an internet resource (an extension).
    pub resource: Option<Resource>,
    #[serde(default, deserialize_with = "null_is_empty")]
    pub facts: BTreeMap<String, FactValue>,
    #[serde(default, deserialize_with = "null_is_empty")]
    pub criteria: BTreeMap<String, CriterionOverride>,
    /// What supports a computed criterion: a definition, a period, the proof (R21, R22).
    #[serde(default, deserialize_with = "null_is_empty")]
    pub evidence: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "null_is_empty")]
    pub review: Review,
    #[serde(default, deserialize_with = "null_is_empty")]
    pub documents: BTreeMap<String, DocumentEntry>,
}

/// A section whose entries are all commented out is `null` in YAML: read it as empty.
fn null_is_empty<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Object {
    pub name: LocalText,
    pub short_name: Option<String>,
    pub stage: Option<Stage>,
    pub portal_id: Option<String>,
}

/// What 2016 Appendix 2 asks of an internet resource, row by row of the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// 1.2 Назначение ИР
    pub purpose: Option<LocalText>,
    /// 1.3 Ответственные лица ИР со стороны Владельца
    pub contacts: Option<LocalText>,
    /// 1.4 Владелец ИР (else the state body)
    pub owner: Option<LocalText>,
    /// 2.1 Необходимые дистрибутивы
    pub distributions: Option<LocalText>,
    /// 2.2 Требования к условиям лицензирования
    pub licensing: Option<LocalText>,
    /// 2.3 Период действия лицензий
    pub license_period: Option<LocalText>,
    /// 2.4 Количество
    pub license_count: Option<LocalText>,
    /// 3 Руководство администратора
    pub admin_guide: Option<LocalText>,
    /// 4 Руководство пользователя
    pub user_guide: Option<LocalText>,
    /// 5 Список интегрируемых ИР
    #[serde(default, deserialize_with = "null_is_empty")]
    pub integrations: Vec<Integration>,
}

impl Resource {
    /// The fields of the form, by key, in its order (without the integrations).
    pub fn fields(&self) -> [(&'static str, Option<&LocalText>); 9] {
        [
            ("purpose", self.purpose.as_ref()),
            ("contacts", self.contacts.as_ref()),
            ("owner", self.owner.as_ref()),
            ("distributions", self.distributions.as_ref()),
            ("licensing", self.licensing.as_ref()),
            ("license_period", self.license_period.as_ref()),
            ("license_count", self.license_count.as_ref()),
            ("admin_guide", self.admin_guide.as_ref()),
            ("user_guide", self.user_guide.as_ref()),
        ]
    }
}

/// One integrated internet resource (Appendix 2, row 5).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integration {
    pub name: LocalText,
    pub owner: Option<LocalText>,
    pub location: Option<LocalText>,
    pub requirements: Option<LocalText>,
    pub rules: Option<LocalText>,
}

impl Integration {
    pub fn fields(&self) -> [(&'static str, Option<&LocalText>); 5] {
        [
            ("name", Some(&self.name)),
            ("owner", self.owner.as_ref()),
            ("location", self.location.as_ref()),
            ("requirements", self.requirements.as_ref()),
            ("rules", self.rules.as_ref()),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Development,
    TrialOperation,
    IndustrialOperation,
    Decommissioned,
}

impl Stage {
    pub fn id(self) -> &'static str {
        match self {
            Stage::Development => "development",
            Stage::TrialOperation => "trial-operation",
            Stage::IndustrialOperation => "industrial-operation",
            Stage::Decommissioned => "decommissioned",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateBody {
    pub name: Option<LocalText>,
    pub bin: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub name: String,
    pub position: Option<LocalText>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Executor {
    pub name: String,
    pub phone: Option<String>,
}

impl Signatory {
    /// "Д. Нұрланов" from "Нұрланов Данияр Қайратұлы": the initial of the name before the
    /// surname, as an official signs (the name is given surname first).
    pub fn initials_and_surname(&self) -> String {
        let mut words = self.name.split_whitespace();
        let Some(surname) = words.next() else {
            return String::new();
        };
        match words.next().and_then(|n| n.chars().next()) {
            Some(initial) => format!("{initial}. {surname}"),
            None => surname.to_string(),
        }
    }
}

/// The keys of a text in `dossier.yaml` (`object` → `name`): one or two, held without
/// allocating, read as a slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextAt<'a>([&'a str; 2], usize);

impl<'a> TextAt<'a> {
    fn one(key: &'a str) -> TextAt<'a> {
        TextAt([key, ""], 1)
    }

    fn two(key: &'a str, sub: &'a str) -> TextAt<'a> {
        TextAt([key, sub], 2)
    }
}

impl<'a> std::ops::Deref for TextAt<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        &self.0[..self.1]
    }
}

impl DossierFile {
    /// Every text of the file with the path of its key, for checks that apply to all text
    /// (no control characters).
    pub fn texts(&self) -> Vec<(TextAt<'_>, &str)> {
        let local: [(TextAt<'_>, Option<&LocalText>); 4] = [
            (TextAt::two("object", "name"), Some(&self.object.name)),
            (
                TextAt::two("state_body", "name"),
                self.state_body.name.as_ref(),
            ),
            (TextAt::one("addressee"), self.addressee.as_ref()),
            (
                TextAt::two("signatory", "position"),
                self.signatory.as_ref().and_then(|s| s.position.as_ref()),
            ),
        ];
        let plain: [(TextAt<'_>, Option<&String>); 7] = [
            (
                TextAt::two("object", "short_name"),
                self.object.short_name.as_ref(),
            ),
            (
                TextAt::two("object", "portal_id"),
                self.object.portal_id.as_ref(),
            ),
            (
                TextAt::two("state_body", "bin"),
                self.state_body.bin.as_ref(),
            ),
            (
                TextAt::two("signatory", "name"),
                self.signatory.as_ref().map(|s| &s.name),
            ),
            (
                TextAt::two("application", "number"),
                self.application.as_ref().and_then(|a| a.number.as_ref()),
            ),
            (
                TextAt::two("executor", "name"),
                self.executor.as_ref().map(|e| &e.name),
            ),
            (
                TextAt::two("executor", "phone"),
                self.executor.as_ref().and_then(|e| e.phone.as_ref()),
            ),
        ];
        let mut out: Vec<(TextAt<'_>, &str)> = Vec::with_capacity(32);
        for (at, text) in local {
            for t in text.into_iter().flat_map(LocalText::each) {
                out.push((at, t));
            }
        }
        if let Some(r) = &self.resource {
            for (key, text) in r.fields() {
                for t in text.into_iter().flat_map(LocalText::each) {
                    out.push((TextAt::two("resource", key), t));
                }
            }
            for i in &r.integrations {
                for (_, text) in i.fields() {
                    for t in text.into_iter().flat_map(LocalText::each) {
                        out.push((TextAt::two("resource", "integrations"), t));
                    }
                }
            }
        }
        for (at, text) in plain {
            if let Some(t) = text {
                out.push((at, t.as_str()));
            }
        }
        for (id, text) in &self.evidence {
            out.push((TextAt::two("evidence", id.as_str()), text.as_str()));
        }
        for (id, o) in &self.criteria {
            out.push((TextAt::two("criteria", id.as_str()), o.basis.as_str()));
        }
        for (id, entry) in &self.documents {
            for f in &entry.files {
                out.push((TextAt::two("documents", id.as_str()), f.as_str()));
            }
            if let Some(n) = &entry.note {
                out.push((TextAt::two("documents", id.as_str()), n.as_str()));
            }
        }
        out
    }

    /// Fills what `dossier.yaml` leaves out from `dossier.toml`; the dossier's own keys win.
    pub fn apply_defaults(&mut self, s: &crate::settings::Settings) {
        if self.addressee.is_none() {
            self.addressee = s.addressee.as_ref().map(|a| a.value.clone());
        }
        if self.state_body.name.is_none() {
            self.state_body.name = s.state_body_name.as_ref().map(|a| a.value.clone());
        }
        if self.state_body.bin.is_none() {
            self.state_body.bin = s.state_body_bin.as_ref().map(|a| a.value.clone());
        }
        match &mut self.executor {
            Some(e) => {
                if e.phone.is_none() {
                    e.phone = s.executor_phone.as_ref().map(|p| p.value.clone());
                }
            }
            None => {
                if let Some(name) = &s.executor_name {
                    self.executor = Some(Executor {
                        name: name.value.clone(),
                        phone: s.executor_phone.as_ref().map(|p| p.value.clone()),
                    });
                }
            }
        }
        match &mut self.signatory {
            Some(sig) => {
                if sig.position.is_none() {
                    sig.position = s.signatory_position.as_ref().map(|p| p.value.clone());
                }
            }
            None => {
                if let Some(name) = &s.signatory_name {
                    self.signatory = Some(Signatory {
                        name: name.value.clone(),
                        position: s.signatory_position.as_ref().map(|p| p.value.clone()),
                    });
                }
            }
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub number: Option<String>,
    pub date: Option<Date>,
}

/// A reviewer's judgment on one criterion row, with the reason for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionOverride {
    pub met: bool,
    pub basis: String,
    /// Set by a what-if `--set`, never read from the file.
    #[serde(skip)]
    pub what_if: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Architecture {
    Conforms,
    DoesNotConform,
    Pending,
    /// The state body has no approved architecture (2016 cl. 6: not a ground for refusal).
    NoArchitecture,
}

/// The authorized body's check of an internet resource against the content rules (2016 cl. 7(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContentRules {
    Complies,
    DoesNotComply,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub received: Option<Date>,
    pub sent_to_integrator: Option<Date>,
    pub integrator_received: Option<Date>,
    pub recommendation_received: Option<Date>,
    pub architecture: Option<Architecture>,
    /// 2016 cl. 7(1): the content check of an internet resource, once the reviewer made it.
    pub content_rules: Option<ContentRules>,
    /// Clause 5: the service integrator confirmed (true) or did not confirm (false) that the
    /// information about the object is on the architecture portal; the decision records it.
    pub portal_confirmed: Option<bool>,
    pub decision: Option<Date>,
    /// 2016 cl. 11: the day the state body was notified of a refusal.
    pub refusal_notified: Option<Date>,
    pub operator_notified: Option<Date>,
    pub order_adopted: Option<Date>,
    pub operation_ended: Option<Date>,
    pub removal_notified: Option<Date>,
    /// The day the object was included in the List, when the dossier does not record the
    /// inclusion itself (an object listed years ago): clause 10 is for listed objects.
    pub listed: Option<Date>,
}

impl Review {
    /// The dossier records the object as on the List: its inclusion (the operator notified,
    /// the order adopted, a decision whose outcome is inclusion) or the day it was listed.
    pub fn records_listing(&self, included: bool) -> bool {
        self.listed.is_some()
            || self.order_adopted.is_some()
            || self.operator_notified.is_some()
            || (self.decision.is_some() && included)
    }

    /// The date under a `review` key named in the rules data (`edition::REVIEW_DATE_KEYS`).
    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        let d = match key {
            "received" => self.received,
            "sent_to_integrator" => self.sent_to_integrator,
            // The contract: defaults to sent_to_integrator.
            "integrator_received" => self.integrator_received.or(self.sent_to_integrator),
            "recommendation_received" => self.recommendation_received,
            "decision" => self.decision,
            "operator_notified" => self.operator_notified,
            "order_adopted" => self.order_adopted,
            "operation_ended" => self.operation_ended,
            "removal_notified" => self.removal_notified,
            "refusal_notified" => self.refusal_notified,
            "listed" => self.listed,
            _ => None,
        };
        d.map(|d| d.0)
    }
}

/// Text for generated documents: per language, or one string for every language. A per-language
/// text holds at least one of the two (a 2016 name is often only in Russian).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum LocalText {
    Same(String),
    PerLang {
        #[serde(skip_serializing_if = "Option::is_none")]
        kk: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        ru: Option<String>,
    },
}

impl LocalText {
    /// Every text it holds.
    pub fn each(&self) -> impl Iterator<Item = &str> {
        let (first, second) = match self {
            LocalText::Same(s) => (Some(s), None),
            LocalText::PerLang { kk, ru } => (kk.as_ref(), ru.as_ref()),
        };
        first.into_iter().chain(second).map(String::as_str)
    }

    /// The text in `lang`, else the other language's; English reports show the Russian.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            LocalText::Same(s) => s,
            LocalText::PerLang { kk, ru } => {
                let (first, second) = if lang == Lang::Kk { (kk, ru) } else { (ru, kk) };
                first.as_deref().or(second.as_deref()).unwrap_or_default()
            }
        }
    }

    /// The text is not given in `lang` (`kk` or `ru`), so `get` gives the other language's.
    pub fn lacks(&self, lang: Lang) -> bool {
        match self {
            LocalText::Same(_) => false,
            LocalText::PerLang { kk, .. } if lang == Lang::Kk => kk.is_none(),
            LocalText::PerLang { ru, .. } => ru.is_none(),
        }
    }
}

/// A fact as written; its type is checked against the edition's definition.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Flag(bool),
    Integer(i64),
    Number(f64),
    Text(String),
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Flag(b) => write!(f, "{b}"),
            FactValue::Integer(n) => write!(f, "{n}"),
            FactValue::Number(n) => write!(f, "{}", crate::facts::format_number(*n)),
            FactValue::Text(s) => write!(f, "{s:?}"),
        }
    }
}

/// A `documents` entry: a path, a list of paths, or a map with `files` and dates.
#[derive(Debug, Clone, Default)]
pub struct DocumentEntry {
    pub files: Vec<String>,
    pub issued: Option<Date>,
    pub valid_until: Option<Date>,
    pub note: Option<String>,
}

/// A `YYYY-MM-DD` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}
