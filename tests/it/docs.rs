//! The documentation the repository carries stays true to the code.

use crate::support::root;

/// The catalogue docs/diagnostics.md lists exactly the codes of `finding::Code`, the one enum
/// every finding is made from.
#[test]
fn every_diagnostic_code_is_documented_and_every_documented_code_exists() {
    let page = std::fs::read_to_string(root().join("docs/diagnostics.md")).unwrap();
    let documented: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let codes: Vec<&str> = dossier_model::finding::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    for code in &codes {
        assert!(
            documented.contains(code),
            "{code} is not in docs/diagnostics.md"
        );
    }
    for code in &documented {
        assert!(codes.contains(code), "{code} is documented but not a Code");
    }
}

/// Every reading the code, the editions, the calendar and the templates cite (`R14`, or a name
/// in backquotes after "reading") has its section in docs/readings.md, which quotes the clause it
/// interprets; a section without a quote or a clause is a defect too.
#[test]
fn every_reading_cited_is_explained_with_its_clause() {
    let page = std::fs::read_to_string(root().join("docs/readings.md")).unwrap();
    let sections: Vec<&str> = page
        .split("\n### R")
        .skip(1)
        .filter(|s| s.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let heads: Vec<(String, String)> = sections
        .iter()
        .filter_map(|s| {
            let head = s.lines().next()?;
            let (num, rest) = head.split_once(" · `")?;
            let name = rest.split('`').next()?;
            Some((format!("R{num}"), name.to_string()))
        })
        .collect();
    assert!(heads.len() >= 56, "{}", heads.len());
    let mut cited = std::collections::BTreeSet::new();
    let files = ["src", "crates"]
        .into_iter()
        .flat_map(|top| walkdir::WalkDir::new(root().join(top)))
        .map(|e| e.unwrap().into_path())
        .filter(|f| {
            matches!(
                f.extension().and_then(|e| e.to_str()),
                Some("rs" | "toml" | "md")
            )
        });
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, _) in text.match_indices('R') {
            let digits: String = text[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let before = text[..i].chars().next_back();
            if !digits.is_empty()
                && digits.len() <= 2
                && !before.is_some_and(char::is_alphanumeric)
                && !text[i + 1 + digits.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                cited.insert((format!("R{digits}"), f.display().to_string()));
            }
        }
        for (i, _) in text.match_indices("reading `") {
            let name: String = text[i + 9..].chars().take_while(|c| *c != '`').collect();
            // A reading's name is kebab-case words; "reading `dossier.yaml`" is prose.
            if name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                cited.insert((name, f.display().to_string()));
            }
        }
    }
    for (reading, file) in &cited {
        assert!(
            heads.iter().any(|(r, n)| r == reading || n == reading),
            "{reading} (cited in {file}) has no section in docs/readings.md"
        );
    }
    for s in &sections {
        let head = s.lines().next().unwrap_or_default();
        let clause_like = s
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'(' && w[2].is_ascii_digit());
        let named = ["clause", "cl. ", "row", "App", "art."]
            .iter()
            .any(|w| s.contains(w));
        assert!(
            clause_like || named || s.contains('«') || s.contains('"'),
            "R{head} names no clause or quote"
        );
    }
}

#[test]
fn the_readme_quotes_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let out = crate::support::dossier()
        .args([
            "check",
            "--today",
            crate::support::TODAY,
            "--width",
            "100",
            "sample-dossiers",
        ])
        .output()
        .unwrap();
    let actual = String::from_utf8(out.stdout).unwrap();
    // The first two quoted blocks are `dossier check sample-dossiers` output, 100 columns wide.
    let blocks: Vec<&str> = readme
        .split("```text\n")
        .skip(1)
        .take(2)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 2);
    for line in blocks.iter().flat_map(|b| b.lines()) {
        if line.trim().is_empty() || line.trim() == "…" {
            continue;
        }
        assert!(
            actual.contains(line),
            "README line not in the output:\n{line}\n--- output ---\n{actual}"
        );
    }
}

/// The catalogue as data: key → (en, ru, kk).
fn catalogue() -> std::collections::BTreeMap<String, toml::Table> {
    let text = std::fs::read_to_string(root().join("crates/words/src/catalogue.toml")).unwrap();
    toml::from_str::<toml::Table>(&text)
        .unwrap()
        .into_iter()
        .map(|(k, v)| (k, v.as_table().unwrap().clone()))
        .collect()
}

#[test]
fn the_settings_table_in_the_docs_is_the_declared_list() {
    let cat = catalogue();
    let mut table = String::from("| key | what it is |\n| --- | --- |\n");
    table.push_str(
        "| `root` | `true` stops the lookup: no `dossier.toml` above this one applies |\n",
    );
    for s in dossier_model::settings::SETTINGS {
        let about = cat
            .get(&format!("setting.{}", s.key))
            .unwrap_or_else(|| panic!("no catalogue entry setting.{}", s.key));
        let en = about["en"].as_str().unwrap();
        let wins = if s.yaml.is_some() {
            " (`dossier.yaml` wins)"
        } else {
            ""
        };
        table.push_str(&format!("| `{}` | {en}{wins} |\n", s.key));
    }
    let docs = std::fs::read_to_string(root().join("docs/settings.md")).unwrap();
    assert!(
        docs.contains(&table),
        "docs/settings.md lacks the table of the declared settings:\n{table}"
    );
}

#[test]
fn every_message_key_the_code_uses_is_in_the_catalogue_in_three_languages() {
    let cat = catalogue();
    let files: std::collections::BTreeSet<&str> =
        ["md", "xml", "toml", "json", "yaml", "lock", "rs"]
            .into_iter()
            .collect();
    let codes: Vec<&str> = dossier_model::finding::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let settings: Vec<&str> = dossier_model::settings::SETTINGS
        .iter()
        .map(|s| s.key)
        .collect();
    let mut missing = Vec::new();
    let mut used = 0;
    for top in ["src", "crates"] {
        for entry in walkdir::WalkDir::new(root().join(top)) {
            let path = entry.unwrap().into_path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for lit in code.split('"').skip(1).step_by(2) {
                let dotted = lit.contains('.')
                    && lit.starts_with(|c: char| c.is_ascii_lowercase())
                    && lit
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
                let file_name = lit.rsplit_once('.').is_some_and(|(_, e)| files.contains(e));
                // A dotted field path a template or a message names (not a message itself).
                let field = lit == "object.name";
                if !dotted || file_name || field || codes.contains(&lit) || settings.contains(&lit)
                {
                    continue;
                }
                used += 1;
                match cat.get(lit) {
                    Some(e) if ["en", "ru", "kk"].iter().all(|l| e.contains_key(*l)) => {}
                    _ => missing.push(format!("{}: {lit}", path.display())),
                }
            }
        }
    }
    assert!(used > 300, "only {used} keys found: the scan is broken");
    assert!(
        missing.is_empty(),
        "keys not in the catalogue: {missing:#?}"
    );
}

#[test]
fn every_bound_in_the_code_is_in_the_limits_doc() {
    let code = std::fs::read_to_string(root().join("crates/model/src/limits.rs")).unwrap();
    let docs = std::fs::read_to_string(root().join("docs/limits.md")).unwrap();
    let names: Vec<&str> = code
        .lines()
        .filter_map(|l| l.strip_prefix("pub const "))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert!(names.len() > 40, "{names:?}");
    let missing: Vec<&&str> = names
        .iter()
        .filter(|n| !docs.contains(&format!("| `{n}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "bounds not in docs/limits.md: {missing:?}"
    );
}
