//! `dossier timeline`: the statutory steps of each judged dossier on its calendar.

use super::{check_request, print_errors, report_lang};
use crate::Config;
use crate::cli::Format;
use crate::cli::JudgeArgs;
use crate::ui::Ui;
use clap::Args;
use dossier_judge::outcome::Outcome;
use dossier_model::error::Error;
use dossier_report::timeline::{self, DossierSteps};
use std::path::PathBuf;

// --- The command's flags -------------------------------------------------------------------

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

pub fn run(args: TimelineArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let request = check_request(args.paths, args.judge, config, Default::default());
    let report = dossier_judge::check(&request)?;
    ui.lang = report_lang(config, &report);
    print_errors(ui, &report.dossiers, &report.path_errors);
    let base = dossier_model::calendar::Calendar::built_in();
    let views: Vec<DossierSteps> = report
        .dossiers
        .iter()
        .filter_map(|d| {
            let judged = d.judged()?;
            let calendar = judged.settings.calendar(&base);
            Some(DossierSteps {
                path: &d.path,
                judged,
                steps: dossier_judge::timeline::steps(judged, &calendar, request.today),
            })
        })
        .collect();
    let text = match args.format {
        Format::Json => timeline::json(&report.dossiers, &views, ui.lang),
        Format::Human => timeline::human(&views, ui.lang, ui.color, ui.width),
    };
    ui.print(&text)?;
    let invalid = report
        .dossiers
        .iter()
        .any(|d| d.outcome() == Outcome::Invalid);
    // An overdue step is a finding, as `check` treats one: exit 1.
    let overdue = views.iter().any(|v| {
        v.steps
            .iter()
            .any(|s| s.status == dossier_judge::timeline::StepStatus::Overdue)
    });
    Ok(if invalid || !report.path_errors.is_empty() {
        2
    } else if overdue {
        1
    } else {
        0
    })
}
