//! `dossier score`: one dossier explained, or a portfolio; what-if changes the computation only.

use super::{check_request, print_errors, report_lang};
use crate::Config;
use crate::cli::Format;
use crate::cli::{JudgeArgs, WhatIfArgs};
use crate::ui::Ui;
use clap::Args;
use dossier_model::error::Error;
use dossier_report::{explain, json};
use std::path::PathBuf;

// --- The command's flags -------------------------------------------------------------------

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

pub fn run(args: ScoreArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let what_if = args.what_if.into_what_if();
    let request = check_request(args.paths, args.judge, config, what_if.clone());
    let report = dossier_judge::score(&request)?;
    ui.lang = report_lang(config, &report);
    print_errors(ui, &report.dossiers, &report.path_errors);
    // Contract §6: one dossier named by its folder or its dossier.yaml prints alone.
    let single = request.paths.len() == 1
        && report.dossiers.len() == 1
        && report.path_errors.is_empty()
        && dossier_judge::discover::is_dossier_path(&request.paths[0]);
    let text = match (args.format, single) {
        (Format::Json, true) => json::render_one(&report.dossiers[0], ui.lang),
        (Format::Json, false) => json::render(&report, ui.lang),
        (Format::Human, _) => explain::render(
            &report,
            single,
            &explain::Options {
                lang: ui.lang,
                color: ui.color,
                width: ui.width,
                long: args.long,
                what_if: &what_if,
            },
        ),
    };
    ui.print(&text)?;
    Ok(report.score_exit_code())
}
