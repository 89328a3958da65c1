//! The outcome of a dossier and the refusal grounds that hold (contract §6).

use crate::documents::DocumentResult;
use crate::dossier::{Architecture, ContentRules};
use crate::edition::{Condition, Edition, Filed};
use crate::score::Score;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Invalid,
    Incomplete,
    Refuse,
    Pending,
    Include,
}

impl Outcome {
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Invalid => "invalid",
            Outcome::Incomplete => "incomplete",
            Outcome::Refuse => "refuse",
            Outcome::Pending => "pending",
            Outcome::Include => "include",
        }
    }
}

/// A refusal ground that holds, by its code in the edition (`6.1`, `6.2`, `6.3`; 2016: `6`, `9`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroundHit {
    pub code: String,
    pub clause: String,
    pub condition: Condition,
}

/// Every ground that holds, whatever the outcome, in the order of the edition.
pub fn grounds(
    edition: &Edition,
    documents: &[DocumentResult],
    score: Option<&Score>,
    architecture: Option<Architecture>,
    content_rules: Option<ContentRules>,
) -> Vec<GroundHit> {
    edition
        .grounds
        .iter()
        .filter(|g| match g.condition {
            Condition::CriteriaNotPassed => score.is_some_and(|s| !s.passed),
            Condition::ArchitectureDoesNotConform => {
                architecture == Some(Architecture::DoesNotConform)
            }
            Condition::ContentRulesNotMet => content_rules == Some(ContentRules::DoesNotComply),
            // R12: any single portal item missing, invalid or expired.
            Condition::PortalItemMissing => documents
                .iter()
                .any(|d| d.filed == Filed::Portal && !d.status.counts()),
        })
        .map(|g| GroundHit {
            code: g.code.clone(),
            clause: g.clause.clone(),
            condition: g.condition,
        })
        .collect()
}

/// Contract §6: incomplete, then refuse, then pending, then include. `settled`: nothing the
/// decision waits for is still open (the architecture recommendation, a reviewer's check);
/// `unfilled`: a text of the application is still a placeholder.
pub fn decide(
    documents: &[DocumentResult],
    grounds: &[GroundHit],
    settled: bool,
    unfilled: bool,
) -> Outcome {
    // R11: a missing filing makes the application incomplete; it is not a refusal ground.
    if unfilled
        || documents
            .iter()
            .any(|d| d.filed == Filed::Application && !d.status.counts())
    {
        Outcome::Incomplete
    } else if !grounds.is_empty() {
        Outcome::Refuse
    } else if !settled {
        Outcome::Pending
    } else {
        Outcome::Include
    }
}
