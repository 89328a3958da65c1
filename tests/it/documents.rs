//! Contract §3: when a document counts as present. One test per status and per problem.

use crate::support::*;

#[test]
fn a_complete_dossier_is_included() {
    let f = Fixture::information_system();
    let (code, d) = f.check_json();
    assert_eq!(d["outcome"], "include", "{d}");
    assert_eq!(code, 0);
    for doc in d["documents"].as_array().unwrap() {
        assert_eq!(doc["status"], "present", "{doc}");
        assert_eq!(doc["pages"], 2, "{doc}");
    }
}

#[test]
fn pages_add_up_over_files() {
    let mut f = Fixture::information_system();
    f.file("docs/tz2.pdf", &pdf("more", 5));
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: [docs/tz.pdf, docs/tz2.pdf]",
    );
    assert_eq!(f.document("technical-documentation")["pages"], 7);
}

#[test]
fn an_unlisted_document_is_missing() {
    let mut f = Fixture::information_system();
    f.edit("  deployment-scope: docs/scope.pdf\n", "");
    let doc = f.document("deployment-scope");
    assert_eq!(doc["status"], "missing");
    assert!(
        doc["message"].as_str().unwrap().contains("not listed"),
        "{doc}"
    );
}

#[test]
fn a_file_that_is_not_there_is_missing() {
    let f = Fixture::information_system();
    std::fs::remove_file(f.path().join("docs/scope.pdf")).unwrap();
    let doc = f.document("deployment-scope");
    assert_eq!(doc["status"], "missing");
    assert!(
        doc["message"]
            .as_str()
            .unwrap()
            .contains("docs/scope.pdf not found"),
        "{doc}"
    );
}

#[test]
fn an_init_placeholder_is_missing() {
    let f = Fixture::information_system();
    f.file(
        "docs/scope.pdf",
        b"DOSSIER-PLACEHOLDER\nReplace this file with the document.\n",
    );
    let doc = f.document("deployment-scope");
    assert_eq!(doc["status"], "missing");
    assert!(
        doc["message"].as_str().unwrap().contains("placeholder"),
        "{doc}"
    );
}

fn invalid_because(bytes: &[u8], expected_code: &str, words: &str) {
    let f = Fixture::information_system();
    f.file("docs/tz.pdf", bytes);
    let (code, d) = f.check_json();
    let doc = document_in(&d, "technical-documentation");
    assert_eq!(doc["status"], "invalid", "{doc}");
    let message = doc["message"].as_str().unwrap();
    assert!(message.contains(words), "`{message}` lacks `{words}`");
    let found = diagnostics(&d, expected_code);
    assert_eq!(found.len(), 1, "{d}");
    // Findings point at the line of the file in dossier.yaml.
    assert_eq!(found[0]["line"], line_of(&f.yaml, "docs/tz.pdf"), "{d}");
    // A clause-5 item: refused on ground 6.3, exit 1.
    assert_eq!(d["outcome"], "refuse");
    assert_eq!(d["grounds"], serde_json::json!(["6.3"]));
    assert_eq!(code, 1);
}

#[test]
fn an_empty_file_is_invalid() {
    invalid_because(b"", "document.empty", "is empty");
}

#[test]
fn text_with_a_pdf_name_is_invalid() {
    invalid_because(
        b"just some notes, not a document\n",
        "document.unknown-type",
        "not a document of an accepted type",
    );
}

#[test]
fn a_zip_that_is_no_office_file_is_invalid() {
    invalid_because(
        &zip_of(&[("notes.txt", "hello".into())]),
        "document.unknown-type",
        "ZIP archive",
    );
}

#[test]
fn a_damaged_pdf_is_invalid() {
    let mut bytes = pdf("tz", 3);
    bytes.truncate(bytes.len() / 3);
    invalid_because(&bytes, "document.damaged", "is damaged");
}

#[test]
fn a_password_protected_pdf_is_invalid() {
    invalid_because(
        &encrypted_pdf("tz", "secret"),
        "document.password-protected",
        "password-protected",
    );
}

#[test]
fn a_pdf_with_only_an_owner_password_opens_and_counts() {
    let f = Fixture::information_system();
    f.file("docs/tz.pdf", &encrypted_pdf("tz", ""));
    assert_eq!(f.document("technical-documentation")["status"], "present");
}

#[test]
fn every_accepted_type_counts_by_content_not_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";
    // Each with its dimensions, as a real image has: JPEG's SOF0, TIFF's width and length.
    let jpeg = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xc0\0\x11\x08\0\x01\0\x01\x03\x01\x22\0\x02\x11\x01\x03\x11\x01\xff\xd9";
    let tiff = b"II*\0\x08\0\0\0\x02\0\0\x01\x03\0\x01\0\0\0\x01\0\0\0\x01\x01\x03\0\x01\0\0\0\x01\0\0\0\0\0\0\0";
    let rtf = b"{\\rtf1\\ansi Hello}";
    let ole = ole_with_stream("WordDocument");
    let odt = zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text".into()),
        ("content.xml", "<x/>".into()),
    ]);
    let ods = zip_of(&[
        (
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet".into(),
        ),
        ("content.xml", "<x/>".into()),
    ]);
    let xlsx = zip_of(&[
        ("[Content_Types].xml", "<x/>".into()),
        ("xl/workbook.xml", "<x/>".into()),
    ]);
    let docx = docx(&["Қазақ мәтіні"]);
    for (name, bytes) in [
        ("png", png.to_vec()),
        ("jpeg", jpeg.to_vec()),
        ("tiff", tiff.to_vec()),
        ("rtf", rtf.to_vec()),
        ("doc", ole),
        ("odt", odt),
        ("ods", ods),
        ("xlsx", xlsx),
        ("docx", docx),
    ] {
        let f = Fixture::information_system();
        // Deliberately misnamed: the type comes from the content.
        f.file("docs/tz.pdf", &bytes);
        assert_eq!(
            f.document("technical-documentation")["status"],
            "present",
            "{name}"
        );
    }
}

#[test]
fn an_absolute_path_is_invalid_and_never_opened() {
    let mut f = Fixture::information_system();
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: /etc/passwd",
    );
    let doc = f.document("technical-documentation");
    assert_eq!(doc["status"], "invalid");
    assert!(
        doc["message"].as_str().unwrap().contains("absolute path"),
        "{doc}"
    );
}

#[test]
fn a_path_climbing_out_is_invalid() {
    let mut f = Fixture::information_system();
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: docs/../../outside.pdf",
    );
    let (_, d) = f.check_json();
    let found = diagnostics(&d, "document.outside");
    assert_eq!(found.len(), 1, "{d}");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("leaves the dossier folder")
    );
    assert_eq!(found[0]["line"], line_of(&f.yaml, "outside.pdf"));
}

#[cfg(unix)]
#[test]
fn a_link_to_etc_passwd_is_invalid() {
    let mut f = Fixture::information_system();
    std::os::unix::fs::symlink("/etc/passwd", f.path().join("docs/passwd.pdf")).unwrap();
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: docs/passwd.pdf",
    );
    let doc = f.document("technical-documentation");
    assert_eq!(doc["status"], "invalid");
    assert!(
        doc["message"]
            .as_str()
            .unwrap()
            .contains("link to /etc/passwd"),
        "{doc}"
    );
}

#[cfg(unix)]
#[test]
fn a_linked_folder_leading_outside_is_invalid() {
    let outside = tempfile::tempdir().unwrap();
    put(outside.path(), "real.pdf", &pdf("x", 1));
    let mut f = Fixture::information_system();
    std::os::unix::fs::symlink(outside.path(), f.path().join("elsewhere")).unwrap();
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: elsewhere/real.pdf",
    );
    assert_eq!(f.document("technical-documentation")["status"], "invalid");
}

/// A link out of the folder is named as one even when nothing is at its end: the escape is
/// found before the missing name (a missing document is reported without looking for links).
#[cfg(unix)]
#[test]
fn a_dangling_link_out_of_the_folder_is_named_as_a_link() {
    for target in ["/nonexistent/tz.pdf", "../../nonexistent-tz.pdf"] {
        let mut f = Fixture::information_system();
        std::os::unix::fs::symlink(target, f.path().join("docs/gone.pdf")).unwrap();
        f.edit(
            "technical-documentation: docs/tz.pdf",
            "technical-documentation: docs/gone.pdf",
        );
        let doc = f.document("technical-documentation");
        assert_eq!(doc["status"], "invalid", "{target}: {doc}");
        assert!(
            doc["message"]
                .as_str()
                .unwrap()
                .contains(&format!("link to {target}")),
            "{target}: {doc}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_dossier_counts() {
    let mut f = Fixture::information_system();
    std::os::unix::fs::symlink("tz.pdf", f.path().join("docs/tz-link.pdf")).unwrap();
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: docs/tz-link.pdf",
    );
    assert_eq!(f.document("technical-documentation")["status"], "present");
}

#[test]
fn a_folder_is_not_a_document() {
    let mut f = Fixture::information_system();
    std::fs::create_dir_all(f.path().join("docs/folder.pdf")).unwrap();
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: docs/folder.pdf",
    );
    assert_eq!(f.document("technical-documentation")["status"], "invalid");
}

#[test]
fn one_good_file_carries_the_requirement() {
    let mut f = Fixture::information_system();
    f.file("docs/empty.pdf", b"");
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: [docs/empty.pdf, docs/tz.pdf]",
    );
    let (_, d) = f.check_json();
    let doc = document_in(&d, "technical-documentation");
    assert_eq!(doc["status"], "present");
    // The empty one is still reported, as a warning.
    let w = diagnostics(&d, "document.empty");
    assert_eq!(w[0]["severity"], "warning");
}

#[test]
fn an_expired_protocol_is_expired_at_its_line() {
    let mut f = Fixture::information_system();
    f.protocol_valid_until("2026-11-22");
    let (code, d) = f.check_json();
    let doc = document_in(&d, "security-test-protocol");
    assert_eq!(doc["status"], "expired");
    assert_eq!(d["grounds"], serde_json::json!(["6.3"]));
    assert_eq!(code, 1);
    let e = diagnostics(&d, "document.expired");
    assert_eq!(e[0]["line"], line_of(&f.yaml, "valid_until"));
}

#[test]
fn valid_on_its_last_day() {
    let mut f = Fixture::information_system();
    f.edit(
        "security-test-protocol: docs/protocol.pdf",
        &format!("security-test-protocol:\n    files: docs/protocol.pdf\n    valid_until: {TODAY}"),
    );
    assert_eq!(f.document("security-test-protocol")["status"], "present");
}

#[test]
fn an_expired_protocol_in_development_is_allowed() {
    let mut f = Fixture::information_system();
    f.edit("stage: industrial-operation", "stage: development");
    f.protocol_valid_until("2020-01-01");
    let (code, d) = f.check_json();
    assert_eq!(d["outcome"], "include", "{d}");
    assert_eq!(code, 0);
    let doc = document_in(&d, "security-test-protocol");
    assert_eq!(doc["status"], "expired-allowed");
}

#[test]
fn trial_operation_is_not_development() {
    let mut f = Fixture::information_system();
    f.edit("stage: industrial-operation", "stage: trial-operation");
    f.protocol_valid_until("2020-01-01");
    let doc = f.document("security-test-protocol");
    assert_eq!(doc["status"], "expired");
    assert!(
        doc["message"]
            .as_str()
            .unwrap()
            .contains("trial operation is not that stage"),
        "{doc}"
    );
}

#[test]
fn a_protocol_without_a_date_is_present_with_a_warning() {
    let f = Fixture::information_system();
    let (_, d) = f.check_json();
    assert_eq!(diagnostics(&d, "document.validity-unknown").len(), 1, "{d}");
}

#[test]
fn a_huge_scan_is_not_read_whole() {
    // A sparse 600 MB file after a real PDF header: the checker must not load it.
    let f = Fixture::information_system();
    let path = f.path().join("docs/tz.pdf");
    std::fs::write(&path, pdf("tz", 1)).unwrap();
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.set_len(600 * 1024 * 1024).unwrap();
    let (_, d) = f.check_json();
    // Trailing zeros after %%EOF: readers ignore them; either way the check finishes quickly
    // and reports a status rather than running out of memory.
    let doc = document_in(&d, "technical-documentation");
    assert!(
        doc["status"] == "present" || doc["status"] == "invalid",
        "{doc}"
    );
}

/// An OLE compound file with one stream, as Word 97-2003 (`WordDocument`) writes.
fn ole_with_stream(name: &str) -> Vec<u8> {
    let mut c = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    use std::io::Write;
    c.create_stream(name).unwrap().write_all(b"text").unwrap();
    c.flush().unwrap();
    c.into_inner().into_inner()
}

#[test]
fn an_ole_file_that_is_no_word_or_excel_is_invalid() {
    let f = Fixture::information_system();
    f.file("docs/tz.pdf", &ole_with_stream("SummaryInformation"));
    assert_eq!(f.document("technical-documentation")["status"], "invalid");
}

#[test]
fn a_row_met_without_its_evidence_draws_a_warning() {
    let f = Fixture::information_system();
    let (_, d) = f.check_json();
    let w = diagnostics(&d, "criterion.basis-missing");
    assert_eq!(w.len(), 1, "3.1 is met from facts: {d}");
    assert_eq!(w[0]["args"]["row"], "3.1");
    assert!(
        w[0]["message"].as_str().unwrap().contains("\"active\""),
        "{}",
        w[0]
    );
    let mut g = Fixture::information_system();
    g.edit(
        "review:",
        "evidence:\n  \"3.1\": \"signed in within 12 months\"\nreview:",
    );
    assert!(diagnostics(&g.check_json().1, "criterion.basis-missing").is_empty());
}

#[test]
fn an_attestat_given_as_the_test_protocol_draws_a_warning() {
    let mut f = Fixture::information_system();
    f.file("docs/attestat-2023.pdf", &pdf("attestat", 1));
    f.edit(
        "security-test-protocol: docs/protocol.pdf",
        "security-test-protocol: docs/attestat-2023.pdf",
    );
    assert_eq!(
        diagnostics(&f.check_json().1, "document.attestat-not-protocol").len(),
        1
    );
}

#[test]
fn a_row_left_to_the_reviewer_by_r19_is_not_reported_as_an_unstated_fact() {
    let mut f = Fixture::information_system();
    f.edit("facts:\n", "facts:\n  subordinate_orgs_total: 2\n  subordinate_orgs_integrated: 2\n  territorial_units_total: 17\n  territorial_units_integrated: 17\n");
    let (_, d) = f.check_json();
    let row = d["score"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "1.4")
        .unwrap()
        .clone();
    assert_eq!(row["status"], "unknown", "{row}");
    let missing = diagnostics(&d, "criterion.fact-missing");
    assert!(
        missing
            .iter()
            .all(|m| !m["message"].as_str().unwrap().contains("1.4")),
        "{missing:?}"
    );
    let out = dossier()
        .args(["score", "--today", TODAY])
        .arg(f.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let still = text
        .lines()
        .find(|l| l.starts_with("Still to state"))
        .unwrap_or("");
    assert!(!still.contains("(1.4)"), "{still}");
}

#[test]
fn office_files_give_pages_from_app_xml_and_spreadsheets_their_sheets() {
    // Word and LibreOffice record <Pages> in docProps/app.xml; a workbook has worksheets, not
    // pages; a file without either leaves a blank in the application for the official.
    let mut f = Fixture::information_system();
    let mut parts: Vec<(&str, String)> = Vec::new();
    let word = docx(&["Перечень функций"]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(word)).unwrap();
    for i in 0..archive.len() {
        let mut e = archive.by_index(i).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut e, &mut s).unwrap();
        parts.push((Box::leak(e.name().to_string().into_boxed_str()), s));
    }
    parts.push(("docProps/app.xml", "<?xml version=\"1.0\"?><Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Pages>7</Pages></Properties>".to_string()));
    f.file("docs/functions.docx", &zip_of(&parts));
    f.edit(
        "services-functions: docs/services.pdf",
        "services-functions: docs/functions.docx",
    );
    let book = zip_of(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_string()),
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"A\" sheetId=\"1\"/><sheet name=\"B\" sheetId=\"2\"/></sheets></workbook>".to_string()),
        ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".to_string()),
        ("xl/worksheets/sheet2.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".to_string()),
    ]);
    f.file("docs/criteria.xlsx", &book);
    f.edit(
        "criteria-compliance: docs/criteria.pdf",
        "criteria-compliance: docs/criteria.xlsx",
    );
    let (_, d) = f.check_json();
    let doc = |id: &str| document_in(&d, id);
    assert_eq!(doc("services-functions")["pages"], 7, "{d}");
    let sheet = doc("criteria-compliance");
    assert_eq!(
        (sheet["status"].as_str(), sheet["sheets"].as_u64()),
        (Some("present"), Some(2)),
        "{d}"
    );
    assert!(sheet.get("pages").is_none());
    let out = dossier()
        .args(["render", "cover-letter", "--lang", "ru", "--today", TODAY])
        .arg(f.path())
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("на 7 л."), "{md}");
    // The count no one counted is named in the review notes with where it came from.
    let notes = String::from_utf8(out.stderr).unwrap();
    assert!(
        notes.contains("число листов (7) взято из файла Word (docProps/app.xml)"),
        "{notes}"
    );
    assert!(md.contains("(электронная таблица, листов: 2)"), "{md}");
}

/// Damaged documents of every kind the inspection tells apart, each as the bytes of
/// `docs/tz.pdf`.
fn damaged_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let good = pdf("tz", 3);
    let mut cut = good.clone();
    cut.truncate(good.len() / 3);
    let no_startxref = {
        let at = good.windows(9).rposition(|w| w == b"startxref").unwrap();
        good[..at].to_vec()
    };
    let startxref_outside = {
        let at = good.windows(9).rposition(|w| w == b"startxref").unwrap();
        let mut b = good[..at].to_vec();
        b.extend_from_slice(b"startxref\n999999999\n%%EOF\n");
        b
    };
    let count_lies = String::from_utf8_lossy(&good)
        .replacen("/Count 3", "/Count 7", 1)
        .into_bytes();
    let docx_without_body = zip_of(&[
        ("[Content_Types].xml", "<Types/>".into()),
        ("word/document.xml", String::new()),
    ]);
    let docx_not_xml = zip_of(&[
        ("[Content_Types].xml", "<Types/>".into()),
        ("word/document.xml", "plain words, not XML".into()),
    ]);
    let mut zip_cut = docx(&["Техникалық тапсырма"]);
    zip_cut.truncate(zip_cut.len() - 30);
    let ole_cut = {
        let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        b.extend_from_slice(&[0u8; 100]);
        b
    };
    let png_stub = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let rtf_cut = b"{\\rtf1\\ansi truncated text that never closes".to_vec();
    vec![
        ("a PDF cut short", cut),
        ("a PDF without startxref", no_startxref),
        ("a PDF whose startxref points outside", startxref_outside),
        ("a PDF whose page count lies", count_lies),
        ("a DOCX with an empty body", docx_without_body),
        ("a DOCX whose body is not XML", docx_not_xml),
        ("a DOCX cut short", zip_cut),
        ("an OLE file cut short", ole_cut),
        ("a PNG stub", png_stub),
        ("an RTF cut short", rtf_cut),
    ]
}

#[test]
fn a_damaged_document_is_explained_without_an_english_word_in_russian_and_kazakh() {
    // Words that are names, not English: formats, PDF and ZIP keys, the file itself.
    const NAMES: &[&str] = &[
        "PDF",
        "ZIP",
        "ZIP64",
        "OLE",
        "XML",
        "RTF",
        "PNG",
        "DOCX",
        "XLSX",
        "DOC",
        "XLS",
        "ODT",
        "ODS",
        "JPEG",
        "TIFF",
        "startxref",
        "word",
        "document",
        "xml",
        "docs",
        "tz",
        "pdf",
        "Root",
        "Kids",
        "Count",
        "mimetype",
        "content",
        "dossier",
        "yaml",
    ];
    for (what, bytes) in damaged_fixtures() {
        let f = Fixture::information_system();
        f.file("docs/tz.pdf", &bytes);
        let (_, d) = f.check_json();
        let doc = document_in(&d, "technical-documentation");
        assert_eq!(doc["status"], "invalid", "{what}: {doc}");
        for lang in ["ru", "kk"] {
            let out = dossier()
                .args(["check", "--today", TODAY, "--lang", lang])
                .arg(f.path())
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            let line = text
                .lines()
                .find(|l| l.contains("tz.pdf"))
                .unwrap_or_else(|| panic!("{what} ({lang}): no finding names the file\n{text}"));
            let english: Vec<&str> = line
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.len() > 1 && w.chars().any(|c| c.is_ascii_alphabetic()))
                .filter(|w| !NAMES.contains(w))
                .collect();
            assert!(
                english.is_empty(),
                "{what} ({lang}): English in `{line}`: {english:?}"
            );
        }
    }
}
