//! `dossier seal`: records each document of a dossier in `dossier.lock`.

use super::{print_errors, report_lang};
use crate::Config;
use crate::cli::parse_date;
use crate::ui::Ui;
use chrono::NaiveDate;
use clap::Args;
use dossier_model::error::Error;
use dossier_words::t;
use std::path::PathBuf;

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

pub fn run(args: SealArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let today = args.today.unwrap_or_else(|| config.today());
    let request = dossier_judge::CheckRequest {
        paths: args.paths.clone(),
        today,
        edition: None,
        rules: Vec::new(),
        what_if: Default::default(),
        config: None,
        built_in_wins: false,
        threads: None,
    };
    let report = dossier_judge::check(&request)?;
    ui.lang = report_lang(config, &report);
    print_errors(ui, &report.dossiers, &report.path_errors);
    let lang = ui.lang;
    for d in &report.dossiers {
        let Some(j) = d.judged() else { continue };
        let (path, lock) = dossier_archive::seal::seal(&j.dir, j, &today.to_string(), args.force)?;
        let (file, n) = (path.display().to_string(), lock.files.len());
        ui.note(&t!(lang, "seal.wrote", file, n));
    }
    let invalid = report.dossiers.iter().any(|d| d.judged().is_none());
    Ok(if invalid || !report.path_errors.is_empty() {
        2
    } else {
        0
    })
}
