//! `dossier config`: the settings in effect for a dossier, and where each came from.

use crate::Config;
use crate::cli::Format;
use crate::ui::Ui;
use clap::Args;
use dossier_model::error::Error;
use std::path::PathBuf;

// --- The command's flags -------------------------------------------------------------------

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

pub fn run(args: ConfigArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let settings =
        dossier_model::settings::Settings::for_dossier(&args.path, args.config.as_deref())?;
    ui.lang = config.lang(settings.lang.as_ref().map(|l| l.value));
    let entries = dossier_model::settings::effective(&args.path, args.config.as_deref())?;
    let text = match args.format {
        Format::Human => dossier_report::human::settings(&entries, ui.lang, ui.color, ui.width),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "schema": 1,
                "settings": entries,
            }))
            .expect("serializes");
            s.push('\n');
            s
        }
    };
    ui.print(&text)?;
    Ok(0)
}
