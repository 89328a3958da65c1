//! Table tests straight from the regulation's rows (regulation.md §5.2): every criterion below,
//! at and above its threshold, in both editions; and the pass rule's invariant as a property.

use dossier_judge::score::{CriterionStatus, score};
use dossier_model::dossier::CriterionOverride;
use dossier_model::edition::Editions;
use dossier_model::facts::Value;
use dossier_model::lang::Lang;
use dossier_words::Words;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// (edition, kind, row, fact, value, met) — the rows as the Rules word them.
const ROWS: &[(&str, &str, &str, &str, f64, bool)] = &[
    // 1.1 "1-ден астам" (> 1)
    (
        "order-29-2024",
        "information-system",
        "1.1",
        "central_bodies_with_users",
        1.0,
        false,
    ),
    (
        "order-29-2024",
        "information-system",
        "1.1",
        "central_bodies_with_users",
        2.0,
        true,
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "1.1",
        "central_bodies_with_users",
        2.0,
        true,
    ),
    (
        "order-84-2016",
        "information-system",
        "1.1",
        "central_bodies_with_users",
        1.0,
        false,
    ),
    (
        "order-84-2016",
        "information-system",
        "1.1",
        "central_bodies_with_users",
        2.0,
        true,
    ),
    // 1.3 "1-ден астам" (> 1), IS only
    (
        "order-29-2024",
        "information-system",
        "1.3",
        "central_bodies_integrated",
        1.0,
        false,
    ),
    (
        "order-29-2024",
        "information-system",
        "1.3",
        "central_bodies_integrated",
        2.0,
        true,
    ),
    (
        "order-84-2016",
        "information-system",
        "1.3",
        "central_bodies_integrated",
        2.0,
        true,
    ),
    // 2.3 "3-тен астам" (> 3)
    (
        "order-29-2024",
        "information-system",
        "2.3",
        "e_services",
        3.0,
        false,
    ),
    (
        "order-29-2024",
        "information-system",
        "2.3",
        "e_services",
        4.0,
        true,
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "2.3",
        "e_services",
        4.0,
        true,
    ),
    (
        "order-84-2016",
        "information-system",
        "2.3",
        "e_services",
        3.0,
        false,
    ),
    (
        "order-84-2016",
        "information-system",
        "2.3",
        "e_services",
        4.0,
        true,
    ),
    // 3.1 "1000-нан астам" (> 1000), IS only
    (
        "order-29-2024",
        "information-system",
        "3.1",
        "active_registered_users",
        999.0,
        false,
    ),
    (
        "order-29-2024",
        "information-system",
        "3.1",
        "active_registered_users",
        1000.0,
        false,
    ),
    (
        "order-29-2024",
        "information-system",
        "3.1",
        "active_registered_users",
        1001.0,
        true,
    ),
    (
        "order-84-2016",
        "information-system",
        "3.1",
        "active_registered_users",
        1000.0,
        false,
    ),
    (
        "order-84-2016",
        "information-system",
        "3.1",
        "active_registered_users",
        1001.0,
        true,
    ),
    // 3.2 "100 000-нан астам" (> 100 000)
    (
        "order-29-2024",
        "information-system",
        "3.2",
        "primary_data_consumers",
        100000.0,
        false,
    ),
    (
        "order-29-2024",
        "information-system",
        "3.2",
        "primary_data_consumers",
        100001.0,
        true,
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "3.2",
        "primary_data_consumers",
        100001.0,
        true,
    ),
    (
        "order-84-2016",
        "information-system",
        "3.2",
        "primary_data_consumers",
        100000.0,
        false,
    ),
    (
        "order-84-2016",
        "information-system",
        "3.2",
        "primary_data_consumers",
        100001.0,
        true,
    ),
    // 3.3 "кемінде 50%" (>= 50)
    (
        "order-29-2024",
        "information-system",
        "3.3",
        "civil_servants_connected_percent",
        49.9,
        false,
    ),
    (
        "order-29-2024",
        "information-system",
        "3.3",
        "civil_servants_connected_percent",
        50.0,
        true,
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "3.3",
        "civil_servants_connected_percent",
        50.0,
        true,
    ),
    (
        "order-84-2016",
        "information-system",
        "3.3",
        "civil_servants_connected_percent",
        49.9,
        false,
    ),
    (
        "order-84-2016",
        "information-system",
        "3.3",
        "civil_servants_connected_percent",
        50.0,
        true,
    ),
];

/// Boolean rows: met exactly when true.
const FLAG_ROWS: &[(&str, &str, &str, &str)] = &[
    (
        "order-29-2024",
        "information-system",
        "1.2",
        "all_subordinate_units_are_users",
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "1.2",
        "all_subordinate_units_are_users",
    ),
    (
        "order-29-2024",
        "information-system",
        "1.4",
        "all_subordinate_units_integrated",
    ),
    (
        "order-29-2024",
        "information-system",
        "2.1",
        "reference_store_citizens",
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "2.2",
        "reference_store_primary_data",
    ),
    (
        "order-29-2024",
        "information-system",
        "2.4",
        "state_ca_signature_keys",
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "2.5",
        "unified_transport_environment",
    ),
    (
        "order-29-2024",
        "hardware-software-complex",
        "3.4",
        "all_users_use_hsc_components",
    ),
    (
        "order-84-2016",
        "information-system",
        "1.2",
        "all_subordinate_units_are_users",
    ),
    (
        "order-84-2016",
        "information-system",
        "1.4",
        "all_subordinate_units_integrated",
    ),
    (
        "order-84-2016",
        "information-system",
        "2.1",
        "reference_store_citizens",
    ),
    (
        "order-84-2016",
        "information-system",
        "2.2",
        "reference_store_primary_data",
    ),
    (
        "order-84-2016",
        "information-system",
        "2.4",
        "state_ca_signature_keys",
    ),
    (
        "order-84-2016",
        "information-system",
        "2.5",
        "unified_transport_environment",
    ),
];

fn status_of(edition: &str, kind: &str, row: &str, fact: &str, value: Value) -> CriterionStatus {
    let editions = Editions::built_in();
    let e = editions.get(edition).unwrap();
    let facts = BTreeMap::from([(fact.to_string(), value)]);
    let s = score(e, kind, &facts, &BTreeMap::new()).unwrap();
    s.criteria.iter().find(|c| c.id == row).unwrap().status
}

#[test]
fn numeric_rows_at_and_around_their_thresholds() {
    for &(edition, kind, row, fact, value, met) in ROWS {
        let expected = if met {
            CriterionStatus::Met
        } else {
            CriterionStatus::NotMet
        };
        assert_eq!(
            status_of(edition, kind, row, fact, Value::Number(value)),
            expected,
            "{edition} {kind} {row} = {value}"
        );
    }
}

#[test]
fn flag_rows() {
    for &(edition, kind, row, fact) in FLAG_ROWS {
        assert_eq!(
            status_of(edition, kind, row, fact, Value::Flag(true)),
            CriterionStatus::Met,
            "{edition} {row}"
        );
        assert_eq!(
            status_of(edition, kind, row, fact, Value::Flag(false)),
            CriterionStatus::NotMet,
            "{edition} {row}"
        );
    }
}

#[test]
fn rows_for_the_other_kind_do_not_apply_and_maxima_follow() {
    // R4: 1.3, 1.4, 3.1 are IS-only; 3.4 is HSC-only.
    for row in ["1.3", "1.4", "3.1"] {
        assert_eq!(
            status_of(
                "order-29-2024",
                "hardware-software-complex",
                row,
                "x",
                Value::Flag(true)
            ),
            CriterionStatus::NotApplicable
        );
    }
    assert_eq!(
        status_of(
            "order-29-2024",
            "information-system",
            "3.4",
            "x",
            Value::Flag(true)
        ),
        CriterionStatus::NotApplicable
    );
    let editions = Editions::built_in();
    let max = |ed: &str, kind: &str| {
        score(
            editions.get(ed).unwrap(),
            kind,
            &BTreeMap::new(),
            &BTreeMap::new(),
        )
        .unwrap()
        .max
    };
    assert_eq!(max("order-29-2024", "information-system"), 12);
    assert_eq!(max("order-29-2024", "hardware-software-complex"), 10);
    assert_eq!(max("order-84-2016", "information-system"), 12);
}

#[test]
fn an_unstated_fact_is_unknown_and_scores_nothing() {
    let editions = Editions::built_in();
    let s = score(
        editions.default_edition(),
        "information-system",
        &BTreeMap::new(),
        &BTreeMap::new(),
    )
    .unwrap();
    assert!(s.criteria.iter().all(|c| c.points == 0));
    let unknown = s
        .criteria
        .iter()
        .filter(|c| c.status == CriterionStatus::Unknown)
        .count();
    assert_eq!(unknown, 12, "every applicable row is unknown");
    assert!(!s.passed);
}

#[test]
fn pass_rule_examples_of_regulation_5_4() {
    let editions = Editions::built_in();
    let e = editions.default_edition();
    let pass = |kind: &str, met: &[&str]| {
        let overrides: BTreeMap<String, CriterionOverride> = met
            .iter()
            .map(|id| {
                (
                    id.to_string(),
                    CriterionOverride {
                        met: true,
                        basis: "example".into(),
                        what_if: false,
                    },
                )
            })
            .collect();
        score(e, kind, &BTreeMap::new(), &overrides).unwrap().passed
    };
    assert!(pass("information-system", &["1.1", "2.5", "3.1"]));
    assert!(!pass(
        "information-system",
        &["1.1", "1.2", "1.3", "2.1", "2.2"]
    ));
    assert!(!pass(
        "hardware-software-complex",
        &["2.4", "2.5", "3.2", "3.4"]
    ));
}

proptest! {
    /// Meeting one more criterion never lowers the total, nor turns a pass into a fail.
    #[test]
    fn meeting_one_more_criterion_never_hurts(
        kind in prop_oneof![Just("information-system"), Just("hardware-software-complex")],
        met in proptest::collection::btree_set(0usize..13, 0..13),
        extra in 0usize..13,
    ) {
        let editions = Editions::built_in();
        let e = editions.default_edition();
        let ids: Vec<&str> = e.criteria.iter().map(|c| c.id.as_str()).collect();
        let applicable = |id: &&str| e.criterion(id).unwrap().applies_to.iter().any(|k| k == kind);
        let set = |indices: &std::collections::BTreeSet<usize>| -> BTreeMap<String, CriterionOverride> {
            indices.iter().map(|i| ids[*i]).filter(applicable).map(|id| (id.to_string(), CriterionOverride { met: true, basis: "p".into(), what_if: false })).collect()
        };
        let before = score(e, kind, &BTreeMap::new(), &set(&met)).unwrap();
        let mut more = met.clone();
        more.insert(extra);
        let after = score(e, kind, &BTreeMap::new(), &set(&more)).unwrap();
        prop_assert!(after.total >= before.total);
        prop_assert!(!before.passed || after.passed);
    }
}

/// regulation.md §10.2: rows 1.2 and 1.4 from counts (R18, R19), in both editions.
fn with_counts(
    edition: &str,
    row: &str,
    counts: &[(&str, f64)],
    flag: Option<bool>,
) -> (CriterionStatus, String, bool) {
    let editions = Editions::built_in();
    let e = editions.get(edition).unwrap();
    let mut facts: BTreeMap<String, Value> = counts
        .iter()
        .map(|(k, v)| (k.to_string(), Value::Number(*v)))
        .collect();
    if let Some(b) = flag {
        let fact = &e.criterion(row).unwrap().fact;
        facts.insert(fact.clone(), Value::Flag(b));
    }
    let s = score(e, "information-system", &facts, &BTreeMap::new()).unwrap();
    let c = s.criteria.iter().find(|c| c.id == row).unwrap();
    let basis = Words::of(Lang::En, e, "information-system").basis(c);
    (c.status, basis, c.inconsistent)
}

#[test]
fn row_1_2_from_counts() {
    let all = [
        ("subordinate_orgs_total", 5.0),
        ("subordinate_orgs_covered", 5.0),
        ("territorial_units_total", 17.0),
        ("territorial_units_covered", 17.0),
    ];
    assert_eq!(
        with_counts("order-29-2024", "1.2", &all, None).0,
        CriterionStatus::Met
    );
    let one_short = [
        ("subordinate_orgs_total", 5.0),
        ("subordinate_orgs_covered", 5.0),
        ("territorial_units_total", 17.0),
        ("territorial_units_covered", 16.0),
    ];
    assert_eq!(
        with_counts("order-29-2024", "1.2", &one_short, None).0,
        CriterionStatus::NotMet
    );
    // R18: nothing exists to cover.
    let none = [
        ("subordinate_orgs_total", 0.0),
        ("subordinate_orgs_covered", 0.0),
        ("territorial_units_total", 0.0),
        ("territorial_units_covered", 0.0),
    ];
    let (status, basis, _) = with_counts("order-29-2024", "1.2", &none, Some(true));
    assert_eq!(status, CriterionStatus::NotMet);
    assert!(basis.contains("no subdivisions exist"), "{basis}");
    // Not all counts given: the boolean decides, as the contract says.
    let partial = [("subordinate_orgs_total", 5.0)];
    assert_eq!(
        with_counts("order-29-2024", "1.2", &partial, Some(true)).0,
        CriterionStatus::Met
    );
}

#[test]
fn row_1_4_from_counts_with_each_editions_threshold() {
    let counts = |terr: f64| {
        [
            ("subordinate_orgs_total", 3.0),
            ("subordinate_orgs_integrated", 3.0),
            ("territorial_units_integrated", terr),
        ]
    };
    for (edition, min) in [("order-29-2024", 20.0), ("order-84-2016", 16.0)] {
        assert_eq!(
            with_counts(edition, "1.4", &counts(min), None).0,
            CriterionStatus::Met,
            "{edition}"
        );
        assert_eq!(
            with_counts(edition, "1.4", &counts(min - 1.0), None).0,
            CriterionStatus::NotMet,
            "{edition}"
        );
    }
    // No subordinate organizations: that part holds.
    let no_subs = [
        ("subordinate_orgs_total", 0.0),
        ("subordinate_orgs_integrated", 0.0),
        ("territorial_units_integrated", 20.0),
    ];
    assert_eq!(
        with_counts("order-29-2024", "1.4", &no_subs, None).0,
        CriterionStatus::Met
    );
    // One subordinate organization not integrated: not met.
    let one_sub_out = [
        ("subordinate_orgs_total", 3.0),
        ("subordinate_orgs_integrated", 2.0),
        ("territorial_units_integrated", 25.0),
    ];
    assert_eq!(
        with_counts("order-29-2024", "1.4", &one_sub_out, None).0,
        CriterionStatus::NotMet
    );
    // R19: only 17 subdivisions exist, all integrated: for a reviewer.
    let fewer = [
        ("subordinate_orgs_total", 3.0),
        ("subordinate_orgs_integrated", 3.0),
        ("territorial_units_integrated", 17.0),
        ("territorial_units_total", 17.0),
    ];
    let (status, basis, _) = with_counts("order-29-2024", "1.4", &fewer, None);
    assert_eq!(status, CriterionStatus::Unknown);
    assert!(basis.contains("for a reviewer to decide"), "{basis}");
    // Counts win over a disagreeing boolean, which is flagged.
    let (status, _, inconsistent) = with_counts("order-29-2024", "1.4", &counts(19.0), Some(true));
    assert_eq!((status, inconsistent), (CriterionStatus::NotMet, true));
}

#[test]
fn rows_1_2_and_1_4_agree_when_there_are_no_units_at_all() {
    // Row 1.2 "(болған жағдайда)" / row 1.4 "(в случае наличия)": R18 reads a body with no
    // subordinate organization and no territorial subdivision as having nothing to cover, so
    // the row is not met; row 1.4 reads the same way (0 of 0 is not "fewer than 20"). The
    // parts of a kind that does not exist are 0 whether written or not, and a boolean that says
    // true is flagged (fact.inconsistent). Both editions, both rows, with and without the
    // integrated counts written.
    let totals = [
        ("subordinate_orgs_total", 0.0),
        ("territorial_units_total", 0.0),
    ];
    let with_integrated = [
        ("subordinate_orgs_total", 0.0),
        ("subordinate_orgs_integrated", 0.0),
        ("territorial_units_total", 0.0),
        ("territorial_units_integrated", 0.0),
    ];
    let mut cases = Vec::new();
    for edition in ["order-29-2024", "order-84-2016"] {
        for row in ["1.2", "1.4"] {
            cases.push((edition, row, &totals[..]));
            cases.push((edition, row, &with_integrated[..]));
        }
    }
    for (edition, row, counts) in cases {
        let (status, basis, inconsistent) = with_counts(edition, row, counts, Some(true));
        assert_eq!(
            (status, inconsistent),
            (CriterionStatus::NotMet, true),
            "{edition} {row} {counts:?}"
        );
        assert!(basis.contains("no subdivisions exist"), "{basis}");
        let (status, _, inconsistent) = with_counts(edition, row, counts, Some(false));
        assert_eq!((status, inconsistent), (CriterionStatus::NotMet, false));
    }
    // Subdivisions exist but fewer than the row names, all integrated: still for a reviewer.
    let fewer = [
        ("subordinate_orgs_total", 0.0),
        ("territorial_units_total", 3.0),
        ("territorial_units_integrated", 3.0),
    ];
    assert_eq!(
        with_counts("order-29-2024", "1.4", &fewer, None).0,
        CriterionStatus::Unknown
    );
}

#[test]
fn evidence_joins_the_basis_of_the_row_it_supports() {
    let editions = Editions::built_in();
    let e = editions.default_edition();
    let facts = BTreeMap::from([("active_registered_users".to_string(), Value::Number(4200.0))]);
    let evidence = BTreeMap::from([("3.1".to_string(), "logged in within 12 months".to_string())]);
    let s = dossier_judge::score::score_with_evidence(
        e,
        "information-system",
        &facts,
        &BTreeMap::new(),
        &evidence,
    )
    .unwrap();
    let row = s.criteria.iter().find(|c| c.id == "3.1").unwrap();
    assert_eq!(
        Words::of(Lang::En, e, "information-system").basis(row),
        "active registered users: 4200 (> 1000); evidence: logged in within 12 months"
    );
}
