//! `dossier rules list | show | export`.

use crate::cli::{RulesAction, RulesArgs};
use crate::ui::Ui;
use dossier::error::Error;
use dossier::report::rules;

pub fn run(args: RulesArgs, ui: &mut Ui) -> Result<u8, Error> {
    let editions = dossier::load_editions(&args.rules)?;
    let text = match args.action {
        RulesAction::List => rules::list(&editions, ui.lang, ui.color, ui.width),
        RulesAction::Show { id } => {
            rules::show(editions.require(&id)?, ui.lang, ui.color, ui.width)
        }
        RulesAction::Export { id } => editions.text(&id)?,
    };
    ui.print(&text)?;
    Ok(0)
}
