//! No rule in Rust: clause numbers, criterion rows, requirement ids and edition ids live in the
//! edition files only. This scans the library's and the binary's code (outside test modules and
//! comments) and the built-in templates (outside `{# #}` comments) for any of them.

use crate::support::root;
use dossier_model::edition::Editions;

/// "clause 5", "пункта 7", "8-тармақ" / "8-тармағы", "5(1)".
fn looks_like_a_clause(text: &str) -> bool {
    let words = [
        "clause ",
        "пункт ",
        "пункта ",
        "пунктом ",
        "пункту ",
        "пунктов ",
    ];
    let after_word = words.iter().any(|w| {
        text.match_indices(w)
            .any(|(i, _)| text[i + w.len()..].starts_with(|c: char| c.is_ascii_digit()))
    });
    let tarmaq = text.match_indices("-тарма").any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    });
    let sub = text.char_indices().any(|(i, c)| {
        c == '('
            && text[..i].ends_with(|d: char| d.is_ascii_digit())
            && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())
    });
    after_word || tarmaq || sub
}

/// Every id the editions define that code must not name.
fn ids() -> Vec<String> {
    let editions = Editions::built_in();
    let mut ids: Vec<String> = Vec::new();
    for e in editions.iter() {
        ids.push(e.id().to_string());
        ids.extend(e.requirements.iter().map(|r| r.id.clone()));
        ids.extend(e.criteria.iter().map(|c| c.id.clone()));
    }
    ids.sort();
    ids.dedup();
    ids
}

/// String literals of a Rust source, outside line comments and after `#[cfg(test)]`.
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.split("//").next().unwrap_or(line);
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            out.push((n + 1, after[..end].to_string()));
            rest = &after[end + 1..];
        }
    }
    out
}

#[test]
fn no_clause_row_or_requirement_id_outside_the_editions() {
    let ids = ids();
    let mut found = Vec::new();
    let code = ["src", "crates"].map(|top| walkdir::WalkDir::new(root().join(top)));
    for entry in code.into_iter().flatten() {
        let entry = entry.unwrap();
        let path = entry.path();
        let name = path.display().to_string();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(path).unwrap();
            for (line, lit) in literals(&text) {
                if looks_like_a_clause(&lit) || ids.contains(&lit) {
                    found.push(format!("{name}:{line}: \"{lit}\""));
                }
            }
        } else if name.contains("/templates/") && path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("{#") {
                    continue;
                }
                let words = line.split(|c: char| c.is_whitespace() || "|()".contains(c));
                if looks_like_a_clause(line)
                    || words.into_iter().any(|w| ids.iter().any(|id| id == w))
                {
                    found.push(format!("{name}:{}: {line}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "rules in code or templates:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    assert!(looks_like_a_clause("clause 5(1) asks for"));
    assert!(looks_like_a_clause("в соответствии с пунктом 9 Правил"));
    assert!(looks_like_a_clause("Ережелердің 8-тармағы"));
    assert!(looks_like_a_clause("5(1)"));
    assert!(!looks_like_a_clause("{{ draft.clause.main }}-тармағы"));
    assert!(ids().contains(&"security-test-protocol".to_string()));
    assert!(ids().contains(&"3.4".to_string()));
    assert_eq!(
        literals("let x = \"1.1\"; // \"2.4\"\n#[cfg(test)]\n\"3.1\""),
        vec![(1, "1.1".to_string())]
    );
}

/// Issue 21 item 6: where the Rules are quoted, they are quoted word for word — the form's title
/// with its dropped word, a ground with its wrong cross-reference marked, never corrected
/// silently (R29, R61).
#[test]
fn the_rules_are_quoted_word_for_word_with_corrections_marked() {
    let cases = [
        // (command, language, what the source text says, a silent correction that must not appear)
        (
            &["render", "application", "sample-dossiers/esedo"][..],
            "kk",
            "операторға бекітіп берілетін «электрондық үкіметтің» ақпараттық-коммуникациялық объектілердің тізбесіне қосу",
            "ақпараттық-коммуникациялық инфрақұрылымы объектілерінің тізбесіне қосу",
        ),
        (
            &["rules", "show", "order-29-2024"][..],
            "kk",
            "осы Қағидалардың 6-тармағының [оқылсын: 5-тармағының] 1) және 2) тармақшаларында",
            "осы Қағидалардың 5-тармағының 1) және 2) тармақшаларында",
        ),
        (
            &["rules", "show", "order-29-2024"][..],
            "ru",
            "подпунктами 1) и 2) пункта 6 [следует читать: пункта 5] настоящих Правил",
            "подпунктами 1) и 2) пункта 5 настоящих Правил",
        ),
        (
            &["rules", "show", "order-29-2024"][..],
            "kk",
            "егер объект өлшемшарттарға сәйкес іріктеу қорытындысы бойынша үш және одан көп балл жинамаса. Бұл ретте",
            "жинамаса, бұл ретте",
        ),
    ];
    for (args, lang, quoted, silent) in cases {
        let out = crate::support::dossier()
            .args(args)
            .args(["--lang", lang, "--width", "1000"])
            .current_dir(crate::support::root())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(quoted),
            "{args:?}: `{quoted}` not in:\n{text}"
        );
        assert!(!flat.contains(silent), "{args:?}: `{silent}` in:\n{text}");
    }
}
