//! `dossier render` (issue 4): every document × language × text format pinned, PDF and DOCX
//! read back, the font's coverage, writing rules.

use crate::support::*;
use predicates::prelude::*;

fn render(args: &[&str]) -> (i32, String, String) {
    let out = dossier()
        .arg("render")
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// Each document on the sample it fits, in both languages and the three text formats.
#[test]
fn every_document_and_language_is_pinned_in_md_txt_html() {
    let cases = [
        ("application", "esedo"),
        ("cover-letter", "esedo"),
        ("decision", "esedo"),
        ("operator-notice", "internet-gateway"),
        ("order", "esedo"),
    ];
    for (document, sample) in cases {
        for lang in ["kk", "ru"] {
            for format in ["md", "txt", "html"] {
                let path = format!("sample-dossiers/{sample}");
                let (code, out, err) =
                    render(&[document, "--lang", lang, "--format", format, &path]);
                assert_eq!(code, 0, "{document} {lang} {format}: {err}");
                insta::assert_snapshot!(format!("{document}-{sample}-{lang}.{format}"), out);
            }
        }
    }
}

#[test]
fn the_removal_notice_for_a_decommissioned_object() {
    let f = Fixture::decommissioned();
    for lang in ["kk", "ru"] {
        for format in ["md", "txt", "html"] {
            let (code, out, err) = render(&[
                "removal-notice",
                "--lang",
                lang,
                "--format",
                format,
                f.path().to_str().unwrap(),
            ]);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(format!("removal-notice-{lang}.{format}"), out);
        }
    }
    // An object still in operation gets no removal notice.
    let g = Fixture::information_system();
    let (code, _, err) = render(&["removal-notice", g.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("operation stopped"), "{err}");
}

/// The decision for every outcome and every ground, both languages.
#[test]
fn decision_drafts_for_every_outcome_and_ground() {
    let mut all_grounds = Fixture::information_system();
    all_grounds.edit(
        "  architecture: conforms\n",
        "  architecture: does-not-conform\n",
    );
    all_grounds.edit(
        "active_registered_users: 1001",
        "active_registered_users: 1000",
    );
    all_grounds.edit("  description: docs/description.pdf\n", "");
    let mut incomplete = Fixture::hardware_software_complex();
    incomplete.edit("  permitted-software: docs/software.pdf\n", "");
    let fixtures = [("refuse-all", &all_grounds), ("incomplete", &incomplete)];
    for lang in ["kk", "ru"] {
        for sample in ["e-licensing", "e-archive", "gbd-fl"] {
            let (code, out, _) = render(&[
                "decision",
                "--lang",
                lang,
                &format!("sample-dossiers/{sample}"),
            ]);
            assert_eq!(code, 0);
            insta::assert_snapshot!(format!("decision-{sample}-{lang}.md"), out);
        }
        for (name, f) in fixtures {
            let (code, out, _) = render(&["decision", "--lang", lang, f.path().to_str().unwrap()]);
            assert_eq!(code, 0);
            insta::assert_snapshot!(format!("decision-{name}-{lang}.md"), out);
        }
    }
    // A refusal names every ground by its subparagraph; the clause-5 correction is for the
    // reviewer (stderr), never in the draft.
    let (_, ru, ru_err) = render(&[
        "decision",
        "--lang",
        "ru",
        all_grounds.path().to_str().unwrap(),
    ]);
    for cite in [
        "Подпункт 1) пункта 6",
        "Подпункт 2) пункта 6",
        "Подпункт 3) пункта 6",
    ] {
        assert!(ru.contains(cite), "{cite} missing:\n{ru}");
    }
    assert!(!ru.contains("имеется в виду пункт 5"), "{ru}");
    assert!(ru_err.contains("имеется в виду пункт 5"), "{ru_err}");
    // Not ready: clearly marked, with what is missing.
    let (_, pending, _) = render(&["decision", "--lang", "kk", "sample-dossiers/gbd-fl"]);
    assert!(
        pending.contains("ШЕШІМ (ЖОБА)") && pending.contains("шешім қабылдауға дайын емес"),
        "{pending}"
    );
}

#[test]
fn the_2016_form_is_used_under_the_2016_edition() {
    let f = Fixture::information_system_2016();
    for lang in ["kk", "ru"] {
        let (code, out, err) = render(&["application", "--lang", lang, f.path().to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("application-2016-{lang}.md"), out);
    }
    let (_, ru, _) = render(&["application", "--lang", "ru", f.path().to_str().unwrap()]);
    assert!(ru.contains("М.П.") && ru.contains("(подпись, дата)"));
    // There is no order step in 2016.
    let (code, _, err) = render(&["order", f.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("has no document `order`"), "{err}");
}

#[test]
fn a_name_in_one_language_is_drafted_as_written_with_a_review_note() {
    // A 2016 dossier names its object only in Russian: accepted; the Kazakh draft uses it and
    // the reviewer is told, the Russian draft has no such note.
    let mut f = Fixture::information_system_2016();
    f.edit(
        "name: {kk: \"Сынақ жүйесі\", ru: \"Тестовая система\"}",
        "name: {ru: \"Тестовая система\"}",
    );
    assert_eq!(f.check_json().1["outcome"], "include");
    let (code, out, err) = render(&["application", "--lang", "kk", f.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Тестовая система"), "{out}");
    assert!(err.contains("`object.name` тек орыс тілінде"), "{err}");
    let (_, _, err) = render(&["application", "--lang", "ru", f.path().to_str().unwrap()]);
    assert!(!err.contains("`object.name`"), "{err}");
    // A map with neither language is an error at its line.
    f.edit("name: {ru: \"Тестовая система\"}", "name: {}");
    let (code, d) = f.check_json();
    assert_eq!(code, 2);
    let e = &d["diagnostics"][0];
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("`kk`, `ru` or both"),
        "{d}"
    );
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(5), Some(9)),
        "{d}"
    );
}

#[test]
fn an_incomplete_application_with_a_ground_is_drafted_as_the_refusal() {
    // Clause 7 knows only inclusion and refusal; a missing clause-3 document is no ground (R11).
    // Missing the criteria information and refused on the architecture (6.2): the outcome stays
    // `incomplete`, and the decision is the refusal on 6.2, with the missing document only in
    // the review notes.
    let mut f = Fixture::information_system();
    f.edit("architecture: conforms", "architecture: does-not-conform");
    f.edit("  criteria-compliance: docs/criteria.pdf\n", "");
    let (_, d) = f.check_json();
    assert_eq!(d["outcome"], "incomplete", "{d}");
    assert_eq!(d["grounds"], serde_json::json!(["6.2"]), "{d}");
    let (code, out, err) = render(&["decision", "--lang", "ru", f.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("отказать во включении информационной системы «Тестовая система» в Перечень"),
        "{out}"
    );
    assert!(
        !out.contains("не готово") && !out.contains("Недостающие"),
        "{out}"
    );
    assert!(err.contains("Заявление неполное"), "{err}");
    assert!(err.contains("отсутствует: пункт 3(1)"), "{err}");
    // Without a ground it stays the "not ready" draft naming what is missing.
    f.edit("architecture: does-not-conform", "architecture: conforms");
    let (_, out, err) = render(&["decision", "--lang", "ru", f.path().to_str().unwrap()]);
    assert!(out.contains("Недостающие документы"), "{out}");
    assert!(!err.contains("Заявление неполное"), "{err}");
}

/// A 2016 internet resource with `resource:` partly filled in (Appendix 2).
pub(crate) fn internet_resource_2016() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["info", "users", "services"] {
        put(dir.path(), &format!("docs/{f}.pdf"), &pdf(f, 1));
    }
    put(dir.path(), "dossier.yaml", "schema: 1\nkind: internet-resource\nedition: order-84-2016\nobject: {name: {kk: \"«Министрлік порталы» интернет-ресурсы\", ru: \"Интернет-ресурс «Портал министерства»\"}}\nstate_body: {name: {kk: \"Министрлік\", ru: \"Министерство\"}}\napplication: {date: 2017-03-01}\nresource:\n  purpose: {kk: \"Азаматтарды хабардар ету\", ru: \"Информирование граждан\"}\n  contacts: \"Иванов И. И., +7 7172 00 00 00\"\n  admin_guide: {ru: \"Руководство администратора, ред. 2\"}\n  integrations:\n    - {name: \"egov.kz\", owner: {kk: \"«ҰАТ» АҚ\", ru: \"АО «НИТ»\"}, location: \"Астана\"}\nreview: {architecture: conforms, content_rules: complies}\ndocuments:\n  resource-information: docs/info.pdf\n  registered-users: docs/users.pdf\n  services-functions: docs/services.pdf\n".as_bytes());
    dir
}

#[test]
fn the_2016_appendix_2_form_is_drafted_for_an_internet_resource() {
    // 2016 clause 4(1): "сведения об ИР по форме, согласно приложению 2": every row of the form
    // verbatim, filled from `resource:`, the rest left blank to be filled in by hand.
    let dir = internet_resource_2016();
    let path = dir.path().to_str().unwrap();
    for lang in ["kk", "ru"] {
        let (code, out, err) = render(&["resource-form", "--lang", lang, path]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("resource-form-2016-{lang}.md"), out);
    }
    let (_, ru, err) = render(&["resource-form", "--lang", "ru", path]);
    assert!(
        ru.contains("| | 2. Назначение ИР | Информирование граждан |"),
        "{ru}"
    );
    assert!(ru.contains("| | 4. Владелец ИР | Министерство |"), "{ru}");
    assert!(ru.contains("| | 4. Количество | ____"), "{ru}");
    assert!(!err.contains("resource.admin_guide"), "{err}");
    // The administrator's guide is only in Russian: the Kazakh draft says so to the reviewer.
    let (_, _, err) = render(&["resource-form", "--lang", "kk", path]);
    assert!(
        err.contains("`resource.admin_guide` тек орыс тілінде"),
        "{err}"
    );
    // Only an internet resource files the form; the current edition has none.
    let f = Fixture::information_system_2016();
    let (code, _, err) = render(&["resource-form", f.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("only for internet-resource"), "{err}");
    let g = Fixture::information_system();
    let (code, _, err) = render(&["resource-form", g.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_document_that_does_not_fit_is_a_clear_error() {
    let (code, out, err) = render(&["operator-notice", "sample-dossiers/e-licensing"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("follows only an inclusion decision") && err.contains("refuse"),
        "{err}"
    );
}

fn pdf_text(bytes: &[u8]) -> (String, usize) {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    (
        doc.extract_text(&pages).expect("text extracts"),
        pages.len(),
    )
}

#[test]
fn the_pdf_application_is_a4_with_extractable_kazakh_text_and_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.pdf");
    let (code, stdout, err) = render(&[
        "application",
        "--lang",
        "kk",
        "--format",
        "pdf",
        "-o",
        out.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty(), "nothing binary on stdout");
    let bytes = std::fs::read(&out).unwrap();
    let (text, pages) = pdf_text(&bytes);
    assert!((1..=2).contains(&pages), "{pages} pages");
    for needle in [
        "ӨТІНІШ",
        "Мемлекеттік органдардың бірыңғай электрондық құжат айналымы жүйесі",
        "Цифрлық даму, инновациялар және аэроғарыш",
        "Мөрге арналған орын",
    ] {
        assert!(
            text.contains(needle),
            "`{needle}` not in the PDF text:\n{text}"
        );
    }
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let page = doc.get_pages().values().next().copied().unwrap();
    let media = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let w = media[2].as_float().unwrap();
    let h = media[3].as_float().unwrap();
    assert!(
        (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
        "A4: {w} x {h}"
    );
    // Identical input, identical bytes.
    let again = dir.path().join("again.pdf");
    render(&[
        "application",
        "--lang",
        "kk",
        "--format",
        "pdf",
        "-o",
        again.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
}

#[test]
fn every_pdf_and_docx_carries_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    for (document, sample) in [
        ("decision", "e-licensing"),
        ("order", "esedo"),
        ("operator-notice", "esedo"),
    ] {
        for lang in ["kk", "ru"] {
            let path = format!("sample-dossiers/{sample}");
            let pdf_out = dir.path().join(format!("{document}-{lang}.pdf"));
            let docx_out = dir.path().join(format!("{document}-{lang}.docx"));
            assert_eq!(
                render(&[
                    document,
                    "--lang",
                    lang,
                    "--format",
                    "pdf",
                    "-o",
                    pdf_out.to_str().unwrap(),
                    &path
                ])
                .0,
                0
            );
            assert_eq!(
                render(&[
                    document,
                    "--lang",
                    lang,
                    "--format",
                    "docx",
                    "-o",
                    docx_out.to_str().unwrap(),
                    &path
                ])
                .0,
                0
            );
            let name = if lang == "kk" {
                "«Е-лицензиялау»"
            } else {
                "«Е-лицензирование»"
            };
            let name = if sample == "esedo" {
                if lang == "kk" {
                    "бірыңғай электрондық құжат айналымы"
                } else {
                    "Единая система электронного документооборота"
                }
            } else {
                name
            };
            let (text, _) = pdf_text(&std::fs::read(&pdf_out).unwrap());
            // PDF text extraction joins wrapped lines with line breaks; compare word by word.
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(name), "{document} {lang}: PDF lacks {name}");
            let xml = docx_xml(&std::fs::read(&docx_out).unwrap());
            assert!(xml.contains(name), "{document} {lang}: DOCX lacks {name}");
            assert!(
                xml.contains("w:tbl") == (document == "decision"),
                "tables are Word tables"
            );
            assert!(
                xml.contains("w:val=\"Heading"),
                "headings are Word headings"
            );
        }
    }
}

fn docx_xml(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a ZIP");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_embedded_font_covers_every_kazakh_letter() {
    let letters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    let cyrillic = ('а'..='я')
        .chain('А'..='Я')
        .chain(['ё', 'Ё', '«', '»', '–', '—', '№']);
    // Footnote markers 1–9 (beyond 9 they are written [10]).
    let markers: String = (1..=9)
        .map(dossier_render::model::footnote_marker)
        .collect();
    for ch in letters.chars().chain(cyrillic).chain(markers.chars()) {
        for bold in [false, true] {
            assert!(
                dossier_render::pdf::has_glyph(ch, bold),
                "no glyph for {ch} (bold: {bold})"
            );
        }
    }
}

#[test]
fn an_existing_file_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("app.md");
    std::fs::write(&out, "keep me").unwrap();
    let (code, _, err) = render(&[
        "application",
        "-o",
        out.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("exists; use --force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let (code, _, _) = render(&[
        "application",
        "--force",
        "-o",
        out.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().contains("ӨТІНІШ"));
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn out_dir_writes_one_file_per_dossier_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = render(&[
        "application",
        "--lang",
        "ru",
        "--format",
        "html",
        "--out-dir",
        dir.path().to_str().unwrap(),
        "sample-dossiers",
    ]);
    // Over many dossiers the exit code is the outcome's: two samples are refused.
    assert_eq!(code, 1, "{err}");
    let names = file_names(dir.path());
    assert_eq!(
        names,
        [
            "e-archive.application.ru.html",
            "e-licensing.application.ru.html",
            "esedo.application.ru.html",
            "gbd-fl.application.ru.html",
            "internet-gateway.application.ru.html"
        ]
    );
    assert!(err.contains("записано файлов: 5"), "{err}");
}

#[test]
fn binary_formats_need_a_file_and_english_is_refused() {
    dossier()
        .args([
            "render",
            "application",
            "--format",
            "pdf",
            "sample-dossiers/esedo",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o FILE or --out-dir"));
    dossier()
        .args([
            "render",
            "application",
            "--lang",
            "en",
            "sample-dossiers/esedo",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Kazakh or Russian"));
    dossier()
        .args(["render", "application", "sample-dossiers"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out-dir"));
}

#[test]
fn a_custom_template_replaces_the_built_in_one_and_its_errors_point_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("letterhead.md");
    std::fs::write(
        &good,
        "# ҚАЗАҚСТАН РЕСПУБЛИКАСЫ\n\n{{ state_body.name }}: {{ object.name }}\n",
    )
    .unwrap();
    let (code, out, _) = render(&[
        "application",
        "--template",
        good.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# ҚАЗАҚСТАН РЕСПУБЛИКАСЫ"), "{out}");
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, "# Title\n\nline two\n{{ object.nmae }}\n").unwrap();
    let (code, _, err) = render(&[
        "application",
        "--template",
        bad.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.md") && err.contains("4 | {{ object.nmae }}"),
        "{err}"
    );
}

#[test]
fn values_from_the_dossier_never_become_markup() {
    let mut f = Fixture::information_system();
    f.edit(
        "ru: \"Тестовая система\"",
        "ru: \"Система *не* [ссылка](http://x) <b>\"",
    );
    let (_, md, _) = render(&["application", "--lang", "ru", f.path().to_str().unwrap()]);
    assert!(
        md.contains("Система \\*не\\* \\[ссылка\\](http://x) \\<b\\>"),
        "{md}"
    );
    let (_, html, _) = render(&[
        "application",
        "--lang",
        "ru",
        "--format",
        "html",
        f.path().to_str().unwrap(),
    ]);
    assert!(
        html.contains("Система *не* [ссылка](http://x) &lt;b&gt;"),
        "{html}"
    );
}

#[test]
fn an_english_locale_drafts_in_kazakh_with_kazakh_findings() {
    let mut f = Fixture::hardware_software_complex();
    f.edit("  permitted-software: docs/software.pdf\n", "");
    let out = dossier()
        .env("LANG", "en_US.UTF-8")
        .args(["render", "decision", "--today", TODAY])
        .arg(f.path())
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("дайын емес") && md.contains("– жоқ"), "{md}");
    assert!(!md.contains("not listed") && !md.contains('`'), "{md}");
}

/// What never belongs in paper an official signs: escapes, Markdown code, tool flags, file
/// formats, YAML keys, reading ids. Returns the first offence found.
fn tool_residue(text: &str) -> Option<String> {
    for bad in ["\\_", "`", "TOML", "YAML", "dossier.yaml", "[^"] {
        if text.contains(bad) {
            return Some(bad.to_string());
        }
    }
    let words = text.split(|c: char| c.is_whitespace() || "()[]{}<>«»\"';:,".contains(c));
    for w in words {
        let w = w.trim_end_matches(['.', '!', '?']);
        let flag = w.starts_with("--") && w[2..].starts_with(|c: char| c.is_ascii_lowercase());
        // A reading id: R and digits (R29).
        let reading =
            w.len() > 1 && w.starts_with('R') && w[1..].chars().all(|c| c.is_ascii_digit());
        // A YAML key: snake_case (state_body) or a dotted path under a top-level key of
        // dossier.yaml (review.decision).
        let lower = w.chars().any(|c| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
        let top = [
            "review.",
            "object.",
            "facts.",
            "documents.",
            "application.",
            "signatory.",
            "state_body",
        ];
        let ascii_key = lower && (w.contains('_') || top.iter().any(|t| w.starts_with(t)));
        if flag || reading || ascii_key {
            return Some(w.to_string());
        }
    }
    None
}

/// Every document × language × format × sample (and a 2016-edition and a decommissioned
/// dossier): no tool residue; the authorized body's acts marked as drafts, the state body's
/// own documents never.
#[test]
fn no_draft_carries_tool_notes_flags_keys_or_escapes() {
    let ended = Fixture::decommissioned();
    let old = Fixture::information_system_2016();
    let mut paths: Vec<String> = std::fs::read_dir(root().join("sample-dossiers"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    paths.sort();
    paths.push(ended.path().display().to_string());
    paths.push(old.path().display().to_string());
    let mut checked = 0;
    for document in [
        "application",
        "cover-letter",
        "decision",
        "operator-notice",
        "order",
        "removal-notice",
    ] {
        // The authorized body's acts are drafts; the state body's own documents are final.
        let authorized = ["decision", "operator-notice", "order"].contains(&document);
        for lang in ["kk", "ru"] {
            let mark = if lang == "kk" {
                "ЖОБА"
            } else {
                "ПРОЕКТ"
            };
            for format in ["md", "txt", "html"] {
                let out = tempfile::tempdir().unwrap();
                let run = dossier()
                    .args(["render", document, "--lang", lang, "--format", format])
                    .args(["--today", TODAY, "--out-dir"])
                    .arg(out.path())
                    .args(&paths)
                    .output()
                    .unwrap();
                let err = String::from_utf8_lossy(&run.stderr);
                for entry in std::fs::read_dir(out.path()).unwrap() {
                    let path = entry.unwrap().path();
                    let text = std::fs::read_to_string(&path).unwrap();
                    let name = path.display();
                    if let Some(bad) = tool_residue(&text) {
                        panic!("{name} carries {bad:?}:\n{text}");
                    }
                    assert_eq!(
                        text.contains(mark),
                        authorized,
                        "{name}: the draft mark {mark}:\n{text}"
                    );
                    checked += 1;
                }
                assert!(!err.contains("panicked"), "{err}");
            }
        }
    }
    // 7 dossiers; not every document fits every dossier, but each document fits some.
    assert!(checked >= 6 * 2 * 3, "only {checked} drafts checked");
}

#[test]
fn the_residue_check_catches_what_it_looks_for() {
    for bad in [
        "от \\_\\_ решения",
        "см. `review.decision`",
        "файл TOML",
        "задайте --rules FILE",
        "по R29 и R30",
        "поле state_body пусто",
        "поле review.decision пусто",
    ] {
        assert!(tool_residue(bad).is_some(), "{bad}");
    }
    for good in [
        "Решение от 12.03.2026 — объект «ЕСЭДО» (пункт 5(1)).",
        "| 1.1 | Масштаб | выполнен | 1 |",
        "____________________",
        "AP-IS-000123, www.egov.kz",
    ] {
        assert_eq!(tool_residue(good), None, "{good}");
    }
}

#[test]
fn the_output_file_extension_sets_the_format_and_a_contradiction_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("guess.pdf");
    let (code, _, err) = render(&[
        "application",
        "--lang",
        "kk",
        "-o",
        pdf.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let docx = out.path().join("guess.docx");
    let (code, _, err) = render(&[
        "application",
        "--format",
        "md",
        "-o",
        docx.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("does not match"), "{err}");
    assert!(!docx.exists());
}

#[test]
fn review_notes_go_to_stderr_and_the_review_sheet_never_into_the_draft() {
    let out = tempfile::tempdir().unwrap();
    let sheet = out.path().join("review.md");
    let (code, draft, err) = render(&[
        "application",
        "--lang",
        "ru",
        "--notes",
        sheet.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 0, "{err}");
    let sheet = std::fs::read_to_string(&sheet).unwrap();
    for note in ["611/НҚ", "рабочий перевод", "«инфраструктуры»"] {
        assert!(sheet.contains(note), "{note} not in the sheet:\n{sheet}");
        assert!(err.contains(note), "{note} not on stderr:\n{err}");
    }
    assert!(
        !draft.contains("611/НҚ") && !draft.contains("перевод"),
        "{draft}"
    );
    // The form's title is reproduced as the Rules word it; the note tells the reviewer.
    assert!(
        draft.contains("на включение в перечень информационно-коммуникационных объектов"),
        "{draft}"
    );
}

#[test]
fn render_all_drafts_what_fits_and_exits_by_the_outcome() {
    let out = tempfile::tempdir().unwrap();
    let (code, _, err) = render(&[
        "all",
        "--lang",
        "ru",
        "--out-dir",
        out.path().to_str().unwrap(),
        "sample-dossiers",
    ]);
    // Two samples are refused: 1, as `check` says; nothing is an error.
    assert_eq!(code, 1, "{err}");
    let names = file_names(out.path());
    // 14 drafts and a covering letter for each of the five samples.
    assert_eq!(names.len(), 19, "{names:?}");
    for must in [
        "esedo.order.ru.md",
        "esedo.operator-notice.ru.md",
        "e-licensing.decision.ru.md",
        "gbd-fl.application.ru.md",
        "gbd-fl.cover-letter.ru.md",
    ] {
        assert!(names.iter().any(|n| n == must), "{must} missing: {names:?}");
    }
    assert!(!names.iter().any(|n| n.starts_with("e-licensing.order")));
    // One summary of what was skipped and why, not a line per draft.
    assert!(
        err.contains("пропущено проектов, не подходящих к своему досье: 16"),
        "{err}"
    );
    assert_eq!(err.matches("order (").count(), 1, "{err}");
    assert!(err.contains("  removal-notice (5); например:"), "{err}");
    // One document over many dossiers skips those it does not fit, too (the README's example).
    let (code, _, err) = render(&[
        "order",
        "--out-dir",
        out.path().join("orders").to_str().unwrap(),
        "sample-dossiers",
    ]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn the_city_of_dossier_toml_heads_the_order_and_the_notices() {
    let f = Fixture::information_system();
    f.file(
        "dossier.toml",
        "city = { kk = \"Астана қ.\", ru = \"г. Астана\" }\n".as_bytes(),
    );
    let path = f.path().to_str().unwrap();
    let (code, ru, err) = render(&["order", "--lang", "ru", path]);
    assert_eq!(code, 0, "{err}");
    assert!(ru.contains("\nг. Астана\n"), "{ru}");
    let (_, kk, _) = render(&["operator-notice", "--lang", "kk", path]);
    assert!(kk.contains("\nАстана қ.\n"), "{kk}");
    // Without it, no city line at all (a blank line of underscores would read as a rule).
    let g = Fixture::information_system();
    let (_, ru, _) = render(&["order", "--lang", "ru", g.path().to_str().unwrap()]);
    assert!(
        ru.contains("\n____________________ № ____________________\n"),
        "{ru}"
    );
    assert!(!ru.contains("Астана"), "{ru}");
}

#[test]
fn a_pdf_table_continued_on_the_next_page_repeats_its_header_and_pages_after_the_first_are_numbered()
 {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("decision.pdf");
    let (code, _, err) = render(&[
        "decision",
        "--lang",
        "ru",
        "-o",
        out.to_str().unwrap(),
        "sample-dossiers/esedo",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc = lopdf::Document::load(&out).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let second = doc.extract_text(&[pages[1]]).unwrap();
    assert!(
        second.contains("Критерий") && second.contains("Балл"),
        "no header row on page 2:\n{second}"
    );
    // Numbered from the second page on, as official documents are.
    for (n, page) in pages.iter().enumerate() {
        let text = doc.extract_text(&[*page]).unwrap();
        let last = text
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string();
        assert_eq!(
            last == (n + 1).to_string(),
            n > 0,
            "page {} ends with {last:?}",
            n + 1
        );
    }
}

/// The tenge sign and the other symbols the body font lacks print from the embedded fallback
/// face; a character no face has is refused with the key and code point, and `check` warns
/// about it before anything is drafted.
#[test]
fn a_character_the_body_font_lacks_prints_from_the_fallback_face_or_is_named() {
    let mut f = Fixture::information_system();
    f.edit(
        "ru: \"Тестовая система\"",
        "ru: \"Тестовая система ₸ ✓ ★ ⚠\"",
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.pdf");
    let (code, _, err) = render(&[
        "application",
        "--lang",
        "ru",
        "-o",
        out.to_str().unwrap(),
        f.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(&out).unwrap();
    let (text, _) = pdf_text(&bytes);
    for c in ["₸", "✓", "★", "⚠"] {
        assert!(text.contains(c), "{c} not in the PDF text:\n{text}");
    }
    assert!(
        String::from_utf8_lossy(&bytes).contains("DejaVuSans"),
        "the fallback face is embedded"
    );
    let (_, d) = f.check_json();
    assert!(
        !d.to_string().contains("text.undrawable"),
        "drawable text draws no warning: {d}"
    );
    // A character no embedded face has: a warning from check, a clear refusal from render.
    f.edit("Тестовая система ₸ ✓ ★ ⚠", "Тестовая система 中");
    let (_, d) = f.check_json();
    let warning = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "text.undrawable")
        .unwrap_or_else(|| panic!("no warning: {d}"))
        .clone();
    assert_eq!(warning["severity"], "warning", "{warning}");
    assert!(warning["line"].as_u64().is_some(), "{warning}");
    let (code, _, err) = render(&[
        "application",
        "--lang",
        "ru",
        "--force",
        "-o",
        out.to_str().unwrap(),
        f.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("object.name") && err.contains("U+4E2D") && !err.contains("internal"),
        "{err}"
    );
    // Word and HTML leave it to the reader's fonts.
    let (code, _, err) = render(&[
        "application",
        "--lang",
        "ru",
        "--format",
        "html",
        f.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
}
