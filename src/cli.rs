//! The command line, as clap structs. Nothing below `main` sees these types: `main` turns
//! them into the library's plain requests. Completions and the man page are generated from
//! here (see the tests in main.rs).

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Check, score and draft submissions that put an "e-government" ICT infrastructure object on
/// the List assigned to the operator (Rules approved by Order No. 29 of 29.01.2018).
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Width of tables and wrapped text, in columns [default: the terminal's width, or COLUMNS;
    /// none when stdout is not a terminal]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

    /// When to colour the output: auto colours a terminal unless NO_COLOR is set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dossiers: documents, score, grounds and the outcome the authorized body would reach
    ///
    /// Each PATH is a dossier (a folder with dossier.yaml) or a folder searched for dossiers.
    /// Exit status: 0 when every dossier is include or pending, 1 when one is incomplete or
    /// refused, 2 on a usage error, an unreadable path or an invalid dossier.
    Check(CheckArgs),
    /// Explain the score against the criteria, try what-if changes, and show what would pass
    ///
    /// One PATH that is a dossier: its explanation row by row (JSON: the dossier object alone).
    /// Several, or a folder of dossiers: a portfolio table (JSON: the wrapped form of check).
    /// --set and --fact change the computation only, never a file. Exit status: 0 when every
    /// scored dossier passes the criteria, 1 when one does not, 2 on errors.
    Score(ScoreArgs),
    /// Draft a document: the application, the decision, the operator notice, the order or the
    /// removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word
    ///
    /// Text formats go to standard output unless -o or --out-dir is given; PDF and Word need one
    /// of them. An existing file is never replaced without --force; files are written
    /// atomically. With --out-dir each dossier gets <folder>.<document>.<lang>.<ext>.
    Render(RenderArgs),
    /// Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document
    Init(InitArgs),
    /// Show the settings in effect for a dossier (dossier.toml) and where each came from
    Config(ConfigArgs),
    /// Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when
    ///
    /// One dossier: its steps. Several: the reviewer's to-do list of everything due or overdue,
    /// soonest first.
    Timeline(TimelineArgs),
    /// The editions of the Rules: list them, show one, or export one as the start of an amended
    /// edition (load it back with --rules)
    Rules(RulesArgs),
    /// Pack a checked dossier into one reproducible archive: the application (PDF, Word; kk,
    /// ru), every document in the order of the Rules' list with its signature files,
    /// manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing
    /// unless --force-incomplete.
    Pack(PackArgs),
    /// Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or
    /// missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all
    /// holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive.
    Verify(VerifyArgs),
    /// Seal a dossier: write dossier.lock with the digest of every document, so `check` reports
    /// any document changed, added or removed since.
    Seal(SealArgs),
}

#[derive(Debug, Args)]
pub struct PackArgs {
    /// The archive to write (one dossier)
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write <folder>.zip per dossier into DIR (names never collide)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Replace an existing archive
    #[arg(long)]
    pub force: bool,

    /// Pack a dossier that is not ready for filing, recording its findings
    #[arg(long)]
    pub force_incomplete: bool,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Load an edition of the Rules from a TOML file (repeatable)
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,

    /// An archive written by `dossier pack`, or the folder it unpacks to
    #[arg(value_name = "ARCHIVE")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct SealArgs {
    /// The date recorded as the seal's, YYYY-MM-DD [default: $DOSSIER_TODAY, else today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Replace an existing dossier.lock
    #[arg(long)]
    pub force: bool,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the dossier in (created if missing)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// What the object is: a kind of the edition (see `dossier rules show ID`)
    #[arg(long, value_name = "KIND")]
    pub kind: String,

    /// The edition of the Rules [default: the current one]
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,

    /// Rewrite dossier.yaml of an existing dossier (documents are never touched)
    #[arg(long)]
    pub force: bool,

    /// Load an edition of the Rules from a TOML file (repeatable)
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Use this settings file instead of the dossier.toml lookup
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// A dossier folder (or any folder: the lookup starts there)
    #[arg(value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub action: RulesAction,

    /// Output format of `list` and `show`
    #[arg(long, value_enum, default_value_t = Format::Human, global = true)]
    pub format: Format,

    /// Use this settings file instead of looking up dossier.toml from the working folder up
    /// (its `editions` are listed too)
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Load an edition of the Rules from a TOML file (repeatable)
    #[arg(long = "rules", value_name = "FILE", global = true)]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// The editions built in and loaded, with their source and status
    List,
    /// One edition's requirements, criteria, grounds and deadlines
    Show {
        /// Edition id
        id: String,
    },
    /// Print an edition's TOML, the starting point of an amended edition
    Export {
        /// Edition id
        id: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentArg {
    /// The state body's application (the form of the Rules), with the list of attachments
    Application,
    /// The authorized body's decision draft, citing every ground
    Decision,
    /// The notice to the operator of an inclusion
    OperatorNotice,
    /// The draft order including the object in the List
    Order,
    /// The state body's notice that operation of the object stopped
    RemovalNotice,
    /// Information on an internet resource (2016 Appendix 2), from `resource:` in dossier.yaml
    ResourceForm,
    /// Every document that fits each dossier (the others are skipped with a note)
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Md,
    Txt,
    Html,
    Pdf,
    Docx,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The document to draft
    #[arg(value_enum)]
    pub document: DocumentArg,

    /// Output format [default: from the extension of -o FILE, else md]
    #[arg(long, value_enum)]
    pub format: Option<DocFormat>,

    /// Write to FILE (one dossier); .md, .txt, .html, .pdf or .docx sets the format
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        conflicts_with = "out_dir"
    )]
    pub output: Option<PathBuf>,

    /// Write one file per dossier into DIR
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Replace files that exist
    #[arg(long)]
    pub force: bool,

    /// Write what the reviewer should know about the drafts (never printed in them) to FILE
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,

    /// Use this template instead of the built-in one (see docs/templates.md)
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Print each criterion's full wording instead of one shortened line
    #[arg(long)]
    pub long: bool,

    #[command(flatten)]
    pub what_if: WhatIfArgs,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// A dossier folder, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// What-if: change the computation, never a file.
#[derive(Debug, Clone, Args)]
pub struct WhatIfArgs {
    /// What if criterion row ID were met (yes) or not (no); repeatable
    #[arg(long = "set", value_name = "ID=yes|no", value_parser = parse_set)]
    pub set: Vec<(String, bool)>,

    /// What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200
    #[arg(long = "fact", value_name = "NAME=VALUE", value_parser = parse_fact)]
    pub fact: Vec<(String, String)>,

    /// What if the review recorded KEY=VALUE: architecture=conforms|does-not-conform|pending|
    /// no-architecture, content_rules=complies|does-not-comply; repeatable
    #[arg(long = "assume", value_name = "KEY=VALUE", value_parser = parse_assume)]
    pub assume: Vec<dossier_judge::judge::Assume>,
}

impl WhatIfArgs {
    pub fn into_what_if(self) -> dossier_judge::judge::WhatIf {
        dossier_judge::judge::WhatIf {
            facts: self.fact,
            criteria: self.set,
            review: self.assume,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format: a table (human), the contract's JSON, one row per dossier and requirement
    /// (csv, tsv), JUnit XML for CI servers, or a self-contained HTML page for managers
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Errors and the summary only: dossiers without errors, warnings and notes are not printed
    #[arg(short, long)]
    pub quiet: bool,

    /// csv/tsv: one row per dossier instead of one per dossier and requirement
    #[arg(long)]
    pub summary: bool,

    /// Totals per state body: dossiers, outcomes, missing documents
    #[arg(long, value_enum, value_name = "KEY")]
    pub group_by: Option<GroupBy>,

    /// Judge the state body's own part at a stage of the procedure: `filing` is ready when every
    /// document and portal item is present and valid and the criteria pass (exit 0 when every
    /// dossier is ready, 1 when one is not)
    #[arg(long, value_enum, value_name = "STAGE")]
    pub stage: Option<CheckStage>,

    /// Write the report to FILE (atomically; an existing file only with --force)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With --output: replace an existing file
    #[arg(long, requires = "output")]
    pub force: bool,

    #[command(flatten)]
    pub what_if: WhatIfArgs,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Csv,
    Tsv,
    Junit,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// The applicant state body (`state_body.name`)
    StateBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckStage {
    /// Before filing: is the state body's part complete?
    Filing,
}

/// How dossiers are judged: shared by every command that judges.
#[derive(Debug, Clone, Args)]
pub struct JudgeArgs {
    /// The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY
    /// when set and not empty, else today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`:
    /// the edition in force on each dossier's application date
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,

    /// Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in
    /// edition with the same id
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,

    /// Use this settings file instead of looking up dossier.toml from each dossier upwards
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Ru,
    Kk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

fn parse_set(s: &str) -> Result<(String, bool), String> {
    let (id, value) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: write ID=yes or ID=no"))?;
    let met = match value.trim() {
        "yes" | "true" => true,
        "no" | "false" => false,
        other => return Err(format!("`{other}`: a criterion is set to yes or no")),
    };
    Ok((id.trim().to_string(), met))
}

fn parse_assume(s: &str) -> Result<dossier_judge::judge::Assume, String> {
    s.parse()
}

fn parse_fact(s: &str) -> Result<(String, String), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: write NAME=VALUE, e.g. active_registered_users=1200"))?;
    Ok((name.trim().to_string(), value.trim().to_string()))
}
