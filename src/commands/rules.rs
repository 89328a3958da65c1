//! `dossier rules list | show | export`.

use crate::cli::Format;
use crate::ui::Ui;
use clap::{Args, Subcommand};
use dossier_model::error::Error;
use dossier_report::rules;
use std::path::PathBuf;

// --- The command's flags -------------------------------------------------------------------

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

pub fn run(args: RulesArgs, ui: &mut Ui) -> Result<u8, Error> {
    // The editions the dossier.toml of the working folder loads are known too: what `check`
    // run here would use.
    let here = std::path::Path::new(".");
    let editions = dossier_judge::editions_in_effect(here, args.config.as_deref(), &args.rules)?;
    let json = args.format == Format::Json;
    let text = match args.action {
        RulesAction::List if json => rules::list_json(&editions),
        RulesAction::List => rules::list(&editions, ui.lang, ui.color, ui.width),
        RulesAction::Show { id } if json => rules::show_json(editions.require(&id)?),
        RulesAction::Show { id } => {
            rules::show(editions.require(&id)?, ui.lang, ui.color, ui.width)
        }
        RulesAction::Export { id } => editions.text(&id)?,
    };
    ui.print(&text)?;
    Ok(0)
}
