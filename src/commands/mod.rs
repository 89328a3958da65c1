//! One module per command (as jj's `cli/src/commands/`): each owns its clap `Args` and its
//! `run`, which takes the parsed arguments, the resolved `Config` and the `Ui`, calls the
//! libraries, prints, and returns the exit code.

pub mod check;
pub mod config;
pub mod init;
pub mod pack;
pub mod render;
pub mod rules;
pub mod schema;
pub mod score;
pub mod seal;
pub mod timeline;
pub mod verify;

use crate::Config;
use crate::cli::{Command, JudgeArgs};
use crate::ui::Ui;
use dossier_judge::CheckReport;
use dossier_judge::judge::{Judgment, WhatIf};
use dossier_model::error::Error;
use dossier_model::lang::Lang;
use std::path::PathBuf;

pub fn run(command: Command, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    match command {
        Command::Check(args) => check::run(args, config, ui),
        Command::Score(args) => score::run(args, config, ui),
        Command::Render(args) => render::run(args, config, ui),
        Command::Init(args) => init::run(args, ui),
        Command::Config(args) => config::run(args, config, ui),
        Command::Timeline(args) => timeline::run(args, config, ui),
        Command::Rules(args) => rules::run(args, ui),
        Command::Pack(args) => pack::run(args, config, ui),
        Command::Verify(args) => verify::run(args, config, ui),
        Command::Seal(args) => seal::run(args, config, ui),
        Command::Schema(args) => schema::run(args, ui),
    }
}

/// The library's request from the paths and the flags every judging command shares.
fn check_request(
    paths: Vec<PathBuf>,
    judge: JudgeArgs,
    config: &Config,
    what_if: WhatIf,
) -> dossier_judge::CheckRequest {
    dossier_judge::CheckRequest {
        paths,
        today: judge.today.unwrap_or_else(|| config.today()),
        edition: judge.edition,
        rules: judge.rules,
        what_if,
        config: judge.config,
        built_in_wins: false,
        threads: config.threads,
    }
}

/// The report language once the dossiers are judged: `--lang`, else the first dossier's
/// `dossier.toml`, else the locale.
fn report_lang(config: &Config, report: &CheckReport) -> Lang {
    config.lang(settings_lang(report))
}

/// The language the first judged dossier's `dossier.toml` asks for, if any.
fn settings_lang(report: &CheckReport) -> Option<Lang> {
    report
        .dossiers
        .iter()
        .find_map(|d| d.judged())
        .and_then(|j| j.settings.lang.as_ref())
        .map(|l| l.value)
}

/// Located errors of invalid dossiers and unusable paths go to stderr.
fn print_errors(
    ui: &Ui,
    dossiers: &[dossier_judge::judge::DossierReport],
    path_errors: &[dossier_model::finding::Message],
) {
    for d in dossiers {
        if let Judgment::Invalid(i) = &d.judgment {
            let words = dossier_words::Words::new(ui.lang);
            for e in &i.errors {
                ui.located(e, i.source.as_ref(), &words);
            }
        }
    }
    for p in path_errors {
        ui.message(p);
    }
}
