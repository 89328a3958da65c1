//! `check --format junit`: JUnit XML for CI servers (GitLab, Jenkins), in the common schema
//! (Jenkins xunit `junit-10.xsd`). A test suite per dossier; a test case per requirement and per
//! criteria group, and one for the refusal grounds; a failure carries the finding's words. An
//! invalid dossier is one test case with an error.

use crate::finding::Severity;
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::t;

use crate::messages::escape::markup as escape;

struct Case {
    classname: &'static str,
    name: String,
    /// `failure` or `error`, and its message.
    problem: Option<(&'static str, String)>,
}

fn case_xml(c: &Case) -> String {
    let head = format!(
        "    <testcase classname=\"{}\" name=\"{}\"",
        c.classname,
        escape(&c.name)
    );
    match &c.problem {
        None => format!("{head}/>\n"),
        Some((kind, message)) => format!(
            "{head}>\n      <{kind} message=\"{m}\">{m}</{kind}>\n    </testcase>\n",
            m = escape(message)
        ),
    }
}

/// The opening of the document.
pub const HEAD: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dossier check\">\n";
/// Its end.
pub const TAIL: &str = "</testsuites>\n";

/// One dossier's test suite.
pub fn suite(d: &DossierReport, lang: Lang) -> String {
    suite_marked(d, lang, None)
}

/// A suite of a what-if run carries a `what_if` property with the changes.
pub fn suite_marked(
    d: &DossierReport,
    lang: Lang,
    what_if: Option<&crate::what_if::WhatIf>,
) -> String {
    let words = super::human::words_for(d, lang);
    let mut cases = Vec::new();
    match d.judged() {
        None => {
            let message = d
                .findings()
                .iter()
                .map(|f| words.finding(f))
                .collect::<Vec<_>>()
                .join("\n");
            cases.push(Case {
                classname: "dossier",
                name: "dossier.yaml".to_string(),
                problem: Some(("error", message)),
            });
        }
        Some(j) => {
            for doc in &j.documents {
                let title = words.arg(&crate::finding::Arg::Requirement(doc.id.clone()));
                let findings: Vec<String> = j
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .filter(|f| {
                        f.args().get("requirement").is_some_and(|a| {
                            matches!(a, crate::finding::Arg::Requirement(id) if id == &doc.id)
                                || matches!(a, crate::finding::Arg::Text(id) if id == &doc.id)
                        })
                    })
                    .map(|f| words.finding(f))
                    .collect();
                let problem = (!doc.status.counts()).then(|| {
                    let mut message = findings.join("\n");
                    if message.is_empty() {
                        message = doc
                            .notes
                            .iter()
                            .map(|m| words.message(m))
                            .collect::<Vec<_>>()
                            .join("; ");
                    }
                    ("failure", message)
                });
                cases.push(Case {
                    classname: "requirement",
                    name: format!("{} {} — {title}", doc.clause, doc.id),
                    problem,
                });
            }
            if let Some(score) = &j.score {
                for g in &score.groups {
                    let failure = score.failures.iter().find_map(|f| match f {
                        crate::score::Failure::GroupBelow { group, points, min }
                            if group == &g.id =>
                        {
                            Some(t!(lang, "junit.group-below", group, points, min))
                        }
                        _ => None,
                    });
                    let id = &g.id;
                    cases.push(Case {
                        classname: "criteria",
                        name: t!(lang, "junit.group", id, points = g.points, max = g.max),
                        problem: failure.map(|m| ("failure", m)),
                    });
                }
                let total = score.total;
                let failure = score.failures.iter().find_map(|f| match f {
                    crate::score::Failure::TotalBelow { total, min } => {
                        Some(t!(lang, "junit.total-below", total, min))
                    }
                    _ => None,
                });
                cases.push(Case {
                    classname: "criteria",
                    name: t!(lang, "junit.total", total, max = score.max),
                    problem: failure.map(|m| ("failure", m)),
                });
            }
            let grounds: Vec<String> = j
                .grounds
                .iter()
                .filter_map(|hit| j.edition.grounds.iter().find(|g| g.code == hit.code))
                .map(|g| format!("{} {}", g.code, g.title.get(lang)))
                .collect();
            cases.push(Case {
                classname: "grounds",
                name: t!(lang, "junit.grounds"),
                problem: (!grounds.is_empty()).then(|| ("failure", grounds.join("\n"))),
            });
        }
    }
    let failures = cases
        .iter()
        .filter(|c| matches!(c.problem, Some(("failure", _))))
        .count();
    let errors = cases
        .iter()
        .filter(|c| matches!(c.problem, Some(("error", _))))
        .count();
    let mut out = format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\">\n",
        escape(&super::clean(&d.path)),
        cases.len()
    );
    let what_if = what_if.map_or_else(String::new, |w| {
        format!(
            "      <property name=\"what_if\" value=\"{}\"/>\n",
            escape(&w.describe())
        )
    });
    out.push_str(&format!(
        "    <properties>\n      <property name=\"outcome\" value=\"{}\"/>\n{what_if}    </properties>\n",
        d.outcome().id()
    ));
    for c in &cases {
        out.push_str(&case_xml(c));
    }
    out.push_str("  </testsuite>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_replaced() {
        assert_eq!(escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
        assert_eq!(escape("x\u{1b}y"), "x\u{FFFD}y");
    }
}
