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
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// How dossiers are judged: shared by every command that judges.
#[derive(Debug, Args)]
pub struct JudgeArgs {
    /// The date expiry and deadlines are judged against, YYYY-MM-DD [default: today]
    #[arg(long, env = "DOSSIER_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Judge every dossier under this edition of the Rules, whatever dossier.yaml says
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,

    /// Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in
    /// edition with the same id
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
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

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}
