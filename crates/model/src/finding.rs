//! Findings about a dossier, and errors in the files a user wrote, as data: a stable code from
//! one enum, a severity, typed arguments and the place. No words live here: the printers turn a
//! finding into text through the message catalogue (`messages`), in the language asked for.

use crate::lang::Text;
use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::sync::Arc;

/// Declares the codes once: the enum, its stable strings, and the list the docs are tested
/// against.
macro_rules! codes {
    ($($variant:ident = $code:literal,)*) => {
        /// Every code the tool can emit. Its string is the stable `code` of the JSON report and
        /// of docs/diagnostics.md.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }
        }
    };
}

codes! {
    YamlMissing = "yaml.missing",
    YamlUnreadable = "yaml.unreadable",
    YamlTooLarge = "yaml.too-large",
    YamlEncoding = "yaml.encoding",
    YamlSyntax = "yaml.syntax",
    YamlType = "yaml.type",
    YamlUnknownKey = "yaml.unknown-key",
    YamlMissingKey = "yaml.missing-key",
    YamlDuplicateKey = "yaml.duplicate-key",
    YamlUnknownValue = "yaml.unknown-value",
    YamlLimits = "yaml.limits",
    DossierSchema = "dossier.schema",
    EditionUnknown = "edition.unknown",
    KindNoProcedure = "kind.no-procedure",
    ObjectStageMissing = "object.stage-missing",
    StateBodyBin = "state-body.bin",
    DocumentUnknownRequirement = "document.unknown-requirement",
    FactUnknown = "fact.unknown",
    FactType = "fact.type",
    FactNegative = "fact.negative",
    FactNotWhole = "fact.not-whole",
    FactPercentRange = "fact.percent-range",
    FactPartAboveTotal = "fact.part-above-total",
    FactInconsistent = "fact.inconsistent",
    CriterionUnknownRow = "criterion.unknown-row",
    CriterionNotApplicable = "criterion.not-applicable",
    CriterionBasisMissing = "criterion.basis-missing",
    DocumentAttestatNotProtocol = "document.attestat-not-protocol",
    DocumentMissing = "document.missing",
    DocumentPlaceholder = "document.placeholder",
    TextPlaceholder = "text.placeholder",
    TextUndrawable = "text.undrawable",
    DocumentOutside = "document.outside",
    DocumentNotAFile = "document.not-a-file",
    DocumentEmpty = "document.empty",
    DocumentUnreadable = "document.unreadable",
    DocumentUnknownType = "document.unknown-type",
    DocumentDamaged = "document.damaged",
    DocumentPasswordProtected = "document.password-protected",
    DocumentDuplicate = "document.duplicate",
    DocumentDates = "document.dates",
    DocumentExpired = "document.expired",
    DocumentExpiredAllowed = "document.expired-allowed",
    DocumentValidityUnknown = "document.validity-unknown",
    DocumentChangedSinceSeal = "document.changed-since-seal",
    SignaturePresent = "signature.present",
    SignatureDigestMismatch = "signature.digest-mismatch",
    SignatureUnverified = "signature.unverified",
    SignatureUnreadable = "signature.unreadable",
    SignatureCertificateExpired = "signature.certificate-expired",
    SignatureBinMismatch = "signature.bin-mismatch",
    SignatureRequired = "signature.required",
    SealUnreadable = "seal.unreadable",
    SignatureInvalid = "signature.invalid",
    ObjectStageNotCommissioned = "object.stage-not-commissioned",
    ObjectPortalIdMissing = "object.portal-id-missing",
    CriterionFactMissing = "criterion.fact-missing",
    CriteriaTotalLow = "criteria.total-low",
    CriteriaGroupEmpty = "criteria.group-empty",
    ArchitectureDoesNotConform = "architecture.does-not-conform",
    ArchitecturePending = "architecture.pending",
    ArchitectureNone = "architecture.none",
    CriteriaNotForKind = "criteria.not-for-kind",
    ApplicationAfterFilingDeadline = "application.after-filing-deadline",
    ReviewDatesOrder = "review.dates-order",
    GroundContentRulesUnchecked = "ground.content-rules-unchecked",
    EditionAmendedUnits = "edition.amended-units",
    EditionPeriod = "edition.period",
    RulesSyntax = "rules.syntax",
    RulesInvalid = "rules.invalid",
    TemplateError = "template.error",
    SettingsInvalid = "settings.invalid",
    CalendarInvalid = "calendar.invalid",
    SettingsIgnored = "settings.ignored",
    FindingsTruncated = "findings.truncated",
    Internal = "internal.error",
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// A typed argument of a message. The printers localize what needs it (a clause, a document's
/// title, a group's title, a stage, yes/no); the JSON report gives the language-neutral value.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Shown as written: a file name, an id, a value from the dossier.
    Text(String),
    Int(u64),
    Num(f64),
    Date(NaiveDate),
    Flag(bool),
    /// "5(1)": shown as "clause 5(1)" / "пункт 5(1)" / "5(1)-тармақ".
    Clause(String),
    /// A requirement id of the dossier's kind, shown as its title in the Rules' words.
    Requirement(String),
    /// A criteria group id, shown as its title; not part of the JSON (the id is given beside).
    Group(String),
    /// An object kind id, shown as its name.
    Kind(String),
    /// An object stage id, shown as its name.
    Stage(String),
    List(Vec<String>),
    /// Wording from the edition in every language; not part of the JSON `args`.
    Words(Text),
    /// Another message, for a part of a sentence that varies; not part of the JSON `args`.
    Message(Box<Message>),
    /// The basis of a criterion row of the dossier's score, in words; not part of the JSON.
    RowBasis(String),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Int(n)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Int(u64::from(n))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(n as u64)
    }
}
impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Arg {
        Arg::Date(d)
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl Arg {
    /// Whether the JSON report carries this argument (words are for the printers only).
    fn is_data(&self) -> bool {
        !matches!(
            self,
            Arg::Words(_) | Arg::Message(_) | Arg::RowBasis(_) | Arg::Group(_)
        )
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t)
            | Arg::Clause(t)
            | Arg::Requirement(t)
            | Arg::Group(t)
            | Arg::Kind(t)
            | Arg::Stage(t) => s.serialize_str(t),
            Arg::Int(n) => s.serialize_u64(*n),
            Arg::Num(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    s.serialize_i64(*n as i64)
                } else {
                    s.serialize_f64(*n)
                }
            }
            Arg::Date(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            Arg::Flag(b) => s.serialize_bool(*b),
            Arg::List(l) => l.serialize(s),
            Arg::Words(_) | Arg::Message(_) | Arg::RowBasis(_) => s.serialize_none(),
        }
    }
}

/// Named arguments, in the order the message was built (the JSON keeps that order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(pub Vec<(&'static str, Arg)>);

impl Args {
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    pub fn is_empty(&self) -> bool {
        !self.0.iter().any(|(_, a)| a.is_data())
    }

    /// Every data argument of this message and of the messages nested in it, for the JSON.
    fn flat(&self) -> Vec<(&'static str, &Arg)> {
        let mut out: Vec<(&'static str, &Arg)> = Vec::new();
        for (name, arg) in &self.0 {
            match arg {
                Arg::Message(m) => {
                    for (n, a) in m.args.flat() {
                        if !out.iter().any(|(k, _)| *k == n) {
                            out.push((n, a));
                        }
                    }
                }
                a if a.is_data() && !out.iter().any(|(k, _)| k == name) => out.push((name, a)),
                _ => {}
            }
        }
        out
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let flat = self.flat();
        let mut map = s.serialize_map(Some(flat.len()))?;
        for (k, v) in flat {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Something to say, by its key in the message catalogue and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub key: &'static str,
    pub args: Args,
}

impl Message {
    pub fn new(key: &'static str) -> Message {
        Message {
            key,
            args: Args::default(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.0.push((name, value.into()));
        self
    }
}

/// Where in a file a finding points.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The file as the user would name it.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Byte range in the file's text, for a snippet.
    pub span: Option<(usize, usize)>,
}

/// One finding: what is wrong or worth knowing, as data.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    /// What to do about it.
    pub help: Option<Box<Message>>,
    pub place: Option<Box<Place>>,
}

impl Finding {
    /// A finding whose message is the catalogue entry of its code.
    pub fn new(severity: Severity, code: Code) -> Finding {
        Finding::with(severity, code, code.as_str())
    }

    /// A finding worded by a more specific catalogue entry (`document.missing.not-listed`).
    pub fn with(severity: Severity, code: Code, key: &'static str) -> Finding {
        Finding {
            code,
            severity,
            message: Message::new(key),
            help: None,
            place: None,
        }
    }

    pub fn error(code: Code) -> Finding {
        Finding::new(Severity::Error, code)
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Finding {
        self.message.args.0.push((name, value.into()));
        self
    }

    pub fn help(mut self, help: Message) -> Finding {
        self.help = Some(Box::new(help));
        self
    }

    pub fn at(mut self, file: &str, line: Option<usize>) -> Finding {
        self.place = Some(Box::new(Place {
            file: file.to_string(),
            line,
            column: None,
            span: None,
        }));
        self
    }

    /// Places the finding at a byte range of `text`, with its line and column.
    pub fn at_span(self, file: &str, text: &str, span: Option<(usize, usize)>) -> Finding {
        let lc = span.map(|(start, _)| crate::error::line_column(text, start));
        self.at_place(file, span, lc)
    }

    /// Places the finding at a byte range whose line and column are already known.
    pub fn at_place(
        mut self,
        file: &str,
        span: Option<(usize, usize)>,
        lc: Option<(usize, usize)>,
    ) -> Finding {
        self.place = Some(Box::new(Place {
            file: file.to_string(),
            line: lc.map(|(l, _)| l),
            column: lc.map(|(_, c)| c),
            span,
        }));
        self
    }

    pub fn args(&self) -> &Args {
        &self.message.args
    }
}

/// A user's file with its text, shared by every finding located in it.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub text: Arc<str>,
}
