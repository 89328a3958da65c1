//! The command line: the top-level flags, the list of commands, and the flags several commands
//! share. Each command's own flags live in its file under `commands/` (as jj does), so a flag
//! change touches one file. Completions and the man pages are generated from these (see the
//! tests in main.rs).

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Check, score and draft submissions that put an "e-government" ICT infrastructure object on
/// the List assigned to the operator (Rules approved by Order No. 29 of 29.01.2018).
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about,
    long_about = None,
    propagate_version = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Print a man page or a shell completion script generated from this binary and exit:
    /// man (dossier.1), man-COMMAND (dossier-COMMAND.1), complete-bash, complete-zsh,
    /// complete-fish, complete-powershell, complete-elvish
    #[arg(long, value_name = "WHAT", value_parser = generate_values(), exclusive = true)]
    pub generate: Option<String>,

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

/// What `--generate` accepts: the shells, `man`, and `man-COMMAND` for every command.
fn generate_values() -> clap::builder::PossibleValuesParser {
    use clap::CommandFactory;
    let mut values: Vec<clap::builder::PossibleValue> = crate::generate::WHAT
        .iter()
        .map(|w| clap::builder::PossibleValue::new(*w))
        .collect();
    for name in Command::augment_subcommands(clap::Command::new("dossier"))
        .get_subcommands()
        .map(|c| c.get_name().to_string())
    {
        // clap's names are &'static without its `string` feature; built once per run.
        let value: &'static str = Box::leak(format!("man-{name}").into_boxed_str());
        values.push(clap::builder::PossibleValue::new(value).hide(true));
    }
    let _ = Cli::command;
    clap::builder::PossibleValuesParser::new(values)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dossiers: documents, score, grounds and the outcome the authorized body would reach
    ///
    /// Each PATH is a dossier (a folder with dossier.yaml) or a folder searched for dossiers.
    /// Exit status: 0 when every dossier is include or pending, 1 when one is incomplete or
    /// refused, 2 on a usage error, an unreadable path or an invalid dossier.
    Check(crate::commands::check::CheckArgs),
    /// Explain the score against the criteria, try what-if changes, and show what would pass
    ///
    /// One PATH that is a dossier: its explanation row by row (JSON: the dossier object alone).
    /// Several, or a folder of dossiers: a portfolio table (JSON: the wrapped form of check).
    /// --set and --fact change the computation only, never a file. Exit status: 0 when every
    /// scored dossier passes the criteria, 1 when one does not, 2 on errors.
    Score(crate::commands::score::ScoreArgs),
    /// Draft a document: the application, the decision, the operator notice, the order or the
    /// removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word
    ///
    /// Text formats go to standard output unless -o or --out-dir is given; PDF and Word need one
    /// of them. An existing file is never replaced without --force; files are written
    /// atomically. With --out-dir each dossier gets <folder>.<document>.<lang>.<ext>.
    Render(crate::commands::render::RenderArgs),
    /// Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document
    Init(crate::commands::init::InitArgs),
    /// Show the settings in effect for a dossier (dossier.toml) and where each came from
    Config(crate::commands::config::ConfigArgs),
    /// Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when
    ///
    /// One dossier: its steps. Several: the reviewer's to-do list of everything due or overdue,
    /// soonest first.
    Timeline(crate::commands::timeline::TimelineArgs),
    /// The editions of the Rules: list them, show one, or export one as the start of an amended
    /// edition (load it back with --rules)
    Rules(crate::commands::rules::RulesArgs),
    /// Pack a checked dossier into one reproducible archive: the application and its covering letter (PDF, Word; kk,
    /// ru), every document in the order of the Rules' list with its signature files,
    /// manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing
    /// unless --force-incomplete.
    Pack(crate::commands::pack::PackArgs),
    /// Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or
    /// missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all
    /// holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive.
    Verify(crate::commands::verify::VerifyArgs),
    /// Seal a dossier: write dossier.lock with the digest of every document, so `check` reports
    /// any document changed, added or removed since.
    Seal(crate::commands::seal::SealArgs),
    /// Print the JSON Schema of dossier.yaml under an edition (kinds, documents, facts, review
    /// keys), for editors with the YAML language server; `--report`: the schema of
    /// `check --format json`
    Schema(crate::commands::schema::SchemaArgs),
}

impl Command {
    /// Whether the command may write a file (and so removes its temporary file when
    /// interrupted); those that only read and print say no.
    pub fn writes_files(&self) -> bool {
        match self {
            Command::Check(args) => args.output.is_some(),
            Command::Score(_) | Command::Config(_) | Command::Timeline(_) => false,
            _ => true,
        }
    }
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
    /// What every format says of a what-if run; none for a plain one.
    pub fn mark(&self) -> Option<dossier_report::what_if::WhatIf> {
        let mark = dossier_report::what_if::WhatIf {
            facts: self.fact.iter().cloned().collect(),
            criteria: self.set.iter().cloned().collect(),
            assume: self
                .assume
                .iter()
                .map(|a| {
                    let (k, v) = a.as_pair();
                    (k.to_string(), v.to_string())
                })
                .collect(),
        };
        (!mark.is_empty()).then_some(mark)
    }

    pub fn into_what_if(self) -> dossier_judge::judge::WhatIf {
        dossier_judge::judge::WhatIf {
            facts: self.fact,
            criteria: self.set,
            review: self.assume,
        }
    }
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

/// A date as `dossier.yaml` takes one: `YYYY-MM-DD`, years 1900–2199.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    use chrono::Datelike;
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| s.len() == 10 && (1900..=2199).contains(&d.year()))
        .ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD (years 1900–2199)"))
}

pub fn parse_set(s: &str) -> Result<(String, bool), String> {
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

pub fn parse_assume(s: &str) -> Result<dossier_judge::judge::Assume, String> {
    s.parse()
}

pub fn parse_fact(s: &str) -> Result<(String, String), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: write NAME=VALUE, e.g. active_registered_users=1200"))?;
    Ok((name.trim().to_string(), value.trim().to_string()))
}
