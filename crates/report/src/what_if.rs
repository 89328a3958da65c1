//! A what-if run (`--fact`, `--set`, `--assume`) says so in every format, so its result is
//! never passed on as the judgment of the dossiers as filed.

use serde::Serialize;
use std::collections::BTreeMap;

/// The changes a what-if run computed with, as typed on the command line.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct WhatIf {
    /// `--fact NAME=VALUE`
    pub facts: BTreeMap<String, String>,
    /// `--set ID=yes|no`
    pub criteria: BTreeMap<String, bool>,
    /// `--assume KEY=VALUE`
    pub assume: BTreeMap<String, String>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty() && self.criteria.is_empty() && self.assume.is_empty()
    }

    /// "--fact a=1, --set 2.4=yes, --assume architecture=conforms": the flags as typed.
    pub fn describe(&self) -> String {
        let facts = self.facts.iter().map(|(k, v)| format!("--fact {k}={v}"));
        let criteria = self.criteria.iter().map(|(k, v)| {
            let v = if *v { "yes" } else { "no" };
            format!("--set {k}={v}")
        });
        let assume = self.assume.iter().map(|(k, v)| format!("--assume {k}={v}"));
        facts
            .chain(criteria)
            .chain(assume)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The JSON object the report carries at its top and on each dossier.
    pub fn json(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("a what-if serializes")
    }
}
