//! Scoring against the criteria of the edition (appendix 2; 2016: appendix 3) and the pass
//! rule of clause 6(1) (2016: clause 9).

use crate::dossier::CriterionOverride;
use crate::edition::Op;
use crate::edition::{CountRule, Criterion, Edition};
use crate::facts::{self, Value};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionStatus {
    Met,
    NotMet,
    Unknown,
    NotApplicable,
}

#[derive(Debug, Clone)]
pub struct CriterionResult {
    pub id: String,
    pub group: String,
    pub points: u32,
    pub status: CriterionStatus,
    /// Why the row has its status, as data; the printers word it.
    pub basis: Basis,
    /// The dossier's `evidence:` for the row, shown beside a computed basis.
    pub evidence: Option<String>,
    /// The fact the row reads, and its value when stated.
    pub fact: String,
    pub value: Option<Value>,
    /// The reviewer's override decided the row.
    pub overridden: bool,
    /// The row's boolean fact disagrees with the counts that decided it (docs/extensions.md).
    pub inconsistent: bool,
    /// Counts decided the row (docs/extensions.md), not its own fact.
    pub counted: bool,
}

impl CriterionResult {
    /// The row is unknown because the dossier does not state its fact (not the R19 case, where
    /// the counts are stated and a reviewer decides).
    pub fn unstated(&self) -> bool {
        self.status == CriterionStatus::Unknown && !self.counted
    }
}

/// Why a criterion row has its status.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The row names another kind only.
    NotApplicable { kind: String },
    /// A reviewer's override under `criteria:`, with its written basis.
    Reviewer(String),
    /// A what-if `--set`.
    WhatIf,
    /// The row's fact is not stated.
    FactMissing,
    /// The row's boolean fact.
    Flag(bool),
    /// The row's number against its threshold.
    Number { value: f64, op: Op, threshold: f64 },
    /// Every unit covered: (the covered-count fact, covered, total) per kind of unit.
    Covered(Vec<(String, u64, u64)>),
    /// No units exist at all.
    NoUnits,
    /// Units integrated: every unit of the first kind, at least `min` of the second.
    Integrated {
        first: (String, u64, u64),
        second: (String, u64),
        min: u32,
    },
    /// Fewer units exist than the row names, and all of them are integrated.
    FewerUnitsThanNamed { total: u64, min: u32 },
}

#[derive(Debug, Clone)]
pub struct GroupScore {
    pub id: String,
    pub points: u32,
    /// Rows of the group that apply to the kind.
    pub max: u32,
}

/// Which condition of the pass rule failed (R3: both are checked and named).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    TotalBelow {
        total: u32,
        min: u32,
    },
    GroupBelow {
        group: String,
        points: u32,
        min: u32,
    },
}

#[derive(Debug, Clone)]
pub struct Score {
    pub total: u32,
    pub max: u32,
    pub passed: bool,
    pub groups: Vec<GroupScore>,
    pub criteria: Vec<CriterionResult>,
    pub failures: Vec<Failure>,
    /// When failing: every smallest set of rows whose meeting would pass (see `to_pass`).
    pub to_pass: Vec<Vec<String>>,
    /// `to_pass` tried every combination (false: too many rows; one set found greedily).
    pub to_pass_complete: bool,
    /// When passing: rows whose loss alone would fail (see `margin`).
    pub margin: Vec<String>,
}

/// Scores one object. `None` when the edition does not score the kind (2016 internet
/// resources, R37).
pub fn score(
    edition: &Edition,
    kind: &str,
    facts: &BTreeMap<String, Value>,
    overrides: &BTreeMap<String, CriterionOverride>,
) -> Option<Score> {
    score_with_evidence(edition, kind, facts, overrides, &BTreeMap::new())
}

/// As `score`, with the dossier's `evidence:` added to the basis of the rows it supports.
pub fn score_with_evidence(
    edition: &Edition,
    kind: &str,
    facts: &BTreeMap<String, Value>,
    overrides: &BTreeMap<String, CriterionOverride>,
    evidence: &BTreeMap<String, String>,
) -> Option<Score> {
    if !edition.scores(kind) {
        return None;
    }
    let criteria: Vec<CriterionResult> = edition
        .criteria
        .iter()
        .map(|c| {
            let mut r = row(c, kind, facts, overrides);
            if r.status != CriterionStatus::NotApplicable && !r.overridden {
                r.evidence = evidence.get(&c.id).cloned();
            }
            r
        })
        .collect();
    Some(total(edition, criteria))
}

fn row(
    c: &Criterion,
    kind: &str,
    facts: &BTreeMap<String, Value>,
    overrides: &BTreeMap<String, CriterionOverride>,
) -> CriterionResult {
    let value = facts.get(&c.fact).copied();
    let mut r = CriterionResult {
        id: c.id.clone(),
        group: c.group.clone(),
        points: 0,
        status: CriterionStatus::Unknown,
        basis: Basis::FactMissing,
        evidence: None,
        fact: c.fact.clone(),
        value,
        overridden: false,
        inconsistent: false,
        counted: false,
    };
    // R4: a row naming the other kind only does not apply, and does not count toward max.
    if !c.applies_to.iter().any(|k| k == kind) {
        r.status = CriterionStatus::NotApplicable;
        r.basis = Basis::NotApplicable {
            kind: kind.to_string(),
        };
        return r;
    }
    if let Some(o) = overrides.get(&c.id) {
        r.overridden = true;
        r.status = if o.met {
            CriterionStatus::Met
        } else {
            CriterionStatus::NotMet
        };
        r.points = u32::from(o.met);
        r.basis = if o.what_if {
            Basis::WhatIf
        } else {
            Basis::Reviewer(o.basis.clone())
        };
        return r;
    }
    // docs/extensions.md: when every count a row needs is given, the counts decide it.
    if let Some((status, basis)) = c.counts.as_ref().and_then(|k| from_counts(k, facts)) {
        r.status = status;
        r.points = u32::from(status == CriterionStatus::Met);
        r.basis = basis;
        r.counted = true;
        r.inconsistent = matches!(value, Some(Value::Flag(b)) if status != CriterionStatus::Unknown && b != (status == CriterionStatus::Met));
        return r;
    }
    let Some(v) = value else {
        return r;
    };
    let met = facts::meets(v, c.op, c.threshold).unwrap_or(false);
    r.status = if met {
        CriterionStatus::Met
    } else {
        CriterionStatus::NotMet
    };
    r.points = u32::from(met);
    r.basis = match (v, c.threshold) {
        (Value::Number(value), crate::edition::Threshold::Number(threshold)) => Basis::Number {
            value,
            op: c.op,
            threshold,
        },
        (Value::Flag(b), _) => Basis::Flag(b),
        (Value::Number(value), _) => Basis::Number {
            value,
            op: c.op,
            threshold: f64::NAN,
        },
    };
    r
}

/// A row computed from counts (the reading "counts decide rows 1.2 and 1.4"); `None` unless
/// all are given.
fn from_counts(
    k: &crate::edition::Counts,
    facts: &BTreeMap<String, Value>,
) -> Option<(CriterionStatus, Basis)> {
    let get = |name: &str| match facts.get(name) {
        Some(Value::Number(n)) => Some(*n as u64),
        _ => None,
    };
    // A part of a kind of unit that does not exist is 0, whether or not it is written.
    let part = |name: &str, total: u64| {
        if total == 0 {
            Some(get(name).unwrap_or(0))
        } else {
            get(name)
        }
    };
    let status = |met: bool| {
        if met {
            CriterionStatus::Met
        } else {
            CriterionStatus::NotMet
        }
    };
    match k.rule {
        CountRule::AllUnitsCovered => {
            let totals: Vec<u64> = k.totals.iter().map(|t| get(t)).collect::<Option<_>>()?;
            let parts: Vec<u64> = k
                .parts
                .iter()
                .zip(&totals)
                .map(|(p, t)| part(p, *t))
                .collect::<Option<_>>()?;
            if totals.iter().sum::<u64>() == 0 {
                return Some((CriterionStatus::NotMet, Basis::NoUnits));
            }
            let met = totals.iter().zip(&parts).all(|(t, p)| p == t);
            let basis = k
                .parts
                .iter()
                .zip(totals.iter().zip(&parts))
                .map(|(name, (t, p))| (name.clone(), *p, *t))
                .collect();
            Some((status(met), Basis::Covered(basis)))
        }
        CountRule::UnitsIntegrated => {
            let min = k.min_second?;
            let first_total = get(&k.totals[0])?;
            let first = part(&k.parts[0], first_total)?;
            let second_total = get(&k.totals[1]);
            let second = match second_total {
                Some(total) => part(&k.parts[1], total)?,
                None => get(&k.parts[1])?,
            };
            // R18, as for row 1.2: with no subordinate organization and no subdivision at all
            // there is nothing to integrate, and the row is not met.
            if first_total == 0 && second_total == Some(0) {
                return Some((CriterionStatus::NotMet, Basis::NoUnits));
            }
            let first_ok = first_total == 0 || first == first_total;
            let second_ok = second >= u64::from(min);
            // Fewer subdivisions exist than the row names, and all of them are integrated.
            if first_ok
                && !second_ok
                && let Some(total) = second_total.filter(|t| *t < u64::from(min) && second == *t)
            {
                return Some((
                    CriterionStatus::Unknown,
                    Basis::FewerUnitsThanNamed { total, min },
                ));
            }
            Some((
                status(first_ok && second_ok),
                Basis::Integrated {
                    first: (k.parts[0].clone(), first, first_total),
                    second: (k.parts[1].clone(), second),
                    min,
                },
            ))
        }
    }
}

/// Sums rows into groups and applies the pass rule.
pub fn total(edition: &Edition, criteria: Vec<CriterionResult>) -> Score {
    let groups: Vec<GroupScore> = edition
        .groups
        .iter()
        .map(|g| {
            let rows = criteria.iter().filter(|c| c.group == g.id);
            GroupScore {
                id: g.id.clone(),
                points: rows.clone().map(|c| c.points).sum(),
                max: rows
                    .filter(|c| c.status != CriterionStatus::NotApplicable)
                    .count() as u32,
            }
        })
        .collect();
    let total = criteria.iter().map(|c| c.points).sum();
    let max = groups.iter().map(|g| g.max).sum();
    let failures = failures(edition, total, &groups);
    let mut score = Score {
        total,
        max,
        passed: failures.is_empty(),
        groups,
        criteria,
        failures,
        to_pass: Vec::new(),
        to_pass_complete: true,
        margin: Vec::new(),
    };
    (score.to_pass, score.to_pass_complete) = to_pass(edition, &score);
    score.margin = margin(edition, &score);
    score
}

/// Clause 6(1): total >= min_total and every group >= min_group_points (R2, R3).
/// Whether a total and these groups' points pass (R3): `failures` is empty, without making it.
fn passes(edition: &Edition, total: u32, mut points: impl Iterator<Item = u32>) -> bool {
    let rule = &edition.scoring;
    total >= rule.min_total && points.all(|p| p >= rule.min_group_points)
}

fn failures(edition: &Edition, total: u32, groups: &[GroupScore]) -> Vec<Failure> {
    let rule = &edition.scoring;
    let mut out = Vec::new();
    if total < rule.min_total {
        out.push(Failure::TotalBelow {
            total,
            min: rule.min_total,
        });
    }
    for g in groups {
        if g.points < rule.min_group_points {
            out.push(Failure::GroupBelow {
                group: g.id.clone(),
                points: g.points,
                min: rule.min_group_points,
            });
        }
    }
    out
}

/// Every smallest set of applicable rows, not met now (`not-met` or `unknown`), whose meeting
/// would pass the criteria: all sets of the minimum size that passes, each sorted by id, the
/// list sorted (contract §6, `to_pass`). Empty when the score passes already. With more
/// candidate rows than `limits::MAX_EXHAUSTIVE_ROWS` (an amended edition), one smallest-looking
/// set is found greedily instead, and the second value is false.
pub fn to_pass(edition: &Edition, score: &Score) -> (Vec<Vec<String>>, bool) {
    if score.passed {
        return (Vec::new(), true);
    }
    let candidates: Vec<&CriterionResult> = score
        .criteria
        .iter()
        .filter(|c| matches!(c.status, CriterionStatus::NotMet | CriterionStatus::Unknown))
        .collect();
    if candidates.len() > crate::limits::MAX_EXHAUSTIVE_ROWS {
        return (
            greedy(edition, score, &candidates).into_iter().collect(),
            false,
        );
    }
    (exhaustive(edition, score, &candidates), true)
}

/// One set that passes: first a row for each group below its minimum, then any rows for the
/// total. `None` when even every row would not pass.
fn greedy(
    edition: &Edition,
    score: &Score,
    candidates: &[&CriterionResult],
) -> Option<Vec<String>> {
    let mut chosen: Vec<&CriterionResult> = Vec::new();
    let rule = &edition.scoring;
    for g in &score.groups {
        let short = rule.min_group_points.saturating_sub(g.points) as usize;
        chosen.extend(
            candidates
                .iter()
                .filter(|c| c.group == g.id)
                .take(short)
                .copied(),
        );
    }
    for c in candidates {
        if passes_with(edition, score, chosen.iter().copied()) {
            break;
        }
        if !chosen.iter().any(|x| x.id == c.id) {
            chosen.push(c);
        }
    }
    if !passes_with(edition, score, chosen.iter().copied()) {
        return None;
    }
    let mut ids: Vec<String> = chosen.iter().map(|c| c.id.clone()).collect();
    ids.sort_by(|a, b| row_order(a, b));
    Some(ids)
}

/// Every subset, smallest first (few rows: at most 2^MAX_EXHAUSTIVE_ROWS sets).
fn exhaustive(
    edition: &Edition,
    score: &Score,
    candidates: &[&CriterionResult],
) -> Vec<Vec<String>> {
    for size in 1..=candidates.len() {
        let mut found: Vec<Vec<String>> = subsets(candidates.len(), size)
            .into_iter()
            .filter(|set| passes_with(edition, score, set.iter().map(|&i| candidates[i])))
            .map(|set| {
                let mut ids: Vec<String> = set.iter().map(|&i| candidates[i].id.clone()).collect();
                ids.sort_by(|a, b| row_order(a, b));
                ids
            })
            .collect();
        if !found.is_empty() {
            found.sort_by(|a, b| {
                a.iter()
                    .zip(b.iter())
                    .map(|(x, y)| row_order(x, y))
                    .find(|o| o.is_ne())
                    .unwrap_or(a.len().cmp(&b.len()))
            });
            return found;
        }
    }
    Vec::new()
}

/// Met rows whose loss alone would make a passing score fail.
pub fn margin(edition: &Edition, score: &Score) -> Vec<String> {
    if !score.passed {
        return Vec::new();
    }
    score
        .criteria
        .iter()
        .filter(|c| c.points > 0)
        .filter(|lost| {
            let points = score
                .groups
                .iter()
                .map(|g| g.points - u32::from(g.id == lost.group));
            !passes(edition, score.total - 1, points)
        })
        .map(|c| c.id.clone())
        .collect()
}

fn passes_with<'a>(
    edition: &Edition,
    score: &Score,
    added: impl Iterator<Item = &'a CriterionResult>,
) -> bool {
    // The groups' points, in their order, on the stack for any edition's few groups.
    let mut points: smallvec::SmallVec<[u32; 8]> = score.groups.iter().map(|g| g.points).collect();
    let mut total = score.total;
    for c in added {
        total += 1;
        if let Some(at) = score.groups.iter().position(|g| g.id == c.group) {
            points[at] += 1;
        }
    }
    passes(edition, total, points.into_iter())
}

/// All `size`-element subsets of `0..n`, as index lists in increasing order.
fn subsets(n: usize, size: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(size);
    fn go(
        start: usize,
        n: usize,
        size: usize,
        current: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) {
        if current.len() == size {
            out.push(current.clone());
            return;
        }
        for i in start..n {
            current.push(i);
            go(i + 1, n, size, current, out);
            current.pop();
        }
    }
    go(0, n, size, &mut current, &mut out);
    out
}

/// Orders row ids as the table does: "1.2" before "1.10", numerically by each part.
pub fn row_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| -> Vec<u32> {
        s.split('.')
            .map(|p| p.parse().unwrap_or(u32::MAX))
            .collect()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick pass test answers as the list of failures does, for every total and group
    /// points around the thresholds of each built-in edition.
    #[test]
    fn passes_is_failures_empty() {
        let editions = crate::edition::Editions::built_in();
        for id in ["order-29-2024", "order-84-2016"] {
            let edition = editions.get(id).expect("a built-in edition");
            let (min_total, min_group) =
                (edition.scoring.min_total, edition.scoring.min_group_points);
            for total in min_total.saturating_sub(2)..=min_total + 2 {
                for a in 0..=min_group + 1 {
                    for b in 0..=min_group + 1 {
                        let groups: Vec<GroupScore> = [("1", a), ("2", b)]
                            .map(|(id, points)| GroupScore {
                                id: id.to_string(),
                                points,
                                max: 5,
                            })
                            .to_vec();
                        assert_eq!(
                            passes(edition, total, groups.iter().map(|g| g.points)),
                            failures(edition, total, &groups).is_empty(),
                            "{id}: total {total}, groups {a}, {b}"
                        );
                    }
                }
            }
        }
    }
}
